/** Builds the site from fixture content into tests/output/<name>/ and reads what it wrote. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const OUTPUT_ROOT = resolve('tests/output');

export interface BuildResult {
  name: string;
  outDir: string;
  status: number | null;
  output: string;
}

/**
 * Runs `astro build` with its own output and cache folders, so builds never share state.
 * `rebuild: true` keeps the folders of an earlier build of the same name: an incremental build.
 */
export function buildSite(name: string, env: Record<string, string>, { rebuild = false } = {}): BuildResult {
  const outDir = join(OUTPUT_ROOT, name, 'dist');
  const cacheDir = join(OUTPUT_ROOT, name, 'cache');
  if (!rebuild) rmSync(join(OUTPUT_ROOT, name), { recursive: true, force: true });
  const result = spawnSync(resolve('node_modules/.bin/astro'), ['build'], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      OUT_DIR: outDir,
      CACHE_DIR: cacheDir,
      ...env,
    },
    encoding: 'utf8',
    timeout: 180_000,
  });
  // Astro colours its log when CI is set (and not otherwise): tests match the plain text.
  const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  return { name, outDir, status: result.status, output };
}

/** Every file under a folder, as paths relative to it with "/" separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function readPage(outDir: string, sitePath: string): string {
  const file = join(outDir, sitePath, sitePath.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`No page at ${sitePath} (${file})`);
  return readFileSync(file, 'utf8');
}

/** Every href/src in a page. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}

/**
 * Internal links in every HTML page that do not resolve to a built file, as "page → link".
 * `base` is the deploy base ("/" or "/nyheter/"): internal links must start with it.
 */
export function brokenLinks(outDir: string, base: string): string[] {
  const files = new Set(listFiles(outDir));
  const broken: string[] = [];
  for (const page of [...files].filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(outDir, page), 'utf8');
    for (const link of linksIn(html)) {
      if (/^(https?:|mailto:|tel:|#)/.test(link)) continue;
      const pathname = new URL(link, `http://site${base}${page}`).pathname;
      if (!pathname.startsWith(base)) {
        broken.push(`${page} → ${link} (outside the base ${base})`);
        continue;
      }
      const inSite = decodeURIComponent(pathname.slice(base.length));
      const target = inSite === '' || inSite.endsWith('/') ? `${inSite}index.html` : inSite;
      if (!files.has(target)) broken.push(`${page} → ${link}`);
    }
  }
  return broken;
}
