import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { categoryFeedPaths, getFeed } from '../../lib/distribution/feed-data';
import { rssOptions } from '../../lib/distribution/feeds';

export const getStaticPaths = categoryFeedPaths;
export const GET = async ({ params }: APIContext) =>
  rss(rssOptions(await getFeed({ kind: 'category', slug: params.category as string })));
