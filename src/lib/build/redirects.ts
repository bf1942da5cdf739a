/**
 * Permanent redirects for addresses the site no longer has (the old numbered list pages,
 * routes.ts `listingRedirects`). The listing route records them while Astro lists its pages,
 * in the same process (a process-wide registry); this integration writes them for the hosts:
 * - `_redirects` for Netlify and Cloudflare Pages;
 * - `_redirects.nginx`, a map that the nginx configuration includes (src/lib/deploy/nginx.ts).
 * Both files are written on every build, so a redirect whose list changed is never stale.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { outputTree } from './output-files.ts';
import type { Redirect } from '../archive/routes.ts';
import { href, normaliseBase } from '../urls.ts';

const KEY = Symbol.for('nyhetsleser.redirects');

/** The file names in dist/; nginx refuses to serve both (nginx.ts). */
export const REDIRECTS_FILE = '_redirects';
export const NGINX_REDIRECTS_FILE = '_redirects.nginx';
/** Killed stories' addresses, for nginx's 410 (nginx.ts). */
export const NGINX_GONE_FILE = '_gone.nginx';

interface Registry {
  redirects: Redirect[] | undefined;
  gone: string[] | undefined;
}

function registry(): Registry {
  const g = globalThis as typeof globalThis & { [KEY]?: Registry };
  g[KEY] ??= { redirects: undefined, gone: undefined };
  return g[KEY];
}

/** Called once the articles are loaded: the site paths of killed stories (collection.ts). */
export function recordGone(paths: readonly string[]): void {
  registry().gone = [...paths].sort();
}

/** The killed stories' paths this build recorded (none before the articles were loaded). */
export function goneRecorded(): readonly string[] {
  return registry().gone ?? [];
}

/** Lines for an nginx `map $uri $gone` block: each killed story's address, with and without the slash. */
export function nginxGoneMap(paths: readonly string[], base: string): string {
  return paths
    .map((path) => {
      const at = href(path, base);
      return `"${at}" 1;\n"${at.replace(/\/$/, '')}" 1;\n`;
    })
    .join('');
}

/** Called by the route that lists the pages whose old addresses moved. */
export function recordRedirects(redirects: readonly Redirect[]): void {
  registry().redirects = [...redirects];
}

/** Netlify / Cloudflare Pages `_redirects`: one "from to 301" line each, under the deploy base. */
export function staticHostRedirects(redirects: readonly Redirect[], base: string): string {
  return redirects.map((r) => `${href(r.from, base)} ${href(r.to, base)} 301\n`).join('');
}

/**
 * Lines for an nginx `map $uri …` block: "from" "to"; (paths are ASCII slugs, never quotes), also
 * without the trailing slash: the old page's folder is gone, so nginx would not add it first.
 */
export function nginxRedirectMap(redirects: readonly Redirect[], base: string): string {
  return redirects
    .map((r) => {
      const from = href(r.from, base);
      const to = href(r.to, base);
      return `"${from}" "${to}";\n"${from.replace(/\/$/, '')}" "${to}";\n`;
    })
    .join('');
}

export function redirectFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'news-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': ({ dir }) => {
        const { redirects, gone } = registry();
        // The listing route always runs in a build; no record means it did not, and writing
        // an empty map would drop every redirect.
        if (!redirects) throw new Error('No redirects were recorded: the listing route did not run.');
        const tree = outputTree(fileURLToPath(dir));
        for (const [name, text] of [
          [REDIRECTS_FILE, staticHostRedirects(redirects, base)],
          [NGINX_REDIRECTS_FILE, nginxRedirectMap(redirects, base)],
          [NGINX_GONE_FILE, nginxGoneMap(gone ?? [], base)],
        ] as const) {
          const file = fileURLToPath(new URL(name, dir));
          writeFileSync(file, text);
          tree.written(file);
        }
      },
    },
  };
}
