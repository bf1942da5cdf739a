/**
 * What a build does after its pages, over the whole output: the search index (search-integration.ts)
 * and the compressed twins (precompress.ts), side by side. Pagefind indexes on one core, so the
 * compression's threads take the others meanwhile; the index's own files are compressed once it
 * is written. Run by a build of everything (the integration below) and by the merge of a build's
 * parts (merge-parts.ts).
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settings } from '../config.ts';
import { SEARCH_DIR, shardPagesSetting } from '../distribution/search-shards.ts';
import type { BuildLog } from './output-files.ts';
import { compressOutput, type CompressSettings } from './precompress.ts';
import { goneRecorded } from './redirects.ts';
import { indexSearch } from './search-integration.ts';

export interface FinishSettings {
  /** The search index's shard keys, kept in the build cache. */
  searchKeysFile: string;
  /** SEARCH_SHARD_PAGES, parsed. */
  maxShardPages: number;
  compress: CompressSettings;
}

/** The settings of the environment (README, "Configuration") for a build cache and source folder. */
export function finishSettings(cacheDir: string, srcDir: string, gone: readonly string[]): FinishSettings {
  const config = settings();
  return {
    searchKeysFile: join(cacheDir, 'search-index-keys.json'),
    maxShardPages: shardPagesSetting(config.searchShardPages),
    compress: {
      enabled: config.precompress,
      withDictionary: config.dictionary,
      recordFile: join(cacheDir, 'precompressed.json'),
      // From the source folder, as the render pool's worker: the config is loaded through Vite.
      workerFile: join(srcDir, 'lib', 'build', 'compress-worker.ts'),
      gone,
    },
  };
}

export async function finishSite(root: string, finish: FinishSettings, log: BuildLog): Promise<void> {
  await compressOutput(root, finish.compress, log, {
    dir: join(root, SEARCH_DIR),
    run: () => indexSearch(root, finish.searchKeysFile, finish.maxShardPages, log),
  });
}

/**
 * The integration: last in the list, after every integration that writes into dist/ and after
 * pruning (a removed article's page must not be indexed).
 */
export function finishSiteOutput(): AstroIntegration {
  let cacheDir = '';
  let srcDir = '';
  return {
    name: 'news-search-and-compression',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        srcDir = fileURLToPath(config.srcDir);
        // Checked before the pages are built, not after.
        finishSettings(cacheDir, srcDir, []);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await finishSite(fileURLToPath(dir), finishSettings(cacheDir, srcDir, goneRecorded()), logger);
      },
    },
  };
}
