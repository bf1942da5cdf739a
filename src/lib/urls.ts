/**
 * The one URL builder. Every internal link is made here: base path, trailing slash and
 * pagination scheme are decided in this file only.
 *
 * `*Path` functions return site-relative paths without the base ("/2020/10/10/"), which are
 * also the route params; `href()` adds the deploy base (BASE_PATH) for links in pages.
 */
import { DEFAULT_SITE_URL } from './config.ts';
import type { OsloDay } from './dates.ts';

/** Path segment for page 2, 3, … of a paginated list: /utenriks/side/2/. */
export const PAGE_SEGMENT = 'side';

/** The deploy base, always with a trailing slash ("/" or "/nyheter/"). */
export const BASE: string = normaliseBase(typeof __BASE_PATH__ === 'string' ? __BASE_PATH__ : '/');

/** The deployed site's origin (SITE_URL), for absolute URLs. */
export const SITE_URL: string = typeof __SITE_URL__ === 'string' ? __SITE_URL__ : DEFAULT_SITE_URL;

/** "/nyheter" and "nyheter/" both become "/nyheter/"; "" becomes "/". */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** A site path ("/2020/" or "/") as a link under the deploy base. */
export function href(path: string, base: string = BASE): string {
  return base + path.replace(/^\/+/, '');
}

export const homePath = (): string => '/';

export const yearPath = (year: string): string => `/${year}/`;

export const monthPath = (year: string, month: string): string => `/${year}/${month}/`;

export const dayPath = (d: OsloDay): string => `/${d.year}/${d.month}/${d.day}/`;

export const articlePath = (d: OsloDay, slug: string): string => `${dayPath(d)}${slug}/`;

/** True for a path articlePath makes ("/2020/10/10/slug/"), false for every list page. */
export const isArticlePath = (path: string): boolean =>
  /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(path) && !isReservedArticleSlug(path.split('/')[4] ?? '');

export const categoryPath = (category: string): string => `/${category}/`;

/**
 * One month of a category, topic or byline list: /utenriks/2020/10/. Lists are kept by month so
 * that a new story changes only its own month's pages (and the list's first page), never the
 * pages of older months.
 */
export const listMonthPath = (listPath: string, year: string, month: string): string =>
  `${listPath}${year}/${month}/`;

/** Page n of a list whose first page is at `listPath`; page 1 is the list itself. */
export function pagedPath(listPath: string, page: number): string {
  return page <= 1 ? listPath : `${listPath}${PAGE_SEGMENT}/${page}/`;
}

/** The route param of a rest route ("[...path]") for a site path: "/2020/10/" → "2020/10". */
export function toRouteParam(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** Folders of the topic pages (/tema/nagorno-karabakh/) and byline pages (/av/ntb/). */
const TOPICS_SEGMENT = 'tema';
const AUTHORS_SEGMENT = 'av';

/** The topic index, or one topic's page. */
export const topicPath = (slug?: string): string =>
  slug ? `/${TOPICS_SEGMENT}/${slug}/` : `/${TOPICS_SEGMENT}/`;

/** The byline index, or the page of one person or organisation. */
export const authorPath = (slug?: string): string =>
  slug ? `/${AUTHORS_SEGMENT}/${slug}/` : `/${AUTHORS_SEGMENT}/`;

/** The search page's folder. */
const SEARCH_SEGMENT = 'sok';
/** The search index's folder in the output (src/lib/distribution/search-shards.ts). */
export const SEARCH_INDEX_SEGMENT = 'pagefind';
/** Astro's folder for hashed assets. */
const ASSETS_SEGMENT = '_astro';

/** The search page. */
export const searchPath = (): string => `/${SEARCH_SEGMENT}/`;

/** The folder of the sitemaps by period (src/lib/distribution/sitemaps.ts). */
export const SITEMAPS_SEGMENT = 'sitemaps';

const ABOUT_SEGMENT = 'om';
const CORRECTIONS_SEGMENT = 'rettelser';

/** Who answers for the site: editors, press code, contacts ("/om/"). */
export const aboutPath = (): string => `/${ABOUT_SEGMENT}/`;

/** The public log of every correction ("/rettelser/"), with its feeds. */
export const correctionsPath = (): string => `/${CORRECTIONS_SEGMENT}/`;

/**
 * Top-level segments the site itself uses (besides years, 4 digits): fixed pages and the
 * folders the build writes, which a category of that slug would overwrite or lose (the search
 * integration replaces its folder on every build).
 */
const RESERVED_SEGMENTS = new Set([
  PAGE_SEGMENT,
  '404',
  SEARCH_SEGMENT,
  SEARCH_INDEX_SEGMENT,
  TOPICS_SEGMENT,
  AUTHORS_SEGMENT,
  ASSETS_SEGMENT,
  SITEMAPS_SEGMENT,
  ABOUT_SEGMENT,
  CORRECTIONS_SEGMENT,
  'feed',
  'rss',
  'atom',
]);

/** Article slugs that would collide with a day page's own sub-paths (/2020/10/10/side/2/). */
export function isReservedArticleSlug(slug: string): boolean {
  return slug === PAGE_SEGMENT;
}

/** True when a category slug would collide with a year or one of the site's own pages. */
export function isReservedTopLevelSegment(segment: string): boolean {
  return /^\d{4}$/.test(segment) || RESERVED_SEGMENTS.has(segment);
}

export type FeedFormat = 'rss' | 'atom' | 'json';

const FEED_FILES: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/** The site-wide feed ("/rss.xml"), or the feed of a list page ("/utenriks/rss.xml", "/tema/x/rss.xml"). */
export function feedPath(format: FeedFormat, listPath = '/'): string {
  return `${listPath}${FEED_FILES[format]}`;
}

export const newsSitemapPath = (): string => '/news-sitemap.xml';

/**
 * The compression dictionary (src/lib/build/dictionary.ts): at one address for good, since every
 * page links it; a reader's browser keeps the copy it has until it goes stale.
 */
export const dictionaryPath = (): string => '/ordbok.txt';
export const sitemapIndexPath = (): string => '/sitemap-index.xml';
/** One sitemap: "2020-10" (a month) or the undated pages'. */
export const sitemapPath = (name: string): string => `/${SITEMAPS_SEGMENT}/${name}.xml`;

/** An absolute URL for a site path: origin from SITE_URL, plus the deploy base. */
export function absoluteUrl(path: string, site: URL | string = SITE_URL, base: string = BASE): string {
  return new URL(href(path, base), site).href;
}

/** An absolute URL for a link that already carries the deploy base (e.g. an image from Astro). */
export function absoluteHref(link: string, site: URL | string = SITE_URL): string {
  return new URL(link, site).href;
}

const ENTITY_AMP = /&(?:amp|#x26|#38);/g;

/**
 * Every link and image in rendered article HTML made absolute, for feeds read outside the site:
 * site-relative ones ("/2020/…", which already carry the deploy base) on the site's origin,
 * path-relative ones ("../", "./kart/", "#note") against the article's own URL. The HTML comes
 * from our sanitised pipeline, so attributes are always double-quoted.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  return html.replace(/\s(href|src)="([^"]*)"/g, (whole, attr: string, value: string) => {
    // Already absolute (https:, mailto:, …) or protocol-relative: as it is.
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) return whole;
    const resolved = new URL(value.replace(ENTITY_AMP, '&'), pageUrl).href;
    return ` ${attr}="${resolved.replace(/&/g, '&amp;')}"`;
  });
}
