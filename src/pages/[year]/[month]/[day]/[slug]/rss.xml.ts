import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getLiveFeed, liveFeedPaths } from '../../../../../lib/distribution/feed-data';
import { rssOptions } from '../../../../../lib/distribution/feeds';

// A live story's entries (src/lib/content/live.ts).
export const getStaticPaths = liveFeedPaths;
export const GET = async ({ params }: APIContext) => rss(rssOptions(await getLiveFeed(params)));
