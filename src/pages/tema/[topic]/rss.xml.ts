import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { topicFeedPaths, getFeed } from '../../../lib/distribution/feed-data';
import { rssOptions } from '../../../lib/distribution/feeds';

export const getStaticPaths = topicFeedPaths;
export const GET = async ({ params }: APIContext) =>
  rss(rssOptions(await getFeed({ kind: 'topic', slug: params.topic as string })));
