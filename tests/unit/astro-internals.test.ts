import type { LoaderContext } from 'astro/loaders';
import * as devalue from 'devalue';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ASTRO_PAGE_NAME_END,
  astroRenderResult,
  CHECKED_AGAINST_ASTRO,
  DATA_STORE_FILE,
  DATA_STORE_MODULE_ID,
  keepAssetImports,
  keptBuildProblems,
  markdownEntryType,
  storeMapAccepted,
  storeModuleCode,
} from '../../src/lib/build/astro-internals';
import {
  CONTENT_CHANGED_EVENT,
  DEV_COLLECTIONS,
  IMAGE_IMPORT_MARK,
  PAGE_ENVIRONMENTS,
} from '../../src/lib/build/astro-internals/dev-store';

describe('storeModuleCode', () => {
  const load = async (code: string) => {
    const module = join(mkdtempSync(join(tmpdir(), 'store-module-')), 'store.mjs');
    writeFileSync(module, code);
    return ((await import(/* @vite-ignore */ pathToFileURL(module).href)) as { default: unknown }).default;
  };
  const store = new Map([
    [
      'articles',
      new Map([['a', { title: 'Nagorno-Karabakh «våpenhvile»', date: new Date('2020-10-10T10:40:00Z') }]]),
    ],
  ]);

  it("exports the store file's Map of collections, read and unflattened when the module loads", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'store-')), 'data-store.json');
    writeFileSync(file, devalue.stringify(store));
    expect(await load(storeModuleCode(file))).toEqual(store);
  });

  it("exports the flattened form, as Astro's own module does, when Astro takes no Map", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'store-')), 'data-store.json');
    writeFileSync(file, devalue.stringify(store));
    const flat = await load(storeModuleCode(file, false));
    expect(Array.isArray(flat)).toBe(true);
    expect(devalue.unflatten(flat as unknown[])).toEqual(store);
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

  it('1: a loader context carries the entry types, and the .md type renders Markdown', () => {
    const loader = source('content/content-layer.js');
    expect(loader, 'Astro hands loaders entryTypes in their context').toMatch(
      /entryTypes: getEntryConfigByExtMap\(\[\s*\.\.\.this\.#settings\.contentEntryTypes/,
    );
    const glob = source('content/loaders/glob.js');
    expect(glob, 'glob() looks up the entry type by extension').toContain('entryTypes.get(`.${ext}`)');
    expect(glob, "glob() takes its renderer from the type's getRenderFunction").toContain(
      'entryType.getRenderFunction(config)',
    );
  });

  it('1: our loader refuses a context without entry types, naming the assumption', () => {
    expect(() => markdownEntryType({} as LoaderContext)).toThrow(/context\.entryTypes.*astro-internals/);
    const markdown = { getEntryInfo: async () => ({}), getRenderFunction: async () => async () => ({}) };
    const context = { entryTypes: new Map([['.md', markdown]]) } as unknown as LoaderContext;
    expect(markdownEntryType(context)).toBe(markdown);
  });

  it("5: the store a loader gets can keep an unchanged entry's image imports", () => {
    expect(source('content/mutable-data-store.js'), 'the scoped store has addAssetImports').toContain(
      'addAssetImports: (assets, fileName) => this.addAssetImports(assets, fileName)',
    );
    expect(source('content/loaders/glob.js'), 'glob() calls it for a kept entry').toContain(
      'store.addAssetImports(existingEntry.assetImports, existingEntry.filePath)',
    );
    const calls: unknown[] = [];
    const store = { addAssetImports: (assets: string[], file: string) => calls.push([assets, file]) };
    keepAssetImports(store as never, ['./foto.jpg'], 'content/articles/a.md');
    expect(calls).toEqual([[['./foto.jpg'], 'content/articles/a.md']]);
    // A store without it: nothing is called, nothing throws.
    expect(() => keepAssetImports({} as never, ['./foto.jpg'], 'a.md')).not.toThrow();
  });

  it('2: the content store module id and file name are what Astro uses, and it takes a Map', () => {
    expect(storeMapAccepted(astroDist), "Astro's runtime takes the store module's export as a Map").toBe(
      true,
    );
    expect(storeMapAccepted(tmpdir())).toBe(false);
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

  it('6: Astro names emitted assets [name].[hash][extname], page styles cut at "@_@", and lets vite options override it', () => {
    const config = source('core/build/vite-build-config.js');
    expect(config).toContain('if (name.includes(ASTRO_PAGE_EXTENSION_POST_PATTERN)) {');
    expect(config).toContain('return `${settings.config.build.assets}/${sanitizedName}.[hash][extname]`;');
    expect(config).toContain('return `${settings.config.build.assets}/[name].[hash][extname]`;');
    // Ours comes after Astro's in the output options, so it wins.
    expect(config).toMatch(
      /assetFileNames\(assetInfo\) \{[\s\S]*?\},\s*\.\.\.viteConfig\.build\?\.rolldownOptions\?\.output,/,
    );
    expect(source('core/build/plugins/util.js')).toContain(
      `const ASTRO_PAGE_EXTENSION_POST_PATTERN = "${ASTRO_PAGE_NAME_END}"`,
    );
    // A photo's copies are named after the emitted original's path.
    expect(source('assets/utils/hash.js')).toContain(
      'filename = basename(filename, ext).replace(INVALID_CHAR_REGEX, "_")',
    );
  });

  it('7: the dev server takes a Map as the store module, and refreshes pages as dev-store.ts does', () => {
    const runtime = source('content/data-store.js');
    expect(runtime).toMatch(
      /await import\("astro:data-layer-content"\);\s*if \(data\.default instanceof Map\) \{/,
    );
    const constants = source('core/constants.js');
    for (const name of PAGE_ENVIRONMENTS) expect(constants).toContain(`${name}: "${name}"`);
    const virtualMod = source('content/vite-plugin-content-virtual-mod.js');
    const invalidate = /function invalidateDataStore\([\s\S]*?\n\}/.exec(virtualMod)?.[0] ?? '';
    expect(invalidate).toContain(
      'ASTRO_VITE_ENVIRONMENT_NAMES.ssr,\n    ASTRO_VITE_ENVIRONMENT_NAMES.prerender',
    );
    expect(invalidate).toContain('environment.moduleGraph.getModuleById(RESOLVED_DATA_STORE_VIRTUAL_ID)');
    expect(invalidate).toContain('environment.runner.evaluatedModules.invalidateModule(runnerModule)');
    expect(invalidate).toContain(`environment.hot.send("${CONTENT_CHANGED_EVENT}", {})`);
    expect(source('vite-plugin-app/createAstroServerApp.js')).toContain(
      `import.meta.hot.on("${CONTENT_CHANGED_EVENT}", () => {\n      getRouteCache(manifest).clearAll();`,
    );
    expect(source('content/consts.js')).toContain(`const IMAGE_IMPORT_PREFIX = "${IMAGE_IMPORT_MARK}"`);
    // Astro writes the store with collections and entries sorted by name (sortedEntries does too).
    expect(source('content/data-store-writer.js')).toContain(
      'new Map([...collection.entries()].sort(([a], [b]) => a.localeCompare(b)))',
    );
    // Every collection of the site shares a view in the dev server, or the snapshot is never used.
    const config = readFileSync('src/content.config.ts', 'utf8');
    expect(/export const collections = \{ (.*) \};/.exec(config)?.[1]?.split(', ')).toEqual([
      ...DEV_COLLECTIONS,
    ]);
  });

  it("8: a build imports its bundled pages by the prerender entry's file name, which may be set", () => {
    expect(keptBuildProblems(astroDist)).toEqual([]);
    // And the check sees a change: an Astro that loads the entry otherwise.
    const changed = mkdtempSync(join(tmpdir(), 'astro-dist-'));
    for (const file of [
      'core/build/default-prerenderer.js',
      'core/build/vite-build-config.js',
      'core/build/static-build.js',
    ]) {
      const text = source(file).replace(
        'await import(prerenderEntryUrl.toString())',
        'await load(prerenderEntryUrl)',
      );
      mkdirSync(dirname(join(changed, file)), { recursive: true });
      writeFileSync(join(changed, file), text);
    }
    expect(keptBuildProblems(changed)).toEqual([
      'Astro no longer loads the prerender entry with import() of its file',
    ]);
  });

  it("9: the dev server writes its store file through MutableDataStore's writeToDisk(), after its debounce", async () => {
    const store = source('content/mutable-data-store.js');
    expect(store).toMatch(/export \{\s*MutableDataStore\s*\}/);
    expect(store).toContain('async writeToDisk() {');
    expect(store).toMatch(
      /#saveToDiskDebounced\(\) \{[\s\S]*?setTimeout\(async \(\) => \{[\s\S]*?await this\.writeToDisk\(\);/,
    );
    // The dev server makes its store from that class (the module deferDevStoreWrites imports).
    expect(source('core/dev/dev.js')).toContain('store = await MutableDataStore.fromFile(dataStoreFile);');
    const module = (await import(
      /* @vite-ignore */ new URL('./content/mutable-data-store.js', import.meta.resolve('astro')).href
    )) as { MutableDataStore?: { prototype: { writeToDisk?: unknown } } };
    expect(typeof module.MutableDataStore?.prototype.writeToDisk).toBe('function');
  });

  it('10: a build stages its pages inside the output folder only when that is in the working folder, and names styles from the root', () => {
    const common = source('core/build/common.js');
    expect(common).toContain('const FALLBACK_OUT_DIR_NAME = "./.astro/";');
    expect(common).toMatch(
      /function getOutDirWithinCwd\(outDir\) \{\s*if \(fileURLToPath\(outDir\)\.startsWith\(process\.cwd\(\)\)\) \{\s*return outDir;/,
    );
    const prerender = source('prerender/utils.js');
    expect(prerender).toContain('return getOutDirWithinCwd(settings.config.outDir);');
    expect(prerender).toContain('return new URL("./.prerender/", getServerOutputDirectory(settings));');
    expect(source('core/compile/compile.js')).toContain(
      'normalizedFilename: normalizeFilename(filename, astroConfig.root),',
    );
  });

  it('4: @astrojs/markdown-remark logs render errors with console.error', () => {
    const remark = readFileSync(require.resolve('@astrojs/markdown-remark'), 'utf8');
    expect(remark).toMatch(/console\.error\(err\)/);
  });
});
