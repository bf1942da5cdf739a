import { getSiteData } from '../lib/content/collection';
import { newsSitemapXml, recentArticles } from '../lib/distribution/sitemaps';

export const GET = async () => {
  const { archive, now } = await getSiteData();
  return new Response(newsSitemapXml(recentArticles(archive.articles, now)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
