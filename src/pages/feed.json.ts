import { getFeed } from '../lib/distribution/feed-data';
import { jsonFeed } from '../lib/distribution/feeds';

export const GET = async () =>
  new Response(JSON.stringify(jsonFeed(await getFeed())), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
