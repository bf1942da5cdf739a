/**
 * The dev server's fast path for a saved article (assumption 7, index.ts).
 *
 * After a loader changes an entry, Astro waits 500 ms (its debounce), serialises the whole store
 * with devalue (0.7 s at 10 000 articles), writes it, and only then invalidates the store module
 * so that pages see the change: about 1.4 s of the 2.2–2.7 s between an editor's save and the
 * page showing it (bench/RESULTS.md). Our loaders hold the same entries in memory already. Here
 * they share a view of their collections, and after a reload the store module is invalidated at
 * once (the same steps Astro takes) and built from those views, with no serialisation.
 *
 * Everything is on globalThis under one symbol: the loaders, the integration and the store module
 * are each evaluated by a different Vite module graph in the same process. When any part is
 * missing (a collection without a view, an Astro that moved the module), nothing here applies
 * and Astro's own write serves the change a second later: slower, equally right.
 */
import type { ViteDevServer } from 'vite';
import { DATA_STORE_MODULE_ID } from './content-store.ts';

/** The collections of src/content.config.ts; a view of each must be shared, or none is used. */
export const DEV_COLLECTIONS = ['articles', 'authors', 'liveEntries'] as const;

/** Astro's names of the Vite environments that render pages (ASTRO_VITE_ENVIRONMENT_NAMES). */
export const PAGE_ENVIRONMENTS = ['ssr', 'prerender'] as const;

/** Astro's event that clears the dev server's cache of getStaticPaths() results. */
export const CONTENT_CHANGED_EVENT = 'astro:content-changed';

const KEY = Symbol.for('nyhetsleser.dev-store');

type Entries = Map<string, unknown>;

interface DevStore {
  views: Map<string, () => Entries>;
  /** When a loader last changed a collection (performance.now()); undefined before any change. */
  lastChange: number | undefined;
  /** Invalidates the store module; set by the integration when the dev server starts. */
  refresh?: () => boolean;
  /** The whole store from the views, or undefined when a collection has none. */
  snapshot: () => Map<string, Entries> | undefined;
}

function devStore(): DevStore {
  const holder = globalThis as { [KEY]?: DevStore };
  holder[KEY] ??= {
    views: new Map(),
    lastChange: undefined,
    snapshot() {
      if (!DEV_COLLECTIONS.every((name) => this.views.has(name))) return undefined;
      const all = new Map<string, Entries>();
      for (const name of DEV_COLLECTIONS) {
        const entries = this.views.get(name)?.();
        // Astro drops a collection that has no entries; so does the snapshot.
        if (entries && entries.size > 0) all.set(name, entries);
      }
      return all;
    },
  };
  return holder[KEY];
}

/** Astro's mark on an image path that its image() helper turns into an import (consts.js). */
export const IMAGE_IMPORT_MARK = '__ASTRO_IMAGE_';

/**
 * The photos a stored entry imports, as one string to compare: the image() paths in its data and
 * its asset imports. The page resolves each through Astro's list of image imports, which Astro
 * writes with the store, so an entry whose photos changed must wait for that write.
 */
export function imageImportsOf(
  entry: { data?: unknown; assetImports?: readonly string[] } | undefined,
): string {
  if (!entry) return '';
  const marked = JSON.stringify(entry.data ?? null).match(new RegExp(`${IMAGE_IMPORT_MARK}[^"]*`, 'g')) ?? [];
  return [...new Set([...marked, ...(entry.assetImports ?? [])])].sort().join('\n');
}

/** Entries in the order of Astro's store file (sorted by id), as a fresh Map. */
export function sortedEntries<T>(entries: Iterable<[string, T]>): Map<string, T> {
  return new Map([...entries].sort(([a], [b]) => a.localeCompare(b)));
}

/** A loader in the dev server shares a view of its entries (a fresh Map per call). */
export function shareDevCollection(name: string, view: () => Entries): void {
  devStore().views.set(name, view);
}

/** The whole store from the shared views (the store module's dev code calls the same). */
export function devStoreSnapshot(): Map<string, Entries> | undefined {
  return devStore().snapshot();
}

/**
 * A loader changed its collection in the dev server: pages see it on their next request. False
 * when the fast path is off; Astro's own write brings the change then.
 */
export function devCollectionChanged(): boolean {
  const store = devStore();
  store.lastChange = performance.now();
  return store.refresh?.() ?? false;
}

