/**
 * The publisher (scripts/publisher.ts): a process that keeps Astro loaded between builds, so a
 * publish does not pay Astro's start (about 6–8 s on this machine whatever the archive's size,
 * bench/RESULTS.md). `npm run build` hands its build to a running publisher of the same site and
 * prints its log; with none running it builds as before. What the two sides agree on lives here.
 *
 * A kept process is only as correct as its modules are fresh. Pages are bundled anew each build
 * (astro-internals/kept-build.ts); but the config and what it imports (categories, site settings,
 * the URL builder) are loaded once. So a worker serves only builds of the same "worker key": the
 * same settings, arguments, Node, and every input file but the articles (templates, config,
 * content/*.yaml, public/). When the key changes, the worker is replaced by a fresh one.
 */
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { InputLines } from './up-to-date.ts';

/** The publisher's socket, in the site's build cache (so one publisher per site). */
export const publisherSocket = (cacheDir: string) => join(cacheDir, 'publisher.sock');

/** The line that ends a build's log in the worker's output, followed by its exit code. */
export const DONE_MARK = '\u0000publisher-build-done';

/** What `npm run build` asks of the publisher. */
export interface PublishRequest {
  /** The caller's working folder: Astro resolves OUT_DIR and its temporary folders against it. */
  cwd: string;
  /** The arguments for `astro build`. */
  args: string[];
  /** The caller's environment, of which the settings (config.ts) and BUILD_NOW count. */
  env: Record<string, string | undefined>;
  /** workerKey() of the caller's inputs. */
  key: string;
}

/** What the publisher sends back, one JSON object a line. */
export type PublishReply =
  { type: 'log'; text: string } | { type: 'declined'; reason: string } | { type: 'done'; code: number };

/** Astro's programmatic build() options for the arguments `npm run build` may pass on. */
export interface KeptBuildOptions {
  root?: string;
  configFile?: string;
  force: boolean;
}

/**
 * The arguments as build() options, or why the publisher cannot take them (the caller then runs
 * `astro build` itself, which knows every flag).
 */
export function keptBuildOptions(args: readonly string[]): KeptBuildOptions | { unsupported: string } {
  const options: KeptBuildOptions = { force: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (arg === '--force') options.force = true;
    else if ((arg === '--root' || arg === '--config') && next !== undefined && !next.startsWith('--')) {
      if (arg === '--root') options.root = next;
      else options.configFile = next;
      i += 1;
    } else return { unsupported: arg };
  }
  return options;
}

/**
 * The worker key: a digest of every input line but the articles' (their folder, as named in the
 * lines), with the settings, arguments and Node's version. Articles, their photos and a live
 * story's entries are what a kept worker reads again on every build; everything else it loaded
 * once.
 */
export function workerKey(
  lines: InputLines,
  articles: { dir: string; base: string },
  context: { settings: unknown; args: readonly string[]; node: string; cwd: string },
): string {
  const prefix = `${relative(articles.base, articles.dir).split(sep).join('/')}/`;
  const hash = createHash('sha256');
  for (const line of lines) if (!line.startsWith(prefix)) hash.update(`${line}\n`);
  hash.update(JSON.stringify(context));
  return hash.digest('hex').slice(0, 32);
}

/** A worker is replaced once its resident memory passes this after a build (issue #23: ≤ 2 GiB). */
export const WORKER_RSS_LIMIT = 1536 * 1024 * 1024;

/** Why a worker must be replaced before it builds `key`, or undefined when it may build. */
export function replaceWorker(
  worker: { key: string | undefined; failed: boolean; rss: number },
  key: string,
): string | undefined {
  if (worker.failed) return 'its last build failed';
  if (worker.rss > WORKER_RSS_LIMIT)
    return `it holds ${Math.round(worker.rss / 2 ** 20)} MiB (limit ${WORKER_RSS_LIMIT / 2 ** 20} MiB)`;
  if (worker.key !== undefined && worker.key !== key)
    return 'templates, configuration, settings or other inputs than articles changed';
  return undefined;
}

/** Splits a stream of JSON lines; returns the unfinished rest. */
export function jsonLines<T>(buffer: string, each: (message: T) => void): string {
  let rest = buffer;
  for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n')) {
    const line = rest.slice(0, end);
    rest = rest.slice(end + 1);
    if (line.trim()) each(JSON.parse(line) as T);
  }
  return rest;
}

/** Astro's line for a page the incremental build kept: "  ├─ /2020/10/10/slug/index.html (cached)". */
const KEPT_PAGE_LINE = /\((?:cached|restored)\)\s*$/;

/**
 * The worker's log without a line for every page the build kept. Astro lists each of them (14 000
 * lines a publish at 10 000 articles, 124 000 at 100 000), and every line went through the
 * publisher's pipe, its socket and the caller's terminal: a publish shows what it rendered, and
 * how many pages it kept in one line (`keptLine`). Text is held back only up to a line's end:
 * Astro writes a page's name and its "(cached)" in two writes.
 */
export class KeptPagesFilter {
  private partial = '';
  private kept = 0;

  /** The text to pass on now from a chunk of output. */
  push(chunk: string): string {
    const text = this.partial + chunk;
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      this.partial = text;
      return '';
    }
    this.partial = text.slice(end + 1);
    const lines = text.slice(0, end + 1).split('\n');
    lines.pop(); // the empty string after the last newline
    let out = '';
    for (const line of lines) {
      if (KEPT_PAGE_LINE.test(stripVTControlCharacters(line))) this.kept += 1;
      else out += `${line}\n`;
    }
    return out;
  }

  /** What is left at the end of a build, and the count of pages kept (then reset for the next). */
  finish(): { rest: string; kept: number } {
    const rest = this.partial;
    const kept = this.kept;
    this.partial = '';
    this.kept = 0;
    return { rest, kept };
  }
}

/** The one line that stands for the kept pages' lines. */
export const keptLine = (kept: number): string =>
  `[publisher] ${kept} page(s) unchanged since the last build, kept in place (not listed).\n`;
