/**
 * Precompressed twins for nginx's gzip_static and brotli_static: `page.html.gz` and
 * `page.html.br` beside every compressible file of dist/, so that a server under a traffic spike
 * sends bytes compressed once at build time instead of compressing every response again
 * (bench/RESULTS.md, "Serving": ~90 % of nginx's work with on-the-fly gzip).
 *
 * Only files this build wrote are compressed (and files whose twins are missing or older), so an
 * incremental build compresses what it changed and nothing else. A twin whose file is gone is
 * removed by stale-output.ts with its file.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { COMPRESSIBLE, TWIN_SUFFIXES, walk } from './output-files.ts';

/** Files smaller than this are left to the server (nginx's gzip_min_length is 256 too). */
export const MIN_BYTES = 256;

/**
 * Levels, from measurements on article pages (bench/RESULTS.md, "Serving"): gzip 6 is as small
 * as 9 (0.264 against 0.263 of the page) and faster; brotli 5 is 0.94 of gzip's size at ~40 MB/s,
 * and the qualities that do better (10, 11: 0.89, 0.87) run at 1–2 MB/s, minutes at 10 000 pages.
 */
export const GZIP_LEVEL = 6;
export const BROTLI_QUALITY = 5;

/** What the last build compressed: each file's digest (or NO_TWIN for a twin not worth writing), by path relative to dist/. */
export type CompressedDigests = Record<string, string>;
export const NO_TWIN = 'none';

/**
 * Whether a compressible file's twins must be (re)written: content not compressed before (a new
 * or changed file; Astro rewrites some unchanged pages with the same bytes, which are skipped),
 * or its twins gone (dist/ deleted and restored from the cache).
 */
export function needsCompression(
  before: CompressedDigests,
  file: { path: string; digest: string; twinsPresent: boolean },
): boolean {
  return before[file.path] !== file.digest || !file.twinsPresent;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Both twins of one file; a twin that would not be smaller is removed instead (nginx then sends
 * the file, or gzips it on the fly).
 */
export async function compressFile(path: string, data?: Buffer): Promise<void> {
  data ??= await readFile(path);
  const small = data.length < MIN_BYTES;
  const twins: [string, Buffer | undefined][] = small
    ? [
        [`${path}.gz`, undefined],
        [`${path}.br`, undefined],
      ]
    : [
        [`${path}.gz`, await gzipAsync(data, { level: GZIP_LEVEL })],
        [
          `${path}.br`,
          await brotliAsync(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        ],
      ];
  await Promise.all(
    twins.map(([twin, bytes]) =>
      bytes && bytes.length < (data?.length ?? 0) ? writeFile(twin, bytes) : rm(twin, { force: true }),
    ),
  );
}

/** Runs `task` over `items`, `limit` at a time (zlib's async calls run on libuv's thread pool). */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}

/**
 * The integration: last in the list, after every integration that writes into dist/ (the search
 * index included). `enabled: false` (PRECOMPRESS=0) for hosts that compress themselves.
 */
export function precompress({ enabled = true }: { enabled?: boolean } = {}): AstroIntegration {
  let digestsFile = '';
  return {
    name: 'news-precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        digestsFile = fileURLToPath(new URL('precompressed.json', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!enabled) return;
        const started = performance.now();
        const root = fileURLToPath(dir);
        const before = readDigests(digestsFile);
        const after: CompressedDigests = {};
        const files = walk(root).filter((f) => COMPRESSIBLE.test(f.path));
        let compressed = 0;
        await eachLimited(files, availableParallelism() * 2, async ({ path: file }) => {
          const data = await readFile(file);
          const path = relative(root, file);
          const digest = createHash('sha1').update(data).digest('hex');
          // A twin is missing by design when compressing did not make the file smaller.
          const twinsPresent =
            data.length < MIN_BYTES ||
            TWIN_SUFFIXES.every((s) => existsSync(file + s) || before[path + s] === NO_TWIN);
          if (needsCompression(before, { path, digest, twinsPresent })) {
            await compressFile(file, data);
            compressed++;
          }
          after[path] = digest;
          for (const s of TWIN_SUFFIXES) if (!existsSync(file + s)) after[path + s] = NO_TWIN;
        });
        mkdirSync(dirname(digestsFile), { recursive: true });
        writeFileSync(digestsFile, JSON.stringify(after));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `Precompressed ${compressed} file(s) (gzip and brotli) in ${seconds} s; ${files.length - compressed} unchanged.`,
        );
      },
    },
  };
}

function readDigests(file: string): CompressedDigests {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CompressedDigests;
  } catch {
    return {};
  }
}