/**
 * How long the editor must have been quiet before the dev server writes its store file. Astro
 * writes it 500 ms after a change, serialising the whole store on the main thread (0.7 s at
 * 10 000 articles): an editor's next save, and the page it wants to see, waited behind that
 * (a new article saved a second after an edit was served after 2.6–3.7 s, bench/RESULTS.md).
 * Pages read the loaders' views at once (above), so the file only matters for the next start;
 * a dev server stopped before it was written reads the changed files again then (by digest).
 */
export const DEV_WRITE_QUIET_MS = 2000;

/** How long a write must still wait after the last change at `lastChange`, seen at `now`. */
export function writeDelay(lastChange: number | undefined, now: number, quiet = DEV_WRITE_QUIET_MS): number {
  return lastChange === undefined ? 0 : Math.max(0, lastChange + quiet - now);
}

const DEFERRED = Symbol.for('nyhetsleser.dev-store.deferred');

export interface StorePrototype {
  writeToDisk?: (...args: unknown[]) => Promise<unknown>;
  [DEFERRED]?: true;
}

/**
 * The dev server (assumption 9, index.ts): Astro's store writes its file through the method
 * writeToDisk() of MutableDataStore (astro/dist/content/mutable-data-store.js); it is wrapped to
 * wait until no loader has changed anything for DEV_WRITE_QUIET_MS. Only the dev server calls
 * this. False when the class or method is not found: Astro then writes as it always has.
 */
export async function deferDevStoreWrites(): Promise<boolean> {
  let prototype: StorePrototype | undefined;
  try {
    const file = new URL('./content/mutable-data-store.js', import.meta.resolve('astro')).href;
    // Node's own import, not Vite's: the same module instance Astro's dev server uses.
    const module = (await import(/* @vite-ignore */ file)) as {
      MutableDataStore?: { prototype: StorePrototype };
    };
    prototype = module.MutableDataStore?.prototype;
  } catch {
    return false;
  }
  return prototype ? deferWrites(prototype) : false;
}

/** Wraps a store class's writeToDisk() to wait for DEV_WRITE_QUIET_MS without a change. */
export function deferWrites(prototype: StorePrototype): boolean {
  if (typeof prototype.writeToDisk !== 'function') return false;
  if (prototype[DEFERRED]) return true;
  const write = prototype.writeToDisk;
  prototype.writeToDisk = async function (this: unknown, ...args: unknown[]) {
    for (let wait = writeDelay(devStore().lastChange, performance.now()); wait > 0;) {
      await new Promise((done) => setTimeout(done, wait));
      wait = writeDelay(devStore().lastChange, performance.now());
    }
    return write.apply(this, args);
  };
  prototype[DEFERRED] = true;
  return true;
}

/** The dev store module's code: the loaders' entries when shared, else the file Astro wrote. */
export function devStoreModuleCode(fileCode: string): string {
  return [
    `const live = globalThis[Symbol.for(${JSON.stringify(KEY.description)})]?.snapshot();`,
    fileCode.replace('export default ', 'const fromFile = () => '),
    'export default live ?? fromFile();',
  ].join('\n');
}

/** What invalidating the store module needs of Vite's dev server (the parts we use). */
type Server = Pick<ViteDevServer, 'environments'>;

/**
 * Invalidates the store module in the page environments as Astro does after writing the store
 * (astro/dist/content/vite-plugin-content-virtual-mod.js, invalidateDataStore), and reloads open
 * browser tabs. True when a module was invalidated.
 */
export function invalidateStoreModule(server: Server): boolean {
  let invalidated = false;
  for (const name of PAGE_ENVIRONMENTS) {
    const environment = server.environments[name];
    if (!environment) continue;
    const module = environment.moduleGraph.getModuleById(DATA_STORE_MODULE_ID);
    if (module) environment.moduleGraph.invalidateModule(module, undefined, Date.now(), true);
    const runner = (environment as { runner?: { evaluatedModules: EvaluatedModules } }).runner;
    const evaluated = runner?.evaluatedModules.getModuleById(DATA_STORE_MODULE_ID);
    if (runner && evaluated) {
      runner.evaluatedModules.invalidateModule(evaluated);
      invalidated = true;
    }
    environment.hot.send(CONTENT_CHANGED_EVENT, {});
  }
  server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
  return invalidated;
}

interface EvaluatedModules {
  getModuleById(id: string): unknown;
  invalidateModule(module: unknown): void;
}

/** The integration, when the dev server starts: the fast path is on from now. */
export function startDevStore(server: Server): void {
  devStore().refresh = () => invalidateStoreModule(server);
}
