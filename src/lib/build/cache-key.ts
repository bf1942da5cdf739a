/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild in astro.config.mjs).
 *
 * Astro reuses a page's previous output when its route's code, the config and the page's
 * `cacheKey` are all unchanged. Astro hashes the code and config itself; the key must cover
 * everything else the page shows. For our pages that is:
 * - the page's props (the article, its neighbours and related articles, or a list's slice,
 *   pagination and day links), which come from the content;
 * - the source digest of a rendered article body: Astro does not track Markdown bodies from
 *   the content store (only MDX-like modules), so a changed body must change the key;
 * - the category list, read from categories.yaml at run time (the header on every page shows
 *   it), which is outside Astro's module graph.
 * Dates serialise as ISO strings and undefined fields drop out, exactly as they affect the HTML.
 */
import { createHash } from 'node:crypto';

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * Returns the key function for this build's pages. `site` is what every page shows beside its
 * own data (the category list); it is hashed once here, not once per page.
 */
export function pageKeys(site: unknown): (pageData: unknown) => string {
  const siteHash = digest(JSON.stringify(site) ?? '');
  return (pageData) => digest(`${siteHash}\n${JSON.stringify(pageData) ?? ''}`);
}
