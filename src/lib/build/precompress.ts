/**
 * Precompressed twins for nginx's gzip_static and brotli_static: `page.html.gz` and
 * `page.html.br` beside every compressible file of dist/, so that a server under a traffic spike
 * sends bytes compressed once at build time instead of compressing every response again
 * (bench/RESULTS.md, "Serving").
 *
 * Only new or changed files are compressed: a file whose modification time is the one recorded
 * at the last compression is skipped unread, and one rewritten with the same bytes (Astro
 * rewrites some unchanged pages) is skipped after a digest. The work runs on worker threads
 * (compress-worker.ts), off the build's main thread and its large heap. A twin whose file is gone
 * is removed by stale-output.ts together with its file.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Piscina } from 'piscina';
import { COMPRESSIBLE, twinOf, walk } from './output-files.ts';

/** Files smaller than this are left to the server (nginx's gzip_min_length is 256 too). */
export const MIN_BYTES = 256;

/**
 * Levels, from measurements on article pages (bench/RESULTS.md, "Serving"): gzip 6 is as small
 * as 9 (0.264 against 0.263 of the page) and faster; brotli 5 is 0.94 of gzip's size at ~40 MB/s,
 * and the qualities that do better (10, 11: 0.89, 0.87) run at 1–2 MB/s, minutes at 10 000 pages.
 */
export const GZIP_LEVEL = 6;
export const BROTLI_QUALITY = 5;

/** What the last compression of a file left: its digest, its time, and the twins written. */
export interface Compressed {
  digest: string;
  mtimeMs: number;
  /** The suffixes of the twins written (none for a small file, or one that did not shrink). */
  twins: string[];
}

/** By path relative to dist/. */
export type CompressedFiles = Record<string, Compressed>;

/** The twins of some bytes: each only if it is smaller than the bytes themselves. */
export function compressBytes(data: Buffer): { suffix: string; bytes: Buffer }[] {
  if (data.length < MIN_BYTES) return [];
  const twins = [
    { suffix: '.gz', bytes: gzipSync(data, { level: GZIP_LEVEL }) },
    {
      suffix: '.br',
      bytes: brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    },
  ];
  return twins.filter((twin) => twin.bytes.length < data.length);
}

/** Twins of the last compression still on disk (dist/ may have been deleted and restored). */
export const twinsPresent = (file: string, last: Compressed): boolean =>
  last.twins.every((suffix) => existsSync(file + suffix));

/** Skipped unread: the same modification time as at the last compression, twins in place. */
export const unchanged = (file: string, mtimeMs: number, last: Compressed | undefined): boolean =>
  last !== undefined && last.mtimeMs === mtimeMs && twinsPresent(file, last);

/** A batch of files for a compress worker, each with what its last compression left. */
export interface CompressJob {
  file: string;
  mtimeMs: number;
  last: Compressed | undefined;
}

/** Files per message to a worker: few messages, and the two workers still share the load. */
const BATCH = 64;

function readCompressed(file: string): CompressedFiles {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CompressedFiles;
  } catch {
    return {};
  }
}

/**
 * The integration: last in the list, after every integration that writes into dist/ (the search
 * index included). `enabled: false` (PRECOMPRESS=0) for hosts that compress themselves.
 */
export function precompress({ enabled = true }: { enabled?: boolean } = {}): AstroIntegration {
  let recordFile = '';
  let workerFile = '';
  return {
    name: 'news-precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        recordFile = fileURLToPath(new URL('precompressed.json', config.cacheDir));
        // From the project root, as the render pool's worker: the config is loaded through Vite.
        workerFile = fileURLToPath(new URL('src/lib/build/compress-worker.ts', config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        if (!enabled) {
          // Twins left by an earlier build with PRECOMPRESS on would be served in place of
          // pages this build changed.
          const twins = walk(root).filter((f) => twinOf(f.path) !== undefined);
          for (const twin of twins) rmSync(twin.path);
          rmSync(recordFile, { force: true });
          if (twins.length > 0) logger.info(`Removed ${twins.length} precompressed file(s) (PRECOMPRESS=0).`);
          return;
        }
        const started = performance.now();
        const before = readCompressed(recordFile);
        const after: CompressedFiles = {};
        const jobs: CompressJob[] = [];
        for (const { path: file, mtimeMs } of walk(root).filter((f) => COMPRESSIBLE.test(f.path))) {
          const path = relative(root, file);
          const last = before[path];
          if (last && unchanged(file, mtimeMs, last)) after[path] = last;
          else jobs.push({ file, mtimeMs, last });
        }
        let compressed = 0;
        if (jobs.length > 0) {
          const pool = new Piscina<CompressJob[], { file: string; result: Compressed; wrote: boolean }[]>({
            filename: workerFile,
            maxThreads: Math.min(availableParallelism(), 8),
          });
          try {
            const batches = Array.from({ length: Math.ceil(jobs.length / BATCH) }, (_, i) =>
              jobs.slice(i * BATCH, (i + 1) * BATCH),
            );
            for (const results of await Promise.all(batches.map((batch) => pool.run(batch)))) {
              for (const { file, result, wrote } of results) {
                after[relative(root, file)] = result;
                if (wrote) compressed++;
              }
            }
          } finally {
            await pool.destroy();
          }
        }
        mkdirSync(dirname(recordFile), { recursive: true });
        writeFileSync(recordFile, JSON.stringify(after));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const total = Object.keys(after).length;
        logger.info(
          `Precompressed ${compressed} file(s) (gzip and brotli) in ${seconds} s; ${total - compressed} unchanged.`,
        );
      },
    },
  };
}
