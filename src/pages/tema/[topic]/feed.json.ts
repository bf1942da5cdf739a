import type { APIContext } from 'astro';
import { topicFeedPaths, getFeed } from '../../../lib/distribution/feed-data';
import { jsonFeed } from '../../../lib/distribution/feeds';

export const getStaticPaths = topicFeedPaths;
export const GET = async ({ params }: APIContext) =>
  new Response(JSON.stringify(jsonFeed(await getFeed({ kind: 'topic', slug: params.topic as string }))), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
