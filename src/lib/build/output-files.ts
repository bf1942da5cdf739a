/** The files of dist/ as the build's last steps see them: pruning stale ones, precompressing. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface OutputFile {
  path: string;
  mtimeMs: number;
}

/** Every file under `dir` with its modification time, skipping the folders in `skip`. */
export function walk(
  dir: string,
  skip: ReadonlySet<string> = new Set(),
  out: OutputFile[] = [],
): OutputFile[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip.has(path)) continue;
    if (entry.isDirectory()) walk(path, skip, out);
    else out.push({ path, mtimeMs: statSync(path).mtimeMs });
  }
  return out;
}

/** Text files worth compressing; images, fonts and Pagefind's index fragments already are. */
export const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|xml|svg|txt|webmanifest)$/;

/** The precompressed twins' suffixes, as nginx's gzip_static and brotli_static look for them. */
export const TWIN_SUFFIXES = ['.gz', '.br'] as const;

/** A page's twin compressed against the dictionary with that hash (dictionary.ts, dcbSuffix). */
export const DCB_TWIN = /\.([A-Za-z0-9]{43}=)\.dcb$/;

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
