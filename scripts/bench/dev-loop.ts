/**
 * The editor's loop on the dev server (`npm run bench -- --dev`): how long `npm run dev` takes
 * to serve the front page on a first and a second start, and how long after saving a file an
 * edited article and a newly added one are served. CONTENT_DIR is the corpus, outside the
 * project, as a newsroom's content checkout usually is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toArticle } from '../../src/lib/content/articles.ts';
import { getCategories } from '../../src/lib/content/categories.ts';
import { parseArticleSource } from '../../src/lib/content/frontmatter.ts';
import { validationSchema } from '../../src/lib/content/schema.ts';
import { freePort } from '../nginx-server.ts';
import { writeCorpus } from './corpus.ts';

export interface DevLoopOptions {
  project: string;
  corpus: string;
  /** The dev server's own cache folder (its content store survives restarts there). */
  cache: string;
  /** Index of the next article to add to the corpus (the loop adds two). */
  next: number;
  seed: number;
  env: Record<string, string>;
  /** A file to write the dev server's log to, each line with the bench's clock (seconds). */
  log?: string | undefined;
}

export interface DevLoop {
  firstStart: { ready: number; served: number };
  secondStart: { ready: number; served: number };
  edited: number;
  added: number;
  addedIdle: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;
/** The bench's clock in a log line: seconds since the bench started. */
const clock = () => (performance.now() / 1000).toFixed(2);
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Long enough for Astro's background store write (a 500 ms debounce, then about a second). */
const IDLE_MS = 3000;

/** The site path of an article file, as the site will publish it. */
function articleUrlPath(file: string, corpus: string): { path: string; title: string } {
  const source = parseArticleSource(readFileSync(file, 'utf8'), relative(corpus, file));
  const schema = validationSchema(getCategories().map((c) => c.slug) as [string, ...string[]]);
  const data = schema.parse(source.data);
  return { path: toArticle('x', file, data, undefined).path, title: data.title };
}

/** Polls `url` until `done(status, body)`; the seconds it took from `since`. */
async function until(
  url: string,
  done: (status: number, body: string) => boolean,
  since: number,
  timeoutS = 600,
): Promise<number> {
  while (seconds(since) < timeoutS) {
    const answer = await fetch(url)
      .then(async (r) => ({ status: r.status, body: await r.text() }))
      .catch(() => ({ status: 0, body: '' }));
    if (done(answer.status, answer.body)) return seconds(since);
    await pause(100);
  }
  throw new Error(`${url} was not served as expected within ${timeoutS} s`);
}

async function start(options: DevLoopOptions, port: number) {
  const began = performance.now();
  let ready = Number.NaN;
  const server: ChildProcess = spawn(
    join(options.project, 'node_modules/.bin/astro'),
    ['dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: options.project,
      env: { ...options.env, CONTENT_DIR: options.corpus, CACHE_DIR: options.cache },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => {
    if (Number.isNaN(ready) && /ready in/.test(chunk.toString())) ready = seconds(began);
  });
  if (options.log) {
    const file = options.log;
    const note = (chunk: Buffer) => {
      appendFileSync(file, chunk.toString().replace(/^(?=.)/gm, `${clock()} `));
    };
    server.stdout?.on('data', note);
    server.stderr?.on('data', note);
  }
  const origin = `http://127.0.0.1:${port}`;
  const served = await until(`${origin}/`, (status) => status === 200, began);
  const stop = () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    return pause(1000);
  };
  return { origin, ready, served, stop };
}

export async function measureDevLoop(options: DevLoopOptions): Promise<DevLoop> {
  const mark = (text: string) => {
    if (options.log) appendFileSync(options.log, `${clock()} [bench] ${text}\n`);
  };
  const port = await freePort();
  const first = await start(options, port);
  await first.stop();
  const second = await start(options, port);
  try {
    // Edit the body of an article the reader has open, and wait for the edit to be served.
    const articles = join(options.corpus, 'articles');
    const file = join(
      articles,
      readdirSync(articles, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .sort()[0] ?? '',
    );
    const { path } = articleUrlPath(file, options.corpus);
    const url = `${second.origin}${path}`;
    await until(url, (status) => status === 200, performance.now());
    const marker = `Redigert${Date.now()}`;
    const saved = performance.now();
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${marker} i bench.\n`);
    mark('edit saved');
    const edited = await until(url, (status, body) => status === 200 && body.includes(marker), saved);
    mark('edit served');

    // Add a new article, and wait for its page: right after the edit (while Astro still writes
    // the edit's store in the background), then again with the server idle, as an editor's next
    // story usually comes.
    const add = async (next: number) => {
      const before = new Set(readdirSync(articles, { recursive: true, encoding: 'utf8' }));
      const adding = performance.now();
      await writeCorpus({ count: 1, start: next, dir: options.corpus, seed: options.seed });
      const added = readdirSync(articles, { recursive: true, encoding: 'utf8' }).find(
        (f) => !before.has(f) && f.endsWith('.md'),
      );
      mark(`new article saved: ${added}`);
      const fresh = articleUrlPath(join(articles, added ?? ''), options.corpus);
      const took = await until(
        `${second.origin}${fresh.path}`,
        (status, body) => status === 200 && body.includes(fresh.title),
        adding,
      );
      mark('new article served');
      return took;
    };
    const added = await add(options.next);
    await pause(IDLE_MS);
    const addedIdle = await add(options.next + 1);
    return {
      firstStart: { ready: first.ready, served: first.served },
      secondStart: { ready: second.ready, served: second.served },
      edited,
      added,
      addedIdle,
    };
  } finally {
    await second.stop();
  }
}
