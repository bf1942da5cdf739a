import { getSiteData } from '../lib/collection';
import { newsSitemapXml, recentArticles } from '../lib/sitemaps';

export const GET = async () => {
  const { archive, now } = await getSiteData();
  return new Response(newsSitemapXml(recentArticles(archive.articles, now)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
