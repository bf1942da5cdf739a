import * as devalue from 'devalue';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeModuleCode } from '../../src/lib/build/astro-internals';
import {
  deferWrites,
  DEV_WRITE_QUIET_MS,
  devCollectionChanged,
  devStoreModuleCode,
  devStoreSnapshot,
  imageImportsOf,
  shareDevCollection,
  sortedEntries,
  startDevStore,
  writeDelay,
} from '../../src/lib/build/astro-internals/dev-store';
import type { invalidateStoreModule } from '../../src/lib/build/astro-internals/dev-store';

const KEY = Symbol.for('nyhetsleser.dev-store');
afterEach(() => {
  Reflect.deleteProperty(globalThis, KEY);
});

async function evaluate(code: string): Promise<unknown> {
  const file = join(mkdtempSync(join(tmpdir(), 'dev-store-')), 'store.mjs');
  writeFileSync(file, code);
  return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: unknown }).default;
}

describe('the dev store', () => {
  it('is the file Astro wrote until every collection shares a view, then the views', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const file = join(dir, 'data-store.json');
    // The file as Astro writes it (devalue); the module hands over its Map of collections.
    const fromFile = new Map([['articles', new Map([['f', { id: 'f', data: { title: 'from the file' } }]])]]);
    writeFileSync(file, devalue.stringify(fromFile));
    const code = devStoreModuleCode(storeModuleCode(file));
    expect(await evaluate(code)).toEqual(fromFile);

    const article = { id: 'a', data: { title: 'Våpenhvile', date: new Date('2020-10-10T10:40:00Z') } };
    shareDevCollection('articles', () => new Map([['a', article]]));
    // authors has no view yet: the file still, never a store without a collection.
    expect(devStoreSnapshot()).toBeUndefined();
    expect(await evaluate(code)).toEqual(fromFile);

    shareDevCollection('authors', () => new Map());
    // liveEntries has no view yet: still the file.
    expect(await evaluate(code)).toEqual(fromFile);
    shareDevCollection('liveEntries', () => new Map());
    const live = await evaluate(code);
    // An empty collection is left out, as Astro leaves it out of its file.
    expect(live).toEqual(new Map([['articles', new Map([['a', article]])]]));
    // The entry itself, Dates and all: no serialisation on the way.
    expect((live as Map<string, Map<string, unknown>>).get('articles')?.get('a')).toBe(article);
  });

  it('sorts entries as Astro writes them', () => {
    expect([
      ...sortedEntries([
        ['b', 1],
        ['å', 2],
        ['a', 3],
      ]).keys(),
    ]).toEqual(['a', 'å', 'b']);
  });

  it("tells when an entry's photos change (they then wait for Astro's image imports)", () => {
    const before = { data: { image: { src: '__ASTRO_IMAGE_./foto.jpg' } }, assetImports: ['./kart.png'] };
    expect(imageImportsOf(undefined)).toBe('');
    expect(imageImportsOf({ data: { title: 'x' } })).toBe('');
    expect(imageImportsOf(before)).toBe(
      imageImportsOf({ ...before, data: { ...before.data, title: 'Ny tittel' } }),
    );
    expect(imageImportsOf(before)).not.toBe(
      imageImportsOf({ ...before, assetImports: ['./kart.png', './ny.jpg'] }),
    );
    expect(imageImportsOf(before)).not.toBe(
      imageImportsOf({ ...before, data: { image: { src: '__ASTRO_IMAGE_./ny.jpg' } } }),
    );
  });

  it('invalidates the store module in the page environments and reloads the browser', () => {
    const calls: string[] = [];
    const environment = (name: string, withModule: boolean) => ({
      moduleGraph: {
        getModuleById: (id: string) => (withModule ? { id } : undefined),
        invalidateModule: (module: { id: string }) =>
          calls.push(`${name} graph ${JSON.stringify(module.id)}`),
      },
      runner: {
        evaluatedModules: {
          getModuleById: (id: string) => (withModule ? { id } : undefined),
          invalidateModule: (module: { id: string }) =>
            calls.push(`${name} runner ${JSON.stringify(module.id)}`),
        },
      },
      hot: { send: (event: unknown) => calls.push(`${name} hot ${JSON.stringify(event)}`) },
    });
    const server = {
      environments: {
        ssr: environment('ssr', true),
        prerender: environment('prerender', false),
        client: environment('client', false),
      },
    } as unknown as Parameters<typeof invalidateStoreModule>[0];

    // Before the dev server starts (and in a build) nothing is invalidated.
    expect(devCollectionChanged()).toBe(false);
    startDevStore(server);
    expect(devCollectionChanged()).toBe(true);
    expect(calls).toEqual([
      'ssr graph "\\u0000astro:data-layer-content"',
      'ssr runner "\\u0000astro:data-layer-content"',
      'ssr hot "astro:content-changed"',
      'prerender hot "astro:content-changed"',
      'client hot {"type":"full-reload","path":"*"}',
    ]);
  });
});

describe("the dev server's store file", () => {
  it('waits until the editor has been quiet, never before any change', () => {
    expect(writeDelay(undefined, 50_000)).toBe(0);
    expect(writeDelay(10_000, 10_500)).toBe(DEV_WRITE_QUIET_MS - 500);
    expect(writeDelay(10_000, 10_000 + DEV_WRITE_QUIET_MS)).toBe(0);
    expect(writeDelay(10_000, 99_000)).toBe(0);
  });

  it('is written once no change has come for a while, however many changes came before', async () => {
    vi.useFakeTimers();
    try {
      const written: number[] = [];
      class Store {
        async writeToDisk() {
          written.push(performance.now());
          return true;
        }
      }
      expect(deferWrites(Store.prototype)).toBe(true);
      // Wrapped once, however often the dev server starts.
      expect(deferWrites(Store.prototype)).toBe(true);
      const store = new Store();
      const start = performance.now();
      // Before any change (the first sync), at once.
      await store.writeToDisk();
      expect(written).toEqual([start]);

      devCollectionChanged();
      const write = store.writeToDisk();
      await vi.advanceTimersByTimeAsync(DEV_WRITE_QUIET_MS - 500);
      devCollectionChanged(); // the editor's next save
      await vi.advanceTimersByTimeAsync(DEV_WRITE_QUIET_MS - 100);
      expect(written).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(200);
      await write;
      expect(written).toHaveLength(2);
      expect((written[1] ?? 0) - start).toBeGreaterThanOrEqual(2 * DEV_WRITE_QUIET_MS - 500);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is left to Astro when its store has no writeToDisk()', () => {
    expect(deferWrites({})).toBe(false);
  });
});
