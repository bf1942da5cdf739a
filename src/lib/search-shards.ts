/**
 * The search index is split by year: one Pagefind index per year folder of dist/, merged in
 * the reader's browser (src/scripts/search.ts). Pagefind can only build an index from
 * scratch, so one index for the whole archive meant a new article rebuilt the index of every
 * article (22 s at 10 000 articles). Per year, a new article rebuilds only its year's index;
 * years whose article pages did not change keep theirs.
 *
 * Which pages changed is read from the output folder's file sizes and modification times, not
 * their bytes: the incremental build leaves an unchanged page in place (src/lib/stale-output.ts)
 * and writes a changed one, so a stat of each page tells. Reading and hashing every page cost
 * ~1.2 s a build at 10 000 articles.
 */
import { createHash } from 'node:crypto';

/** dist/<SEARCH_DIR>/ holds one Pagefind bundle per year, and the list of them. */
export const SEARCH_DIR = 'pagefind';
/** dist/<SEARCH_DIR>/<SHARD_LIST>: the bundles, newest year first ("2024/", "2023/", …). */
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

/** The shard of a page: its first folder, the year of an article URL (/YYYY/MM/DD/slug/). */
export function shardOf(path: string): string {
  const slash = path.indexOf('/');
  if (slash <= 0) throw new Error(`Search: the indexed page ${path} is not inside a year folder.`);
  return path.slice(0, slash);
}

/** Indexed pages grouped by shard, newest year first; pages sorted by path in each. */
export function groupByShard(pages: readonly SearchPage[]): Map<string, SearchPage[]> {
  const groups = new Map<string, SearchPage[]>();
  for (const page of [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const shard = shardOf(page.path);
    const group = groups.get(shard);
    if (group) group.push(page);
    else groups.set(shard, [page]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)));
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

/** The shard folders a browser loads, in order ("2024/", …). */
export const shardList = (shards: Iterable<string>): string[] => [...shards].map((shard) => `${shard}/`);
