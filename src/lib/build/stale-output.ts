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
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputTree, startOutputTree, twinOf, type OutputFile } from './output-files.ts';

/**
 * Files not written since the build started and not among the pages the build kept. A
 * precompressed twin (page.html.gz, precompress.ts) goes and stays with its file: it is written
 * after the build, by the last integration. `owned`: files another integration keeps (left out
 * of `files`), whose twins stay too.
 */
export function staleFiles(
  files: readonly Pick<OutputFile, 'path' | 'mtimeMs'>[],
  buildStartMs: number,
  kept: ReadonlySet<string>,
  owned: ReadonlySet<string> = new Set(),
): string[] {
  const isStale = (f: Pick<OutputFile, 'path' | 'mtimeMs'>) => f.mtimeMs < buildStartMs && !kept.has(f.path);
  const own = files.filter((f) => twinOf(f.path) === undefined);
  const live = new Set([...own.filter((f) => !isStale(f)).map((f) => f.path), ...owned]);
  return files
    .filter((f) => {
      const source = twinOf(f.path);
      return source === undefined ? isStale(f) : !live.has(source);
    })
    .map((f) => f.path);
}

/**
 * Removes the folders the removed files leave empty, up to (not including) `root`. Only their
 * folders are looked at: walking every folder of dist/ again would cost as much as the walk.
 */
export function removeEmptyParents(root: string, removed: readonly string[]): void {
  const top = root.endsWith(sep) ? root.slice(0, -1) : root;
  const depth = (path: string) => path.split(sep).length;
  // Deepest first: of two sibling folders emptied, the second to go leaves their parent empty.
  const folders = [...new Set(removed.map((path) => dirname(path)))].sort((a, b) => depth(b) - depth(a));
  for (const folder of folders) {
    for (let dir = folder; dir.startsWith(`${top}${sep}`); dir = dirname(dir)) {
      let entries: string[];
      try {
        entries = readdirSync(dir);
      } catch {
        break; // gone already, with an emptied child
      }
      if (entries.length > 0) break;
      rmdirSync(dir);
    }
  }
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
        startOutputTree();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        // Every page of this build, rendered or kept from the last one.
        const kept = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) kept.add(fileURLToPath(url));
        const root = fileURLToPath(dir);
        const skip = new Set(owned.map((path) => join(root, path)));
        const ownedPaths = [...skip];
        const isOwned = (path: string) => ownedPaths.some((s) => path === s || path.startsWith(`${s}${sep}`));
        const tree = outputTree(root);
        const stale = staleFiles(
          tree.list().filter((f) => !isOwned(f.path)),
          buildStartMs,
          kept,
          skip,
        );
        for (const path of stale) {
          rmSync(path);
          tree.removed(path);
        }
        removeEmptyParents(root, stale);
        if (stale.length > 0) logger.info(`Removed ${stale.length} file(s) this build no longer makes.`);
      },
    },
  };
}
