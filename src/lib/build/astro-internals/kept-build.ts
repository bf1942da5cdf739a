/**
 * Assumption 8: builds in a kept process (scripts/publisher.ts). Astro's static build bundles the
 * pages into `<outDir>/.prerender/` (or `.astro/.prerender/`), names the entry
 * `prerender-entry.[hash].mjs` and loads it with `import()`. The hash is taken before Astro writes
 * the build's manifest into the files, so a second build of the same sources writes files of the
 * same names, and Node, which never loads a module URL twice, hands back the first build's pages
 * with the first build's articles in them (measured: a kept process published nothing new).
 * A kept process therefore names each build's bundle apart through Vite's per-environment output
 * options, which Astro spreads after its own: the entry keeps its prefix, which is how Astro finds
 * it. A build without `KEPT_BUILD_ENV` set (every `astro build`) is named as Astro names it.
 */
import { readFileSync } from 'node:fs';
import { astroDist } from './astro-dist.ts';
import { join } from 'node:path';

/** The variable a kept process sets to a new value before each build. */
export const KEPT_BUILD_ENV = 'NEWS_KEPT_BUILD';

const ENTRY_PREFIX = 'prerender-entry';

/** Vite options for astro.config.mjs: this build's bundle named apart when in a kept process. */
export function keptBuildVite(id: string | undefined = process.env[KEPT_BUILD_ENV]) {
  if (!id) return {};
  if (!/^\w+$/.test(id)) throw new Error(`${KEPT_BUILD_ENV}="${id}": letters, digits and _ only.`);
  return {
    environments: {
      prerender: {
        build: {
          rolldownOptions: {
            output: {
              entryFileNames: `${ENTRY_PREFIX}.[hash].${id}.mjs`,
              chunkFileNames: `chunks/[name]_[hash].${id}.mjs`,
            },
          },
        },
      },
    },
  };
}

/**
 * What of this assumption the installed Astro no longer does, read from its source (empty when
 * all holds). The publisher checks it at start; when something is missing it runs every build as
 * a process of its own (as `npm run build` does without it): slower, never stale.
 */
export function keptBuildProblems(dist: string = astroDist()): string[] {
  const source = (path: string) => {
    try {
      return readFileSync(join(dist, path), 'utf8');
    } catch {
      return '';
    }
  };
  const problems: string[] = [];
  if (
    !/const prerenderEntry = await import\(prerenderEntryUrl\.toString\(\)\)/.test(
      source('core/build/default-prerenderer.js'),
    )
  )
    problems.push('Astro no longer loads the prerender entry with import() of its file');
  if (
    !/entryFileNames: `\$\{PRERENDER_ENTRY_FILENAME_PREFIX\}\.\[hash\]\.mjs`,[^}]*\.\.\.userPrerender\?\.build\?\.rolldownOptions\?\.output/.test(
      source('core/build/vite-build-config.js'),
    )
  )
    problems.push("Astro no longer lets the prerender environment's output names be set");
  if (!/fileName\.startsWith\(PRERENDER_ENTRY_FILENAME_PREFIX\)/.test(source('core/build/static-build.js')))
    problems.push(`Astro no longer finds the prerender entry by the prefix "${ENTRY_PREFIX}"`);
  return problems;
}
