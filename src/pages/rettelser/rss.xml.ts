import rss from '@astrojs/rss';
import { getCorrectionsFeed } from '../../lib/distribution/feed-data';
import { rssOptions } from '../../lib/distribution/feeds';

export const GET = async () => rss(rssOptions(await getCorrectionsFeed()));
