/**
 * Keeps dist/ between builds and removes only what this build no longer makes.
 *
 * Astro empties dist/ at the start of every build, so its incremental build then copies every
 * unchanged page back from its cache (seconds at scale: bench/RESULTS.md). With
 * `vite.build.emptyOutDir: false` it leaves unchanged pages where they are instead. What a
 * build no longer makes (a deleted or retitled article, a page of a list that got shorter,
 * an old hashed stylesheet) must then be removed here, or it would
 * stay online: a file is stale when this build neither wrote it nor kept it as a page.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { twinOf, walk, type OutputFile } from './output-files.ts';

/**
 * Files not written since the build started and not among the pages the build kept. A
 * precompressed twin (page.html.gz, precompress.ts) goes and stays with its file: it is written
 * after the build, by the last integration. `owned`: files another integration keeps (left out
 * of `files`), whose twins stay too.
 */
export function staleFiles(
  files: readonly OutputFile[],
  buildStartMs: number,
  kept: ReadonlySet<string>,
  owned: ReadonlySet<string> = new Set(),
): string[] {
  const isStale = (f: OutputFile) => f.mtimeMs < buildStartMs && !kept.has(f.path);
  const own = files.filter((f) => twinOf(f.path) === undefined);
  const live = new Set([...own.filter((f) => !isStale(f)).map((f) => f.path), ...owned]);
  return files
    .filter((f) => {
      const source = twinOf(f.path);
      return source === undefined ? isStale(f) : !live.has(source);
    })
    .map((f) => f.path);
}

/** Removes empty folders left behind, deepest first; true if `dir` itself is now empty. */
function removeEmptyDirs(dir: string, isRoot = true): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !removeEmptyDirs(join(dir, entry.name), false)) empty = false;
  }
  if (empty && !isRoot) rmdirSync(dir);
  return empty;
}

/**
 * Must come after every integration that writes into dist/, but before the search index,
 * which must not index the page of a removed article. `owned`: top-level folders and files of
 * dist/ another integration keeps and prunes itself (the search index keeps the unchanged
 * years' indexes, written by an earlier build; precompress.ts keeps the dictionary).
 */
export function pruneStaleOutput({ owned = [] }: { owned?: readonly string[] } = {}): AstroIntegration {
  let buildStartMs = 0;
  return {
    name: 'news-prune-stale-output',
    hooks: {
      'astro:build:start': () => {
        buildStartMs = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        // Every page of this build, rendered or kept from the last one.
        const kept = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) kept.add(fileURLToPath(url));
        const root = fileURLToPath(dir);
        const skip = new Set(owned.map((path) => join(root, path)));
        const stale = staleFiles(walk(root, skip), buildStartMs, kept, skip);
        for (const path of stale) rmSync(path);
        removeEmptyDirs(root);
        if (stale.length > 0) logger.info(`Removed ${stale.length} file(s) this build no longer makes.`);
      },
    },
  };
}
