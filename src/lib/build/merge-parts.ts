/**
 * The merge of a build's parts (parts.ts): every part's output folder into one dist/, then the
 * steps that need every page at once, as after a build of everything: the search index, and the
 * compressed twins with the site's dictionary. The result is byte for byte what one build of
 * everything writes (tests/build/parts.test.ts).
 *
 * dist/ may hold an earlier site (the last deploy, restored from a cache): a file the same as the
 * part's copy (its size and time, as rsync's quick check, or else its bytes) is left alone, so the
 * search index and the compression redo only what changed; what no part has is removed.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settings } from '../config.ts';
import { SEARCH_DIR } from '../distribution/search-shards.ts';
import { startOutputTree, walk, type BuildLog } from './output-files.ts';
import { PART_MANIFEST, type PartManifest } from './parts.ts';
import { finishSite, finishSettings } from './finish-site.ts';
import { DICTIONARY_FILE } from './precompress.ts';
import { removeEmptyParents, staleFiles } from './stale-output.ts';

export interface PartOutput {
  dir: string;
  manifest: PartManifest;
}

/** Each folder's manifest; a folder without one was not written by a part build. */
export function readParts(dirs: readonly string[]): PartOutput[] {
  return dirs.map((dir) => {
    const file = join(dir, PART_MANIFEST);
    if (!existsSync(file)) {
      throw new Error(
        `${dir} is not the output of a part build (it has no ${PART_MANIFEST}): build it with ` +
          'BUILD_PART=k/N (and the same BUILD_NOW as the other parts) and give its OUT_DIR.',
      );
    }
    return { dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as PartManifest };
  });
}

/** What keeps the parts from making one site: each 1 … N once, all of one N and one "now". */
export function partProblems(parts: readonly PartOutput[]): string[] {
  if (parts.length === 0) return ['No parts were given: name the output folder of every part.'];
  const problems: string[] = [];
  const first = parts[0] as PartOutput;
  const count = first.manifest.part.count;
  for (const { dir, manifest } of parts) {
    if (manifest.part.count !== count) {
      problems.push(
        `${dir} is part ${manifest.part.index}/${manifest.part.count}, but ${first.dir} is of ${count} parts: build every part with the same N.`,
      );
    }
    if (manifest.now !== first.manifest.now) {
      problems.push(
        `${dir} was built with BUILD_NOW ${manifest.now}, ${first.dir} with ${first.manifest.now}: build every part with the same BUILD_NOW.`,
      );
    }
  }
  for (let index = 1; index <= count; index++) {
    const these = parts.filter((p) => p.manifest.part.index === index);
    if (these.length === 0)
      problems.push(`Part ${index}/${count} is missing: build it with BUILD_PART=${index}/${count}.`);
    if (these.length > 1)
      problems.push(`Part ${index}/${count} is given twice: ${these.map((p) => p.dir).join(', ')}.`);
  }
  return problems;
}

/** Steps after the merge keep these in dist/ themselves (the search index, the dictionary). */
const OWNED = [SEARCH_DIR, DICTIONARY_FILE];

/**
 * Copies the parts' files into `outDir` (a file two parts both wrote, such as the stylesheet or
 * a photo shown on pages of both, is the same in each) and removes what none of them has.
 */
export function mergeFiles(
  parts: readonly PartOutput[],
  outDir: string,
): { copied: number; kept: number; removed: number } {
  const sources = new Map<string, { path: string; size: number; mtimeMs: number }>();
  for (const { dir } of parts) {
    for (const file of walk(dir)) {
      const rel = relative(dir, file.path);
      if (rel !== PART_MANIFEST && !sources.has(rel)) sources.set(rel, file);
    }
  }
  mkdirSync(outDir, { recursive: true });
  const owned = new Set(OWNED.map((name) => join(outDir, name)));
  const isOwned = (path: string) => [...owned].some((o) => path === o || path.startsWith(`${o}${sep}`));
  const present = walk(outDir).filter((f) => !isOwned(f.path));
  // A page no part has goes, with its compressed twins (stale-output.ts, with every file "old").
  const wanted = new Set([...sources.keys()].map((rel) => join(outDir, rel)));
  const stale = staleFiles(present, Number.POSITIVE_INFINITY, wanted, owned);
  for (const path of stale) rmSync(path);
  removeEmptyParents(outDir, stale);

  const had = new Map(present.map((f) => [f.path, f]));
  let copied = 0;
  for (const [rel, source] of sources) {
    const target = join(outDir, rel);
    const old = had.get(target);
    // A file as it was is left alone, so the search index and the compression see it unchanged:
    // by its size and time, or by its bytes (a part's files that came through an artifact, as on
    // a CI runner, may have lost their times).
    if (old && old.size === source.size) {
      if (Math.abs(old.mtimeMs - source.mtimeMs) < 1) continue;
      if (readFileSync(old.path).equals(readFileSync(source.path))) continue;
    }
    // The copy gets the part's modification time, so an unchanged page is recognised next time.
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source.path, target);
    const mtime = new Date(source.mtimeMs);
    utimesSync(target, mtime, mtime);
    copied++;
  }
  return { copied, kept: sources.size - copied, removed: stale.length };
}

/**
 * The whole merge: `dirs` (every part's output folder) into `outDir`, then the search index and
 * compression with the settings of the environment (CACHE_DIR, PRECOMPRESS, DICTIONARY,
 * SEARCH_SHARD_PAGES), as a build of everything runs them.
 */
export async function mergeParts(dirs: readonly string[], outDir: string, log: BuildLog): Promise<void> {
  const parts = readParts(dirs);
  const problems = partProblems(parts);
  if (problems.length > 0) throw new Error(`The parts do not make one site:\n- ${problems.join('\n- ')}`);
  const started = performance.now();
  const { copied, kept, removed } = mergeFiles(parts, outDir);
  log.info(
    `Merged ${parts.length} part(s) into ${outDir}: ${copied} file(s) copied, ${kept} unchanged, ${removed} removed ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s).`,
  );
  // The steps below walk the merged folder afresh (not a tree an earlier merge walked).
  startOutputTree();
  const gone = [...new Set(parts.flatMap((p) => p.manifest.gone))].sort();
  const srcDir = fileURLToPath(new URL('../../', import.meta.url));
  await finishSite(outDir, finishSettings(resolve(settings().cacheDir), srcDir, gone), log);
}
