/**
 * Keeps the build linear in the number of articles.
 *
 * Astro hands the content store to the page build as one JS module,
 * `export default JSON.parse("<the whole store as a string literal>")`. V8's parse time for a
 * string literal grows with the square of its length (seconds at 10 000 articles, measured in
 * bench/RESULTS.md). This plugin serves the same module as a read of the store file Astro has
 * just written, which costs one JSON.parse, linear in size.
 *
 * The dev server gets the same: it evaluates the module again after every saved article, so the
 * literal cost every edit seconds at scale. Astro's own watcher still invalidates the
 * module (and reloads the browser) when the store file changes; the module then reads the new
 * file. The module id and the store files' places (cacheDir for a build, <root>/.astro/ for the
 * dev server) are Astro's internals: if a later Astro moves them, this plugin no longer matches
 * and Astro's own module is used, which is slower but equally correct; the build then ends with a
 * warning line saying so, and the build tests notice, as the plugin's log line is missing.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { astroDist } from './astro-dist.ts';
import { deferDevStoreWrites, devStoreModuleCode, startDevStore } from './dev-store.ts';

/** Astro's resolved id of `astro:data-layer-content` (astro/dist/content/consts.js). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';
/** The store file's name (DATA_STORE_FILE in astro/dist/content/consts.js). */
export const DATA_STORE_FILE = 'data-store.json';

/** Astro's runtime store (ImmutableDataStore.fromModule) takes a Map as the module's export. */
const TAKES_A_MAP = /await import\("astro:data-layer-content"\);\s*if \(data\.default instanceof Map\) \{/;

/** True when the installed Astro takes the store module's export as a Map (assumption 2). */
export function storeMapAccepted(dist: string = astroDist()): boolean {
  try {
    return TAKES_A_MAP.test(readFileSync(join(dist, 'content/data-store.js'), 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The module's code: reads and parses the store file when the page build starts. `asMap`: the
 * export is the store's Map of collections, unflattened here. Astro would unflatten the parsed
 * file itself, but the module's export, the flattened form, then stays loaded for the whole
 * build beside the store made of it: 70 % more memory for the store (11 MiB at 10 000 articles,
 * about 110 MiB at 100 000, and in the publisher's worker again for every build it keeps).
 */
export function storeModuleCode(storeFile: string, asMap = true): string {
  const parsed = `JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'))`;
  // devalue as this project resolves it (the store file's path is in the code already).
  const devalue = pathToFileURL(createRequire(import.meta.url).resolve('devalue')).href;
  const exported = asMap
    ? [`import { unflatten } from ${JSON.stringify(devalue)};`, `export default unflatten(${parsed});`]
    : [`export default ${parsed};`];
  return ["import { readFileSync } from 'node:fs';", ...exported].join('\n');
}

export function contentStoreFromFile(): AstroIntegration {
  // Whether the page build loaded the store through this plugin (assumption 2, index.ts).
  let used = false;
  let storeFileAtStart = '';
  return {
    name: 'news-content-store-file',
    hooks: {
      // The dev server shows a saved article without waiting for Astro's write (dev-store.ts).
      'astro:server:setup': async ({ server, logger }) => {
        startDevStore(server);
        // An editor's next save is not kept waiting behind Astro's write of the whole store.
        if (!(await deferDevStoreWrites())) {
          logger.warn(
            "Astro internals changed: the store's file is written 500 ms after every save, as Astro does (assumption 9, src/lib/build/astro-internals/).",
          );
        }
      },
      'astro:build:done': ({ logger }) => {
        // A store was written but its module never came through here: Astro renamed the module
        // or moved the file. The site is still right (Astro's own module), only slower at scale.
        if (!used && existsSync(storeFileAtStart)) {
          logger.warn(
            "Astro internals changed: the content store module was not served from its file, so the build used Astro's own (slower) module. See src/lib/build/astro-internals/.",
          );
        }
      },
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const storeDir = command === 'build' ? config.cacheDir : new URL('.astro/', config.root);
        const storeFile = fileURLToPath(new URL(DATA_STORE_FILE, storeDir));
        used = false;
        storeFileAtStart = storeFile;
        const asMap = storeMapAccepted();
        if (!asMap) {
          logger.warn(
            "Astro internals changed: the content store module exports the store's flattened form, which stays loaded beside the store (more memory). See src/lib/build/astro-internals/ (assumption 2).",
          );
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'news-content-store-file',
                enforce: 'pre',
                load: {
                  // Astro's own plugin loads this id too, and the first plugin to answer wins:
                  // `enforce: 'pre'` alone does not put ours before Astro's, the hook's order does.
                  order: 'pre',
                  handler(id: string) {
                    // No store file (no content yet, or Astro's chunked storage): Astro's own module.
                    if (id !== DATA_STORE_MODULE_ID || !existsSync(storeFile)) return null;
                    // The build tests look for this line: without it, Astro's slow module is in use.
                    if (!used)
                      logger.info('Content store read from its file (not compiled as a string literal).');
                    used = true;
                    // The same marker Astro puts on this module, so the incremental build
                    // treats it as content data, not as page code.
                    const code = storeModuleCode(storeFile, asMap);
                    return {
                      code: command === 'dev' ? devStoreModuleCode(code) : code,
                      meta: { astroIncremental: { kind: 'content-data' } },
                    };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
