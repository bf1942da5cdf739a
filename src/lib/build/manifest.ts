/**
 * Facts the pages learn about articles that the integrations need after the pages are built
 * (the sitemap's lastmod per article URL). Astro prerenders in the same process as its
 * integrations, so a process-wide registry is enough; the sitemap test fails if that changes.
 */
const KEY = Symbol.for('nyhetsleser.build-manifest');

interface Manifest {
  lastmod: Map<string, string>;
}

function manifest(): Manifest {
  const g = globalThis as typeof globalThis & { [KEY]?: Manifest };
  g[KEY] ??= { lastmod: new Map() };
  return g[KEY];
}

/** Records an article's absolute URL and its last modification (ISO). */
export function recordLastmod(url: string, iso: string): void {
  manifest().lastmod.set(url, iso);
}

export function lastmodOf(url: string): string | undefined {
  return manifest().lastmod.get(url);
}
