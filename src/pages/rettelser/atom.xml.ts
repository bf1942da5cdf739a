import { getCorrectionsFeed } from '../../lib/distribution/feed-data';
import { atomXml } from '../../lib/distribution/feeds';

export const GET = async () =>
  new Response(atomXml(await getCorrectionsFeed()), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
