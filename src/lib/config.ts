/**
 * The deploy settings, all from environment variables (README, "Configuration"), read in this
 * one place. Read when called, not on import: modules that only need a default (urls.ts) are
 * also bundled for the browser, where there is no process.env.
 */

/** The origin the dev server and an unconfigured build use. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

export interface Settings {
  /** SITE_URL: the deployed origin, for canonical URLs, feeds and sitemaps. */
  siteUrl: string;
  /** BASE_PATH: the sub-path the site is served under ("/" or "/nyheter/"). */
  basePath: string;
  /** CONTENT_DIR, as given (resolved against the working folder by content/dir.ts). */
  contentDir: string | undefined;
  /** BUILD_NOW, as written (parsed by now.ts). */
  buildNow: string | undefined;
  /** OUT_DIR: where the built site is written. */
  outDir: string;
  /** CACHE_DIR: the build cache. */
  cacheDir: string;
  /** SEARCH_SHARD_PAGES, as written (parsed by distribution/search-shards.ts). */
  searchShardPages: string | undefined;
  /** PRECOMPRESS: "0" leaves out the .gz/.br twins (for hosts that compress themselves). */
  precompress: boolean;
  /** DICTIONARY: "0" leaves out the compression dictionary and the .dcb twins (the .gz/.br stay). */
  dictionary: boolean;
  /**
   * RENDER_WORKER: for tests only. A module to run as the Markdown render worker instead of
   * src/lib/markdown/render-worker.ts (the build tests use one that dies mid-build).
   */
  renderWorker: string | undefined;
  /** BUILD_PART, as written ("2/4"; parsed by build/parts.ts): build one part of the pages. */
  buildPart: string | undefined;
}

/** An empty variable counts as unset, as in a CI file that writes `SITE_URL=` for "default". */
const value = (raw: string | undefined): string | undefined =>
  raw === undefined || raw === '' ? undefined : raw;

export function settings(env: Record<string, string | undefined> = process.env): Settings {
  return {
    siteUrl: value(env.SITE_URL) ?? DEFAULT_SITE_URL,
    basePath: value(env.BASE_PATH) ?? '/',
    contentDir: value(env.CONTENT_DIR),
    buildNow: value(env.BUILD_NOW),
    outDir: value(env.OUT_DIR) ?? './dist',
    cacheDir: value(env.CACHE_DIR) ?? './node_modules/.astro',
    searchShardPages: value(env.SEARCH_SHARD_PAGES),
    precompress: value(env.PRECOMPRESS) !== '0',
    dictionary: value(env.DICTIONARY) !== '0',
    renderWorker: value(env.RENDER_WORKER),
    buildPart: value(env.BUILD_PART),
  };
}
