import type { APIContext } from 'astro';
import { getLiveFeed, liveFeedPaths } from '../../../../../lib/distribution/feed-data';
import { atomXml } from '../../../../../lib/distribution/feeds';

// A live story's entries (src/lib/content/live.ts).
export const getStaticPaths = liveFeedPaths;
export const GET = async ({ params }: APIContext) =>
  new Response(atomXml(await getLiveFeed(params)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
