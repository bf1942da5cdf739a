import type { APIContext } from 'astro';
import { categoryFeedPaths, getFeed } from '../../lib/distribution/feed-data';
import { atomXml } from '../../lib/distribution/feeds';

export const getStaticPaths = categoryFeedPaths;
export const GET = async ({ params }: APIContext) =>
  new Response(atomXml(await getFeed({ kind: 'category', slug: params.category as string })), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
