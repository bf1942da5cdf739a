import { getSitemapParts } from '../lib/content/collection';
import { sitemapIndexXml } from '../lib/distribution/sitemaps';

export const GET = async () =>
  new Response(sitemapIndexXml(await getSitemapParts()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
