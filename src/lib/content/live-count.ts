/**
 * How many live entries the loader stored in this process (live-loader.ts), so pages can skip
 * reading an empty collection, which Astro warns about on every build. Undefined before the
 * loader ran (a process that only renders): then the collection is read.
 */
const COUNT = Symbol.for('nyhetsleser.live-entries');

type WithCount = typeof globalThis & { [COUNT]?: number };

export function liveEntryCount(): number | undefined {
  return (globalThis as WithCount)[COUNT];
}

export function setLiveEntryCount(count: number): void {
  (globalThis as WithCount)[COUNT] = count;
}
