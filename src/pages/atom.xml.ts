import { getFeed } from '../lib/feed-data';
import { atomXml } from '../lib/feeds';

export const GET = async () =>
  new Response(atomXml(await getFeed()), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
