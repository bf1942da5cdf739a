/**
 * `npm run merge -- PART_DIR...`: the output folders of every part of a build (BUILD_PART=k/N,
 * src/lib/build/parts.ts) into OUT_DIR, indexed for search and compressed as one build of
 * everything would be (src/lib/build/merge-parts.ts). Run it with the settings the parts were
 * built with (SITE_URL, BASE_PATH, PRECOMPRESS …) and CACHE_DIR kept between merges, so an
 * unchanged search shard or page is not redone. Exits 1 with the reason when the folders are not
 * one build's parts.
 */
import { resolve } from 'node:path';
import { settings } from '../src/lib/config.ts';
import { mergeParts } from '../src/lib/build/merge-parts.ts';

const dirs = process.argv.slice(2).map((dir) => resolve(dir));
const log = {
  info: (message: string) => console.log(`[merge] ${message}`),
  warn: (message: string) => console.warn(`[merge] ${message}`),
};
try {
  await mergeParts(dirs, resolve(settings().outDir), log);
} catch (error) {
  console.error(`[merge] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
