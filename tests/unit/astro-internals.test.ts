import type { LoaderContext } from 'astro/loaders';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  astroRenderResult,
  CHECKED_AGAINST_ASTRO,
  DATA_STORE_FILE,
  DATA_STORE_MODULE_ID,
  markdownEntryType,
  storeModuleCode,
  withMarkdownEntryType,
  type EntryType,
} from '../../src/lib/build/astro-internals';

describe('storeModuleCode', () => {
  it('exports the parsed store file, read when the module loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const store = join(dir, 'data-store.json');
    const data = [{ articles: 1 }, 'Nagorno-Karabakh «våpenhvile»', [2, 3]];
    writeFileSync(store, JSON.stringify(data));
    const module = join(dir, 'store.mjs');
    writeFileSync(module, storeModuleCode(store));
    const loaded = (await import(/* @vite-ignore */ pathToFileURL(module).href)) as { default: unknown };
    expect(loaded.default).toEqual(data);
  });
});

/**
 * Each assumption in src/lib/build/astro-internals/index.ts, checked against the installed
 * Astro. When an upgrade breaks one, the failing test names it.
 */
const require = createRequire(import.meta.url);
const astroDist = join(dirname(require.resolve('astro/package.json')), 'dist');
const source = (path: string) => readFileSync(join(astroDist, path), 'utf8');

describe('Astro internals (src/lib/build/astro-internals)', () => {
  it(`are checked against the installed Astro ${CHECKED_AGAINST_ASTRO}`, () => {
    const { version } = JSON.parse(readFileSync(require.resolve('astro/package.json'), 'utf8')) as {
      version: string;
    };
    expect(
      version,
      'Astro was upgraded: check every assumption below, then update CHECKED_AGAINST_ASTRO',
    ).toBe(CHECKED_AGAINST_ASTRO);
  });

  it('1: glob() reads entry types from context.entryTypes and hands the render function the digest', () => {
    const glob = source('content/loaders/glob.js');
    expect(glob, 'glob() takes entryTypes from its context').toMatch(
      /entryTypes\s*\}\s*=?|context\.entryTypes|\bentryTypes\b/,
    );
    expect(glob, 'glob() looks up the entry type by extension').toContain('entryTypes.get(`.${ext}`)');
    expect(glob, 'glob() calls getEntryInfo for every file').toContain('getEntryInfo(');
    expect(glob, 'glob() passes the digest to the render function').toMatch(/render\?\.\(\{[^}]*digest/s);
  });

  it('1: our loader refuses a context without entry types, naming the assumption', () => {
    expect(() => markdownEntryType({} as LoaderContext)).toThrow(/context\.entryTypes.*astro-internals/);
    const markdown = { getEntryInfo: async () => ({}), getRenderFunction: async () => async () => ({}) };
    const context = { entryTypes: new Map([['.md', markdown]]) } as unknown as LoaderContext;
    expect(markdownEntryType(context)).toBe(markdown);
    const wrapped = withMarkdownEntryType(context, { getRenderFunction: async () => async () => 'ours' });
    const types = (wrapped as unknown as { entryTypes: Map<string, EntryType> }).entryTypes;
    expect(types.get('.md')?.getEntryInfo).toBe(markdown.getEntryInfo);
    expect(types.get('.md')?.getRenderFunction).not.toBe(markdown.getRenderFunction);
  });

  it('2: the content store module id and file name are what Astro uses', () => {
    const consts = source('content/consts.js');
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content"');
    expect(DATA_STORE_MODULE_ID).toBe('\0astro:data-layer-content');
    expect(consts).toContain(`const DATA_STORE_FILE = "${DATA_STORE_FILE}"`);
    expect(JSON.stringify(readdirSync(join(astroDist, 'content')))).toContain('mutable-data-store.js');
    const incremental = source('core/build/incremental-metadata.js');
    expect(incremental, 'Astro marks content-data modules with meta.astroIncremental').toContain(
      'const ASTRO_INCREMENTAL_META_KEY = "astroIncremental"',
    );
    expect(incremental).toContain('kind: "content-data"');
  });

  it('3: a stored render carries imagePaths, as Astro builds it', () => {
    expect(
      astroRenderResult('<p>x</p>', {
        localImagePaths: ['a.jpg'],
        remoteImagePaths: ['https://x/b.jpg'],
        headings: [],
      }),
    ).toEqual({
      html: '<p>x</p>',
      metadata: {
        localImagePaths: ['a.jpg'],
        remoteImagePaths: ['https://x/b.jpg'],
        headings: [],
        imagePaths: ['a.jpg', 'https://x/b.jpg'],
      },
    });
    expect(
      source('vite-plugin-markdown/content-entry-type.js'),
      'Astro stores imagePaths in render metadata',
    ).toContain('imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths)');
  });

  it('4: @astrojs/markdown-remark logs render errors with console.error', () => {
    const remark = readFileSync(require.resolve('@astrojs/markdown-remark'), 'utf8');
    expect(remark).toMatch(/console\.error\(err\)/);
  });
});
