import { getFeed } from '../lib/distribution/feed-data';
import { atomXml } from '../lib/distribution/feeds';

export const GET = async () =>
  new Response(atomXml(await getFeed()), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
