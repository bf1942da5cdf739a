import type { APIContext } from 'astro';
import { topicFeedPaths, getFeed } from '../../../lib/distribution/feed-data';
import { atomXml } from '../../../lib/distribution/feeds';

export const getStaticPaths = topicFeedPaths;
export const GET = async ({ params }: APIContext) =>
  new Response(atomXml(await getFeed({ kind: 'topic', slug: params.topic as string })), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
