import rss from '@astrojs/rss';
import { getFeed } from '../lib/feed-data';
import { rssOptions } from '../lib/feeds';

export const GET = async () => rss(rssOptions(await getFeed()));
