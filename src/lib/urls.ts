/**
 * The one URL builder. Every internal link is made here: base path, trailing slash and
 * pagination scheme are decided in this file only.
 *
 * `*Path` functions return site-relative paths without the base ("/2020/10/10/"), which are
 * also the route params; `href()` adds the deploy base (BASE_PATH) for links in pages.
 */
import type { OsloDay } from './dates.ts';

/** Path segment for page 2, 3, … of a paginated list: /utenriks/side/2/. */
export const PAGE_SEGMENT = 'side';

/** The deploy base, always with a trailing slash ("/" or "/nyheter/"). */
export const BASE: string = normaliseBase(typeof __BASE_PATH__ === 'string' ? __BASE_PATH__ : '/');

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

export const categoryPath = (category: string): string => `/${category}/`;

/** Page n of a list whose first page is at `listPath`; page 1 is the list itself. */
export function pagedPath(listPath: string, page: number): string {
  return page <= 1 ? listPath : `${listPath}${PAGE_SEGMENT}/${page}/`;
}

/** The route param of a rest route ("[...path]") for a site path: "/2020/10/" → "2020/10". */
export function toRouteParam(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** Top-level segments the site itself uses: years (4 digits), and fixed pages. */
const RESERVED_SEGMENTS = new Set([PAGE_SEGMENT, '404', 'sok', 'feed', 'rss', 'atom', '_astro']);

/** Article slugs that would collide with a day page's own sub-paths (/2020/10/10/side/2/). */
export function isReservedArticleSlug(slug: string): boolean {
  return slug === PAGE_SEGMENT;
}

/** True when a category slug would collide with a year or one of the site's own pages. */
export function isReservedTopLevelSegment(segment: string): boolean {
  return /^\d{4}$/.test(segment) || RESERVED_SEGMENTS.has(segment);
}
