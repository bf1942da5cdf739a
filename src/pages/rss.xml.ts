import rss from '@astrojs/rss';
import { getFeed } from '../lib/distribution/feed-data';
import { rssOptions } from '../lib/distribution/feeds';

export const GET = async () => rss(rssOptions(await getFeed()));
