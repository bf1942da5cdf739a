/**
 * How many entries a loader stored in this process (live-loader.ts, author-loader.ts), so pages
 * can skip reading an empty collection, which Astro warns about on every build and, in the dev
 * server, on every save ("The collection … does not exist or is empty"): most sites have no live
 * story, and many no author profiles. Undefined before the loader ran (a process that only
 * renders): then the collection is read.
 */
export type CountedCollection = 'liveEntries' | 'authors';

const COUNTS = Symbol.for('nyhetsleser.stored-counts');

type WithCounts = typeof globalThis & { [COUNTS]?: Map<CountedCollection, number> };

export function storedCount(collection: CountedCollection): number | undefined {
  return (globalThis as WithCounts)[COUNTS]?.get(collection);
}

export function setStoredCount(collection: CountedCollection, count: number): void {
  ((globalThis as WithCounts)[COUNTS] ??= new Map()).set(collection, count);
}
