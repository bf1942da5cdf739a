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

/** Records many pages hold (articles), and the hash each stands for in a page's key. */
const sharedRecords = new WeakSet<object>();
const sharedHashes = new WeakMap<object, string>();

/**
 * Marks records that many pages' data hold (an article is on its page, its neighbours' and
 * related articles' pages, and on several lists): each is serialised and hashed once, and a
 * page's key takes that hash in its place. Keys change exactly when they did (a record's hash
 * covers all of it), but a build no longer serialises each article dozens of times (about a
 * second of every build at 10 000 articles).
 */
export function shareInKeys(records: Iterable<object>): void {
  for (const record of records) sharedRecords.add(record);
}

function inKey(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !sharedRecords.has(value)) return value;
  let hash = sharedHashes.get(value);
  if (hash === undefined) sharedHashes.set(value, (hash = `\u0000${digest(JSON.stringify(value))}`));
  return hash;
}

/**
 * Returns the key function for this build's pages. `site` is what every page shows beside its
 * own data (the category list); it is hashed once here, not once per page.
 */
export function pageKeys(site: unknown): (pageData: unknown) => string {
  const siteHash = digest(JSON.stringify(site) ?? '');
  return (pageData) => digest(`${siteHash}\n${JSON.stringify(pageData, inKey) ?? ''}`);
}
