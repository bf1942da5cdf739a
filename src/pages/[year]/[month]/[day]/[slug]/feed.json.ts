import type { APIContext } from 'astro';
import { getLiveFeed, liveFeedPaths } from '../../../../../lib/distribution/feed-data';
import { jsonFeed } from '../../../../../lib/distribution/feeds';

// A live story's entries (src/lib/content/live.ts); the page's script checks this feed.
export const getStaticPaths = liveFeedPaths;
export const GET = async ({ params }: APIContext) =>
  new Response(JSON.stringify(jsonFeed(await getLiveFeed(params))), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
