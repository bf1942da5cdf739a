import { getCorrectionsFeed } from '../../lib/distribution/feed-data';
import { jsonFeed } from '../../lib/distribution/feeds';

export const GET = async () =>
  new Response(JSON.stringify(jsonFeed(await getCorrectionsFeed())), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
