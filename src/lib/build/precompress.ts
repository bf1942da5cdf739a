/**
 * Precompressed twins for nginx's gzip_static and brotli_static: `page.html.gz` and
 * `page.html.br` beside every compressible file of dist/, so that a server under a traffic spike
 * sends bytes compressed once at build time instead of compressing every response again
 * (bench/RESULTS.md, "Serving"). Pages also get `page.html.<hash>.dcb`, compressed against the
 * site's dictionary (dictionary.ts), for browsers that hold it.
 *
 * Only new or changed files are compressed: a file whose modification time is the one recorded
 * at the last compression is skipped unread, and one rewritten with the same bytes (Astro
 * rewrites some unchanged pages) is skipped after a digest. A new dictionary makes every page
 * new. The work runs on worker threads (compress-worker.ts), off the build's main thread and its
 * large heap. A twin whose file is gone is removed by stale-output.ts together with its file.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Piscina } from 'piscina';
import { dictionaryPath } from '../urls.ts';
import {
  commonMarkup,
  dcbBytes,
  dcbEncode,
  dcbSuffix,
  dictionariesSupported,
  DICTIONARY_TARGETS,
  keepDictionary,
  readDictionary,
  samplePages,
  sealDictionary,
  type Dictionary,
} from './dictionary.ts';
import {
  COMPRESSIBLE,
  dcbTwinHash,
  outputTree,
  twinOf,
  type BuildLog,
  type OutputFile,
} from './output-files.ts';

/** The dictionary's file in dist/. */
export const DICTIONARY_FILE = dictionaryPath().slice(1);

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
  /** The hash of the dictionary a page's `.dcb` twin was made with. */
  dictionary?: string | undefined;
}

/** By path relative to dist/. */
export type CompressedFiles = Record<string, Compressed>;

/**
 * The twins of some bytes: each only if it is smaller than the bytes themselves. With a
 * dictionary (for pages), the `.dcb` twin too.
 */
export function compressBytes(data: Buffer, dictionary?: Dictionary): { suffix: string; bytes: Buffer }[] {
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
    ...(dictionary ? [{ suffix: dcbSuffix(dictionary.hash), bytes: dcbEncode(data, dictionary) }] : []),
  ];
  return twins.filter((twin) => twin.bytes.length < data.length);
}

/**
 * Twins of the last compression still on disk (dist/ may have been deleted and restored);
 * `exists` answers from the build's walk of dist/ instead of a look per twin.
 */
export const twinsPresent = (
  file: string,
  last: Compressed,
  exists: (path: string) => boolean = existsSync,
): boolean => last.twins.every((suffix) => exists(file + suffix));

/**
 * Skipped unread: the same modification time as at the last compression, made with the same
 * dictionary (`dictionary`: the hash a page's twin needs now, undefined for other files), and
 * the twins in place.
 */
export const unchanged = (
  file: string,
  mtimeMs: number,
  last: Compressed | undefined,
  dictionary?: string,
  exists?: (path: string) => boolean,
): boolean =>
  last !== undefined &&
  last.mtimeMs === mtimeMs &&
  last.dictionary === dictionary &&
  twinsPresent(file, last, exists);

/** A file for a compress worker, with what its last compression left. */
export interface CompressJob {
  file: string;
  mtimeMs: number;
  last: Compressed | undefined;
}

/** A batch of files for a compress worker, and the dictionary for the pages among them. */
export interface CompressTask {
  jobs: CompressJob[];
  dictionary?: Dictionary | undefined;
}

/** The dictionary a file's twins are made with: the site's for pages, none for the rest. */
export const dictionaryFor = (file: string, dictionary: Dictionary | undefined): Dictionary | undefined =>
  DICTIONARY_TARGETS.test(file) ? dictionary : undefined;

/**
 * True when a dictionary holds the address of a killed story (front-matter `killed`): it was
 * made while the story was on the site, and may hold its text, which must not be served on.
 */
export function holdsGone(bytes: Buffer, gone: readonly string[]): boolean {
  return gone.some((path) => {
    const slug = path.split('/').filter(Boolean).at(-1);
    return slug !== undefined && bytes.includes(slug);
  });
}

/**
 * The site's dictionary: the one in dist/ from the last build, unless the sampled pages show the
 * templates have changed enough that a new one is clearly better (dictionary.ts). `fresh` is
 * true when it was (re)written.
 */
