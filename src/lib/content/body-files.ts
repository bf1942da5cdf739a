/**
 * Rendered article bodies are kept in files of their own, one per rendered source
 * (CACHE_DIR/article-bodies/<digest>.html), and the content store keeps only the file's path.
 *
 * Why: Astro writes the whole content store as one string (devalue, then its store file). With
 * the HTML inside, that string grows by ~6 KB an article: at 100 000 articles it passed V8's
 * longest possible string (~512 MB) and the build failed ("Invalid string length"), and long
 * before that every build held all bodies in memory, parsed and wrote them again. A page reads
 * its own body when it is rendered; nothing else needs it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder for the bodies, inside the build cache. */
export const bodyDir = (cacheDir: string): string => join(cacheDir, 'article-bodies');

/** Writes a body under its source digest; returns the file's path (stored in the render metadata). */
export function writeBody(dir: string, digest: string, html: string): string {
  if (!/^[\w-]+$/.test(digest)) throw new Error(`Unexpected content digest "${digest}".`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${digest}.html`);
  // Written whole, then moved in place: a page never reads half a body.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, html);
  renameSync(partial, file);
  return file;
}

/** A stored render's body file, or undefined for a render that keeps its HTML inline. */
export function bodyFileOf(rendered: { metadata?: Record<string, unknown> } | undefined): string | undefined {
  const file = rendered?.metadata?.bodyFile;
  return typeof file === 'string' ? file : undefined;
}

/** A body folder's files, by path, as listed at one moment. */
export interface BodyListing {
  dir: string;
  files: Set<string>;
}

/**
 * The body files in `dir`, as listed now: one read of the folder instead of a look for each
 * article's file (10 000 calls a build at 10 000 articles). undefined when there is no folder yet.
 */
export function listBodies(dir: string): BodyListing | undefined {
  if (!existsSync(dir)) return undefined;
  return { dir, files: new Set(readdirSync(dir).map((name) => join(dir, name))) };
}

/**
 * True when a stored render's body file is gone (a cleared or moved cache): render it again.
 * `listed` is the folder's listing (listBodies) where the caller has one; a file elsewhere is
 * looked for on disk.
 */
export function bodyFileMissing(
  rendered: { metadata?: Record<string, unknown> } | undefined,
  listed?: BodyListing,
): boolean {
  const file = bodyFileOf(rendered);
  if (file === undefined) return false;
  if (listed && dirname(file) === listed.dir) return !listed.files.has(file);
  return !existsSync(file);
}

/** The HTML of a stored render. */
export function readBody(
  rendered: { html?: string; metadata?: Record<string, unknown> } | undefined,
  article: string,
): string {
  const file = bodyFileOf(rendered);
  if (file === undefined) return rendered?.html ?? '';
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `The rendered text of ${article} is missing from the build cache (${file}). Build again: the next build renders it anew.`,
      { cause: error },
    );
  }
}

/** Removes body files no stored entry refers to (deleted or changed articles); returns how many. */
export function pruneBodies(dir: string, keep: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (keep.has(file)) continue;
    rmSync(file, { force: true });
    removed += 1;
  }
  return removed;
}
