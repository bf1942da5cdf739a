/**
 * The search index is split into shards: one Pagefind index per year folder of dist/, or per
 * month for a year with more article pages than a shard should hold, merged in the reader's
 * browser (src/scripts/search.ts). Pagefind can only build an index from scratch, so one index
 * for the whole archive meant a new article rebuilt the index of every article (bench/RESULTS.md
 * has the figures). Per shard, a new article rebuilds only its shard's index; shards whose article
 * pages did not change keep theirs. Months bound the cost (and Pagefind's memory, ~0.35 MiB a
 * page) where a year is large; years keep the number of shards a reader loads small where
 * they are not.
 *
 * Which pages changed is read from the output folder's file sizes and modification times, not
 * their bytes: the incremental build leaves an unchanged page in place (src/lib/build/stale-output.ts)
 * and writes a changed one, so a stat of each page tells, where reading and hashing every page
 * cost about a second a build at 10 000 articles.
 */
import { createHash } from 'node:crypto';
import { SEARCH_INDEX_SEGMENT } from '../urls.ts';

/** dist/<SEARCH_DIR>/ holds one Pagefind bundle per shard, and the list of them. */
export const SEARCH_DIR = SEARCH_INDEX_SEGMENT;
/** dist/<SEARCH_DIR>/<SHARD_LIST>: the bundles, newest first ("2024-12/", …, "2023/", …). */
export const SHARD_LIST = 'indexes.json';
/**
 * Pages Pagefind indexes carry data-pagefind-body on an element (the article layout). Matched
 * inside a tag: a page that only mentions the word in its text (escaped, so never inside "<…>")
 * is not one of them.
 */
const SEARCH_BODY_TAG = /<[a-z][^<>]*\sdata-pagefind-body(?=[\s=>/])/i;

export const isIndexedPage = (html: string): boolean => SEARCH_BODY_TAG.test(html);

/**
 * Article pages are the pages Pagefind indexes (only ArticleLayout marks data-pagefind-body;
 * the build test checks that the two sets are the same): /YYYY/MM/DD/slug/index.html.
 */
const ARTICLE_PAGE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;

export const isArticlePagePath = (path: string): boolean => ARTICLE_PAGE.test(path);

export interface SearchPage {
  /** Path of the HTML file in dist/, with "/" separators ("2020/10/10/slug/index.html"). */
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * A year with more article pages than this is indexed per month. Pagefind indexes ~2 500 pages a
 * second on one core here, so a month of a large year re-indexes in about a second.
 */
export const DEFAULT_SHARD_PAGES = 2000;

/** The year of an article page (/YYYY/MM/DD/slug/). */
function yearOf(path: string): string {
  const slash = path.indexOf('/');
  if (slash <= 0) throw new Error(`Search: the indexed page ${path} is not inside a year folder.`);
  return path.slice(0, slash);
}

/** The shard of a page: its year ("2024"), or its month ("2024-03") when the year is split. */
export function shardOf(path: string, byMonth = false): string {
  const year = yearOf(path);
  if (!byMonth) return year;
  const month = /^\d{4}\/(\d{2})\//.exec(path)?.[1];
  if (!month) throw new Error(`Search: the indexed page ${path} is not inside a month folder.`);
  return `${year}-${month}`;
}

/** The pages of a shard, relative to dist/, as a glob for Pagefind. */
export const shardGlob = (shard: string): string => `${shard.replace('-', '/')}/**/*.html`;

/**
 * Indexed pages grouped by shard, newest first; pages sorted by path in each. A year with more
 * than `maxPages` pages is split by month.
 */
export function groupByShard(
  pages: readonly SearchPage[],
  maxPages: number = DEFAULT_SHARD_PAGES,
): Map<string, SearchPage[]> {
  const perYear = new Map<string, number>();
  for (const page of pages) {
    const year = yearOf(page.path);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const groups = new Map<string, SearchPage[]>();
  for (const page of [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const shard = shardOf(page.path, (perYear.get(yearOf(page.path)) ?? 0) > maxPages);
    const group = groups.get(shard);
    if (group) group.push(page);
    else groups.set(shard, [page]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)));
}

/** SEARCH_SHARD_PAGES from the environment: a whole number of pages, at least 1. */
export function shardPagesSetting(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SHARD_PAGES;
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 1) {
    throw new Error(
      `SEARCH_SHARD_PAGES: "${value}" is not a whole number of pages. Set it to e.g. ${DEFAULT_SHARD_PAGES}, or unset it.`,
    );
  }
  return pages;
}

/**
 * Changes whenever the shard's index could: a page added, removed, moved or written again, or
 * another indexer (`indexer`: Pagefind's version and options).
 */
export function shardKey(pages: readonly SearchPage[], indexer: string): string {
  const hash = createHash('sha256').update(indexer);
  for (const page of pages) hash.update(`\0${page.path}\0${page.size}\0${page.mtimeMs}`);
  return hash.digest('hex');
}

/** The shard folders a browser loads, newest first ("2024-12/", …, "2023/", …). */
export const shardList = (shards: Iterable<string>): string[] => [...shards].map((shard) => `${shard}/`);