export function siteDictionary(
  root: string,
  htmlPaths: readonly string[],
  gone: readonly string[] = [],
): { dictionary: Dictionary; fresh: boolean } {
  const sample = samplePages(htmlPaths).map((path) => readFileSync(join(root, path)));
  const candidate = sealDictionary(commonMarkup(sample.map(String)));
  const file = join(root, DICTIONARY_FILE);
  const kept = existsSync(file) ? readDictionary(readFileSync(file)) : undefined;
  if (
    kept &&
    !holdsGone(kept.bytes, gone) &&
    (kept.hash === candidate.hash || keepDictionary(dcbBytes(sample, kept), dcbBytes(sample, candidate)))
  ) {
    return { dictionary: kept, fresh: false };
  }
  writeFileSync(file, candidate.bytes);
  return { dictionary: candidate, fresh: true };
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

/** Where the compression keeps its record, and the settings it runs with. */
export interface CompressSettings {
  enabled: boolean;
  withDictionary: boolean;
  /** The record of what was compressed (in the build cache): unchanged files are not redone. */
  recordFile: string;
  /** The compress worker's module (compress-worker.ts). */
  workerFile: string;
  /** Killed stories' paths: a dictionary that holds one is replaced. */
  gone: readonly string[];
}

/**
 * A step that rewrites one folder of the output while the rest is compressed (the search index:
 * one Pagefind process, so the compression's threads have the other cores meanwhile). Its files
 * are compressed after it.
 */
export interface Alongside {
  dir: string;
  run: () => Promise<void>;
}

/**
 * Writes the .gz/.br (and .dcb) twins of what is under `root`: after a build of everything and
 * after the merge of a build's parts (finish-site.ts).
 */
export async function compressOutput(
  root: string,
  { enabled, withDictionary, recordFile, workerFile, gone }: CompressSettings,
  logger: BuildLog,
  alongside?: Alongside,
): Promise<void> {
  const dictionaryFile = join(root, DICTIONARY_FILE);
  if (!enabled) {
    await alongside?.run();
    // Twins left by an earlier build with PRECOMPRESS on would be served in place of
    // pages this build changed.
    const twins = outputTree(root)
      .list()
      .filter((f) => twinOf(f.path) !== undefined);
    for (const twin of twins) rmSync(twin.path);
    rmSync(dictionaryFile, { force: true });
    rmSync(recordFile, { force: true });
    if (twins.length > 0) logger.info(`Removed ${twins.length} precompressed file(s) (PRECOMPRESS=0).`);
    return;
  }
  const started = performance.now();
  // The files another step rewrites meanwhile are left for after it: the rest starts at once.
  const later = alongside && (alongside.dir.endsWith(sep) ? alongside.dir : `${alongside.dir}${sep}`);
  const isLater = (path: string) => later !== undefined && path.startsWith(later);
  // The build's one walk of dist/, as pruning left it.
  const tree = outputTree(root);
  let files: OutputFile[] = tree.list().filter((f) => !isLater(f.path));
  let dictionary: Dictionary | undefined;
  let fresh = false;
  if (!withDictionary) {
    // No dictionary: the old one and (below) every .dcb twin go, so no cache between the
    // server and a reader can ever hold a body only a dictionary holder can read.
    rmSync(dictionaryFile, { force: true });
    files = files.filter((f) => f.path !== dictionaryFile);
  } else if (dictionariesSupported()) {
    const pages = files.filter((f) => DICTIONARY_TARGETS.test(f.path)).map((f) => relative(root, f.path));
    ({ dictionary, fresh } = siteDictionary(root, pages, gone));
    if (fresh) {
      files = files.filter((f) => f.path !== dictionaryFile);
      const { mtimeMs, size } = statSync(dictionaryFile);
      files.push({ path: dictionaryFile, mtimeMs, size });
    }
  } else {
    logger.warn(`This Node's brotli takes no dictionary: pages get no .dcb twins (use the pinned Node).`);
    rmSync(dictionaryFile, { force: true });
  }
  const before = readCompressed(recordFile);
  const after: CompressedFiles = {};
  let compressed = 0;
  let pool: Piscina<CompressTask, { file: string; result: Compressed; wrote: boolean }[]> | undefined;
  /** Compresses what of `list` changed since its record; `list` as the tree has it now. */
  const compress = async (list: OutputFile[]) => {
    // Twins made with another dictionary: a browser still holding it must get brotli, never
    // an old copy of a page.
    for (const { path } of list) {
      const hash = dcbTwinHash(path);
      if (hash !== undefined && hash !== dictionary?.hash) {
        rmSync(path);
        tree.removed(path);
      }
    }
    const present = new Set(tree.list().map((f) => f.path));
    const exists = (path: string) => present.has(path);
    const jobs: CompressJob[] = [];
    for (const { path: file, mtimeMs } of list.filter((f) => COMPRESSIBLE.test(f.path))) {
      const path = relative(root, file);
      const last = before[path];
      if (last && unchanged(file, mtimeMs, last, dictionaryFor(file, dictionary)?.hash, exists))
        after[path] = last;
      else jobs.push({ file, mtimeMs, last });
    }
    if (jobs.length === 0) return;
    pool ??= new Piscina({ filename: workerFile, maxThreads: Math.min(availableParallelism(), 8) });
    const batches = Array.from({ length: Math.ceil(jobs.length / BATCH) }, (_, i) =>
      jobs.slice(i * BATCH, (i + 1) * BATCH),
    );
    const runs = batches.map((batch) => (pool as NonNullable<typeof pool>).run({ jobs: batch, dictionary }));
    for (const results of await Promise.all(runs)) {
      for (const { file, result, wrote } of results) {
        after[relative(root, file)] = result;
        if (wrote) compressed++;
      }
    }
  };
  // Started here, after everything that may throw before the awaits below.
  const running = alongside?.run();
  try {
    // Both awaited, so a failure of either is the build's; the other step's files follow.
    await Promise.all([compress(files), running]);
    if (later) await compress(tree.list().filter((f) => isLater(f.path)));
  } finally {
    await pool?.destroy();
  }
  mkdirSync(dirname(recordFile), { recursive: true });
  writeFileSync(recordFile, JSON.stringify(after));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const total = Object.keys(after).length;
  const made = dictionary
    ? ` Dictionary: ${fresh ? 'new' : 'kept'} (${(dictionary.bytes.length / 1024).toFixed(1)} kB).`
    : '';
  logger.info(
    `Precompressed ${compressed} file(s) (gzip and brotli) in ${seconds} s; ${total - compressed} unchanged.${made}`,
  );
}
