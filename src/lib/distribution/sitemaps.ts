/**
 * Sitemaps for search engines, by period: one sitemap per Oslo month with the pages of that
 * month (its articles with their last modification, its day and month pages, the lists' month
 * pages), one for the pages that are not dated (front page, lists' first pages, years, indexes),
 * an index of them all, the Google News sitemap (the last 48 hours) and robots.txt.
 *
 * A new story changes its own month's sitemap, the undated one and the index; every older
 * month's sitemap stays byte for byte as it was (so a rebuild need not write it again).
 */
import { getPublication } from '../content/publication.ts';
import type { Archive } from '../archive/archive.ts';
import type { ListingPage } from '../archive/routes.ts';
import type { Article } from '../content/articles.ts';
import { isoOslo } from '../dates.ts';
import { escapeMarkup } from '../escape.ts';
import {
  absoluteUrl,
  homePath,
  newsSitemapPath,
  searchPath,
  aboutPath,
  correctionsPath,
  sitemapIndexPath,
  sitemapPath,
} from '../urls.ts';

/** Google News takes articles published in the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** The sitemap of the pages that belong to no month. */
export const UNDATED_SITEMAP = 'sider';

export interface SitemapUrl {
  /** Site path without the deploy base. */
  path: string;
  /** ISO date and time of the last change, for articles. */
  lastmod?: string | undefined;
}

/** The sitemap a month's pages are in: "2020-10". */
export const monthSitemap = (year: string, month: string): string => `${year}-${month}`;

/** The sitemap a list page is in: its month's, or the undated one. */
function listingSitemap(page: ListingPage): string {
  switch (page.kind) {
    case 'day':
      return monthSitemap(page.day.year, page.day.month);
    case 'month':
      return monthSitemap(page.year, page.month);
    case 'category':
    case 'topic':
    case 'author':
      return page.period ? monthSitemap(page.period.year, page.period.month) : UNDATED_SITEMAP;
    default:
      return UNDATED_SITEMAP;
  }
}

/**
 * Every page of the site (but the 404 page) by sitemap name, each sitemap's pages sorted by
 * path; the undated sitemap first, then months oldest first. Linear in the pages.
 */
export function sitemapParts(archive: Archive, listing: readonly ListingPage[]): Map<string, SitemapUrl[]> {
  const parts = new Map<string, SitemapUrl[]>([
    [
      UNDATED_SITEMAP,
      [{ path: homePath() }, { path: searchPath() }, { path: aboutPath() }, { path: correctionsPath() }],
    ],
  ]);
  const add = (name: string, url: SitemapUrl) => {
    let urls = parts.get(name);
    if (!urls) parts.set(name, (urls = []));
    urls.push(url);
  };
  for (const article of archive.articles) {
    add(monthSitemap(article.day.year, article.day.month), {
      path: article.path,
      lastmod: isoOslo(article.updated ?? article.date),
    });
  }
  for (const page of listing) add(listingSitemap(page), { path: page.path });
  const byPath = (a: SitemapUrl, b: SitemapUrl) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const names = [...parts.keys()].filter((name) => name !== UNDATED_SITEMAP).sort();
  return new Map(
    [UNDATED_SITEMAP, ...names].map((name) => [name, (parts.get(name) ?? []).sort(byPath)] as const),
  );
}

/** A sitemap (https://www.sitemaps.org/protocol.html) of `urls`. */
export function urlsetXml(urls: readonly SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(
      (u) =>
        `<url><loc>${escapeMarkup(absoluteUrl(u.path))}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * The sitemap index: the undated and monthly sitemaps, each with the latest change among its
 * articles, and the news sitemap.
 */
export function sitemapIndexXml(parts: ReadonlyMap<string, readonly SitemapUrl[]>): string {
  const entries = [...parts].map(([name, urls]) => {
    const lastmod = urls.reduce<string | undefined>(
      (latest, u) =>
        u.lastmod && (!latest || Date.parse(u.lastmod) > Date.parse(latest)) ? u.lastmod : latest,
      undefined,
    );
    return `<sitemap><loc>${escapeMarkup(absoluteUrl(sitemapPath(name)))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`;
  });
  entries.push(`<sitemap><loc>${escapeMarkup(absoluteUrl(newsSitemapPath()))}</loc></sitemap>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</sitemapindex>',
    '',
  ].join('\n');
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

/**
 * When the first of the news sitemap's articles leaves its window (the first moment it is
 * older than NEWS_WINDOW_MS), from a newest-first list; undefined when the sitemap is empty.
 */
export function newsSitemapLeaves(newestFirst: readonly Article[], now: Date): Date | undefined {
  const oldest = recentArticles(newestFirst, now).at(-1);
  return oldest && new Date(oldest.date.getTime() + NEWS_WINDOW_MS + 1);
}

/** The Google News sitemap (https://www.google.com/schemas/sitemap-news/0.9). */
export function newsSitemapXml(articles: readonly Article[]): string {
  const urls = articles.map((a) =>
    [
      '  <url>',
      `    <loc>${escapeMarkup(absoluteUrl(a.path))}</loc>`,
      '    <news:news>',
      '      <news:publication>',
      `        <news:name>${escapeMarkup(getPublication().name)}</news:name>`,
      `        <news:language>${a.lang}</news:language>`,
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
