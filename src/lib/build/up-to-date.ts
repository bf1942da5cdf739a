/**
 * Is `dist/` already what a build would write? `npm run build` (scripts/build.ts) asks this before
 * it starts Astro: a build whose inputs have not changed since the last successful one, and
 * whose time has not reached an embargo, would write the same `dist/`, so it is skipped. At
 * 100 000 articles Astro's start, content sync and route listing cost about a minute even when
 * nothing changed; a stat of every input costs about a second.
 *
 * The inputs are every file a build reads (the project's sources, public/, the content folder
 * and CONTENT_DIR: path, size, times, inode; never the text), the settings (every environment
 * variable config.ts reads), the command's arguments and Node's version; and the time, for the
 * pages that change with it alone: an embargoed article comes due, an article leaves the Google
 * News sitemap's 48 hours (the build records the next such moment). Times and inodes make
 * the check conservative: a fresh clone or a touched file builds again (Astro's and our caches
 * then make that build cheap), never the other way round.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** What the last successful build recorded (cacheDir/build-stamp.json). */
export interface BuildStamp {
  /** Digest of the inputs' lines (inputLines). */
  inputs: string;
  /** The next moment that build's output changes by the clock alone (ISO 8601), and why; null if none. */
  nextChange: NextChange | null;
  /** The output folder as the build left it: replaced or emptied, it must be built again. */
  outDir: { ino: number; mtimeMs: number };
}

/** One line per input file: its stat, not its text. */
export type InputLines = string[];

/** A moment at which a build would write something else with the same inputs. */
export interface NextChange {
  at: string;
  what: string;
}

export type Verdict = { upToDate: true } | { upToDate: false; reason: string };

/** Files younger than this at the check are not trusted to keep their stat (see `settled`). */
export const SETTLE_MS = 2000;

const IGNORED_NAMES = new Set(['node_modules', '.git', '.astro', '.DS_Store']);

/**
 * Stat lines of every file under `roots` (folders or files), sorted. Paths are named relative to
 * `base`. Symbolic links are followed to files; a link to a folder is listed by its own stat and
 * not entered (the loader refuses such links under articles/, and a link cycle would never end).
 */
export function inputLines(roots: readonly string[], base: string): InputLines {
  const lines: string[] = [];
  const line = (name: string, stat: Stats) =>
    lines.push(`${name}\t${stat.size}\t${stat.mtimeMs}\t${stat.ctimeMs}\t${stat.ino}`);
  // Names are built as the walk goes: path.relative() per file costs more than the stat.
  const walk = (dir: string, name: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (IGNORED_NAMES.has(entry.name)) continue;
      const path = join(dir, entry.name);
      const child = `${name}/${entry.name}`;
      if (entry.isDirectory()) walk(path, child);
      else if (entry.isFile()) line(child, statSync(path));
      else if (entry.isSymbolicLink()) {
        const target = statSync(path, { throwIfNoEntry: false });
        line(child, target?.isFile() ? target : lstatSync(path));
      }
    }
  };
  // A root inside another (CONTENT_DIR=content) is walked once.
  const unique = [...new Set(roots.map((root) => resolve(root)))].filter(
    (root, _, all) => !all.some((other) => other !== root && root.startsWith(other + sep)),
  );
  for (const root of unique) {
    const name = relative(base, root).split(sep).join('/');
    const stat = statSync(root, { throwIfNoEntry: false });
    if (!stat) lines.push(`${name}\tmissing`);
    else if (stat.isDirectory()) walk(root, name);
    else line(name, stat);
  }
  return lines.sort();
}

/** The inputs' digest, with what is not a file: settings, arguments, Node's version. */
export function inputsDigest(lines: InputLines, context: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(context))
    .update('\n')
    .update(lines.join('\n'))
    .digest('hex');
}

/**
 * True when no input changed within SETTLE_MS of `now`: a file written in the same clock tick
 * as its stat could change again without its stat moving, so such a build leaves no stamp (the
 * next build runs, and the loader reads that file again for the same reason).
 */
export function settled(lines: InputLines, now: number): boolean {
  return lines.every((line) => {
    const mtime = Number(line.split('\t')[2]);
    return Number.isNaN(mtime) || now - mtime >= SETTLE_MS;
  });
}

/** The paths whose lines differ between two input lists (added, removed or changed), sorted. */
export function changedPaths(before: InputLines, after: InputLines): string[] {
  const index = (lines: InputLines) => new Map(lines.map((line) => [line.split('\t')[0] as string, line]));
  const old = index(before);
  const now = index(after);
  const changed = new Set<string>();
  for (const [path, line] of now) if (old.get(path) !== line) changed.add(path);
  for (const path of old.keys()) if (!now.has(path)) changed.add(path);
  return [...changed].sort();
}

/**
 * The decision. `stamp` is the last successful build's (undefined if there is none), `outDir`
 * the output folder's stat now (undefined if it is missing).
 */
export function verdict(
  stamp: BuildStamp | undefined,
  digest: string,
  outDir: { ino: number; mtimeMs: number } | undefined,
  now: Date,
): Verdict {
  if (!stamp) return { upToDate: false, reason: 'no earlier build recorded' };
  if (!outDir) return { upToDate: false, reason: 'the output folder is missing' };
  if (stamp.outDir.ino !== outDir.ino || stamp.outDir.mtimeMs !== outDir.mtimeMs)
    return { upToDate: false, reason: 'the output folder changed since the last build' };
  if (stamp.inputs !== digest) return { upToDate: false, reason: 'inputs changed' };
  if (stamp.nextChange !== null && now.getTime() >= Date.parse(stamp.nextChange.at))
    return { upToDate: false, reason: `it is past ${stamp.nextChange.at}: ${stamp.nextChange.what}` };
  return { upToDate: true };
}

/** The files of the record, in `dir` (the build cache). */
export const stampFiles = (dir: string) => ({
  stamp: join(dir, 'build-stamp.json'),
  lines: join(dir, 'build-inputs.txt'),
  nextChange: join(dir, 'next-change.json'),
});

export function readStamp(file: string): BuildStamp | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildStamp>;
    const ok =
      typeof parsed.inputs === 'string' &&
      (parsed.nextChange === null || isNextChange(parsed.nextChange)) &&
      typeof parsed.outDir?.ino === 'number' &&
      typeof parsed.outDir.mtimeMs === 'number';
    return ok ? (parsed as BuildStamp) : undefined;
  } catch {
    return undefined; // a damaged record is no record: build
  }
}

const isNextChange = (value: unknown): value is NextChange =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as NextChange).at === 'string' &&
  typeof (value as NextChange).what === 'string';

/** The earliest of the moments, or null. */
export function earliest(changes: readonly { at: Date; what: string }[]): NextChange | null {
  const first = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  return first ? { at: first.at.toISOString(), what: first.what } : null;
}

/**
 * Written by the build itself (src/lib/content/collection.ts), read by scripts/build.ts: when the
 * build's output next changes by the clock alone. The build's cache folder is named by
 * config.ts, resolved against the working folder by both sides.
 */
export function writeNextChange(cacheDir: string, next: NextChange | null): void {
  writeFileSync(stampFiles(cacheDir).nextChange, JSON.stringify({ next }));
}

export function readNextChange(cacheDir: string): { next: NextChange | null } | undefined {
  try {
    const { next } = JSON.parse(readFileSync(stampFiles(cacheDir).nextChange, 'utf8')) as { next?: unknown };
    if (next === null || isNextChange(next)) return { next };
  } catch {
    // missing: the build did not get as far as listing its pages
  }
  return undefined;
}
