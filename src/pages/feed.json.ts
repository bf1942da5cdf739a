import { getFeed } from '../lib/feed-data';
import { jsonFeed } from '../lib/feeds';

export const GET = async () =>
  new Response(JSON.stringify(jsonFeed(await getFeed())), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
