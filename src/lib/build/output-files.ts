/**
 * The files of dist/ as the build's last steps see them: pruning stale ones, indexing for
 * search, precompressing. dist/ holds every page of the archive with its twins (about 70 000
 * files at 10 000 articles, a second to list and stat), so it is walked once per build
 * (OutputTree), and each step that changes it says what it changed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** What the steps after the pages log to: Astro's integration logger, or the merge's console. */
export interface BuildLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface OutputFile {
  /** Absolute path. */
  path: string;
  mtimeMs: number;
  size: number;
}

/** Every file under `dir` with its modification time and size, skipping the folders in `skip`. */
export function walk(
  dir: string,
  skip: ReadonlySet<string> = new Set(),
  out: OutputFile[] = [],
): OutputFile[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip.has(path)) continue;
    if (entry.isDirectory()) walk(path, skip, out);
    else {
      const { mtimeMs, size } = statSync(path);
      out.push({ path, mtimeMs, size });
    }
  }
  return out;
}

/**
 * The files under a folder, walked at the first look and then kept up to date by whoever
 * removes or writes files (removed, written, rewalk), instead of a walk per step.
 */
export class OutputTree {
  readonly root: string;
  private files: Map<string, OutputFile> | undefined;

  // A plain field, not a parameter property: scripts run this file with Node's type stripping.
  constructor(root: string) {
    this.root = root;
  }

  /** Every file, as the last walk and the changes reported since leave them. */
  list(): OutputFile[] {
    this.files ??= new Map(walk(this.root).map((f) => [f.path, f]));
    return [...this.files.values()];
  }

  removed(path: string): void {
    this.files?.delete(path);
  }

  /** A file written (or rewritten) since the walk. */
  written(path: string): void {
    if (!this.files) return;
    const { mtimeMs, size } = statSync(path);
    this.files.set(path, { path, mtimeMs, size });
  }

  /** A folder another tool rewrote (the search index): walked again. */
  rewalk(dir: string): void {
    if (!this.files) return;
    const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
    for (const path of this.files.keys()) if (path.startsWith(prefix)) this.files.delete(path);
    if (existsSync(dir)) for (const f of walk(dir)) this.files.set(f.path, f);
  }

  /**
   * Entries of `dir` (files or folders, by name) another tool wrote, replaced or removed: each is
   * looked at again, and the rest of `dir` is not (the search index rewrites one shard of
   * thousands of files; a walk of all of them cost more than indexing the shard).
   */
  rewalkEntries(dir: string, names: Iterable<string>): void {
    if (!this.files) return;
    const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
    const changed = new Set(names);
    if (changed.size === 0) return;
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const end = path.indexOf(sep, prefix.length);
      if (changed.has(end < 0 ? path.slice(prefix.length) : path.slice(prefix.length, end)))
        this.files.delete(path);
    }
    for (const name of changed) {
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) for (const f of walk(path)) this.files.set(f.path, f);
      else if (stat) this.files.set(path, { path, mtimeMs: stat.mtimeMs, size: stat.size });
    }
  }
}

const TREE = Symbol.for('nyhetsleser.output-tree');

/**
 * This build's tree of `root`. Astro runs its integrations in the build's process one after the
 * other, so the steps share it; startOutputTree() begins a new one when a build starts.
 */
export function outputTree(root: string): OutputTree {
  const g = globalThis as typeof globalThis & { [TREE]?: OutputTree };
  if (g[TREE]?.root !== root) g[TREE] = new OutputTree(root);
  return g[TREE];
}

/** Forgets the last build's tree: the next look walks again. */
export function startOutputTree(): void {
  (globalThis as typeof globalThis & { [TREE]?: OutputTree | undefined })[TREE] = undefined;
}

/** Text files worth compressing; images, fonts and Pagefind's index fragments already are. */
export const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|xml|svg|txt|webmanifest)$/;

/** The precompressed twins' suffixes, as nginx's gzip_static and brotli_static look for them. */
export const TWIN_SUFFIXES = ['.gz', '.br'] as const;

/** A page's twin compressed against the dictionary with that hash (dictionary.ts, dcbSuffix). */
export const DCB_TWIN = /\.([A-Za-z0-9]{43}=)\.dcb$/;

/** The dictionary hash a `.dcb` twin was made with ("index.html.<hash>.dcb"), or undefined. */
export function dcbTwinHash(path: string): string | undefined {
  return DCB_TWIN.exec(path)?.[1];
}

/**
 * A twin's own file ("a/index.html.gz" → "a/index.html", "a/index.html.<hash>.dcb" →
 * "a/index.html"), or undefined for any other file.
 */
export function twinOf(path: string): string | undefined {
  const suffix = TWIN_SUFFIXES.find((s) => path.endsWith(s)) ?? DCB_TWIN.exec(path)?.[0];
  if (!suffix) return undefined;
  const source = path.slice(0, -suffix.length);
  return COMPRESSIBLE.test(source) ? source : undefined;
}
