/**
 * Builds the Pagefind search index after the pages are written (finish-site.ts runs it, beside
 * the compression). Only pages that mark their
 * content with data-pagefind-body (article pages) are indexed, and drafts and embargoed
 * articles are never in dist/, so they can never be found.
 *
 * One index per year, or per month of a large year (src/lib/distribution/search-shards.ts): a shard whose
 * article pages were neither written, added nor removed by this build keeps its index; the keys
 * live in cacheDir, beside Astro's own cache.
 */
import type { BuildLog } from './output-files.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { outputTree } from './output-files.ts';
import {
  groupByShard,
  isArticlePagePath,
  SEARCH_DIR,
  shardGlob,
  shardKey,
  shardList,
  SHARD_LIST,
  type SearchPage,
} from '../distribution/search-shards.ts';

/** Pagefind's Norwegian stemming is under "no"; the pages say lang="nb". */
export const SEARCH_LANGUAGE = 'no';

/** Every article page in dist/ (the pages Pagefind indexes), with its size and mtime. */
function indexedPages(root: string): SearchPage[] {
  const pages: SearchPage[] = [];
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  // The build's one walk of dist/, pruned already (src/lib/build/output-files.ts).
  for (const { path: file, size, mtimeMs } of outputTree(root).list()) {
    // Most files are twins, assets and index fragments: only pages are worth a relative path
    // (cut from the tree's absolute one: path.relative() per page cost more than the rest).
    if (!file.endsWith('index.html') || !file.startsWith(prefix)) continue;
    const inRoot = file.slice(prefix.length);
    const path = sep === '/' ? inRoot : inRoot.split(sep).join('/');
    if (isArticlePagePath(path)) pages.push({ path, size, mtimeMs });
  }
  return pages;
}

function readKeys(file: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return {}; // first build, or a cleared cache: every shard is indexed
  }
}

/**
 * Indexes the article pages under `root` into its search folder, shard by shard; `keysFile`
 * keeps each shard's key between builds (in the build cache). Called after a build of
 * everything (the integration below) and after the merge of a build's parts.
 */
export async function indexSearch(
  root: string,
  keysFile: string,
  maxShardPages: number,
  logger: BuildLog,
): Promise<void> {
  const pagefind = await import('pagefind');
  const pagefindPackage = new URL('../package.json', import.meta.resolve('pagefind'));
  const { version } = JSON.parse(readFileSync(pagefindPackage, 'utf8')) as { version: string };
  const indexer = JSON.stringify({ pagefind: version, language: SEARCH_LANGUAGE });

  const out = join(root, SEARCH_DIR);
  const shards = groupByShard(indexedPages(root), maxShardPages);
  const previous = readKeys(keysFile);
  const keys: Record<string, string> = {};
  let rebuilt = 0;
  let pagesIndexed = 0;
  /** Entries of the search folder this run wrote or removed: only they are looked at again. */
  const touched = new Set<string>([SHARD_LIST]);
  for (const [shard, pages] of shards) {
    const key = shardKey(pages, indexer);
    keys[shard] = key;
    const target = join(out, shard);
    if (previous[shard] === key && existsSync(join(target, 'pagefind.js'))) continue;
    const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Pagefind reads the shard's pages again itself: handing it the HTML read above
    // (addHTMLFile) measured 3× slower than its own directory walk.
    const added = await index.addDirectory({ path: root, glob: shardGlob(shard) });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    // Written beside the old index, then swapped in, so a failed write leaves no half index.
    const fresh = join(out, `.${shard}.new`);
    rmSync(fresh, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: fresh });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    await index.deleteIndex(); // frees the indexer's memory before the next shard
    rmSync(target, { recursive: true, force: true });
    renameSync(fresh, target);
    touched.add(shard);
    rebuilt += 1;
    pagesIndexed += pages.length;
  }
  await pagefind.close();

  // Anything else in the folder is stale: a shard with no articles left, a year now split
  // by month (or months now joined), an older layout.
  const wanted = new Set([...shards.keys(), SHARD_LIST]);
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) {
    if (wanted.has(name)) continue;
    rmSync(join(out, name), { recursive: true, force: true });
    touched.add(name);
  }
  writeFileSync(join(out, SHARD_LIST), `${JSON.stringify(shardList(shards.keys()))}\n`);
  // The compression after this sees the index as written.
  outputTree(root).rewalkEntries(out, touched);
  mkdirSync(dirname(keysFile), { recursive: true });
  writeFileSync(keysFile, `${JSON.stringify(keys, null, 2)}\n`);
  logger.info(
    `Search index: ${shards.size} shard(s) by year or month; ${rebuilt} rebuilt (${pagesIndexed} article pages), ` +
      `${shards.size - rebuilt} unchanged and kept.`,
  );
}
