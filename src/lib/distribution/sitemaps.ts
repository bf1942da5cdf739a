/**
 * Sitemaps for search engines: options for @astrojs/sitemap (every page, lastmod per article),
 * the Google News sitemap (the last 48 hours) and robots.txt.
 */
import type { Article } from '../content/articles.ts';
import { lastmodOf } from '../build/manifest.ts';
import { isoOslo } from '../dates.ts';
import { escapeMarkup } from '../escape.ts';
import { SITE } from '../site.ts';
import { absoluteUrl, newsSitemapPath, sitemapIndexPath } from '../urls.ts';

/** Google News takes articles published in the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** Options for @astrojs/sitemap: no 404 page, lastmod on articles, the news sitemap in the index. */
export function sitemapOptions(site: string, base: string) {
  return {
    filter: (page: string) => !/\/404\/?$/.test(page),
    customSitemaps: [absoluteUrl(newsSitemapPath(), site, base)],
    serialize: <T extends { url: string; lastmod?: string | undefined }>(item: T): T => {
      const lastmod = lastmodOf(item.url);
      return lastmod ? { ...item, lastmod } : item;
    },
  };
}

/** Articles in the Google News window before `now`, from a newest-first list (stops early). */
export function recentArticles(newestFirst: readonly Article[], now: Date): Article[] {
  const from = now.getTime() - NEWS_WINDOW_MS;
  const recent: Article[] = [];
  for (const article of newestFirst) {
    const t = article.date.getTime();
    if (t < from) break;
    if (t <= now.getTime()) recent.push(article);
  }
  return recent;
}

/** The Google News sitemap (https://www.google.com/schemas/sitemap-news/0.9). */
export function newsSitemapXml(articles: readonly Article[]): string {
  const urls = articles.map((a) =>
    [
      '  <url>',
      `    <loc>${escapeMarkup(absoluteUrl(a.path))}</loc>`,
      '    <news:news>',
      '      <news:publication>',
      `        <news:name>${escapeMarkup(SITE.name)}</news:name>`,
      `        <news:language>${SITE.language}</news:language>`,
      '      </news:publication>',
      `      <news:publication_date>${isoOslo(a.date)}</news:publication_date>`,
      `      <news:title>${escapeMarkup(a.title)}</news:title>`,
      '    </news:news>',
      '  </url>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

export function robotsTxt(): string {
  return [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${absoluteUrl(sitemapIndexPath())}`,
    `Sitemap: ${absoluteUrl(newsSitemapPath())}`,
    '',
  ].join('\n');
}
