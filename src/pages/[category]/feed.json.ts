import type { APIContext } from 'astro';
import { categoryFeedPaths, getFeed } from '../../lib/distribution/feed-data';
import { jsonFeed } from '../../lib/distribution/feeds';

export const getStaticPaths = categoryFeedPaths;
export const GET = async ({ params }: APIContext) =>
  new Response(
    JSON.stringify(jsonFeed(await getFeed({ kind: 'category', slug: params.category as string }))),
    {
      headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
    },
  );
