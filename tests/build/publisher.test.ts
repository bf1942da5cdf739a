// The publisher (scripts/publisher.ts) keeps Astro loaded between builds. A kept process risks
// stale output (its first version published nothing new: Node handed back the first build's
// pages), so this is strict: publishes of every kind go through one kept worker, one at a time,
// as `npm run build` hands them over, and dist/ must then be byte for byte what a clean build of
// the same content writes. A changed categories file must get a fresh worker; a publisher killed
// half-way leaves a socket nobody answers, and `npm run build` then builds by itself.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withJpegComment, writeCorpus } from '../../scripts/bench/corpus';
import { makePhoto } from '../../scripts/bench/photos';
import {
  buildSiteAsync,
  OUTPUT_ROOT,
  runBuildScript,
  startPublisher,
  type BuildResult,
  type RunningPublisher,
} from '../helpers/build';
import { dcbProblems, differingFiles, siteFiles } from '../helpers/compare';

const NAME = 'publisher';
const COUNT = 24;
const photos = { every: 8, width: 800, height: 533 };
const contentDir = join(OUTPUT_ROOT, 'content-publisher');
const articles = join(contentDir, 'articles');
const env = { CONTENT_DIR: contentDir, BUILD_NOW: '2025-01-01T12:00:00+01:00', SEARCH_SHARD_PAGES: '10' };
const outDir = join(OUTPUT_ROOT, NAME, 'dist');

let publisher: RunningPublisher;
/** The log of each publish, in order. */
const publishes: { what: string; result: BuildResult }[] = [];
/** dist/ against a clean build after the article publishes, after the categories change, and after recovery. */
const differences: Record<string, { only: string[]; differing: string[]; dcb: string[] }> = {};
let recovered: BuildResult;
/** The socket's permission bits while the publisher ran. */
let socketMode = 0;
/** What the publisher answered to a line that is not a request. */
let garbageReply = '';

/** Sends `text` to the publisher's socket; resolves with all it answered. */
const ask = (text: string) =>
  new Promise<string>((resolveReply, reject) => {
    let reply = '';
    const socket = connect(join(OUTPUT_ROOT, NAME, 'cache', 'publisher.sock'));
    socket.on('connect', () => socket.write(text));
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('close', () => resolveReply(reply));
    socket.on('error', reject);
  });
let killedPublish: BuildResult;

const ok = (result: BuildResult) => {
  if (result.status !== 0) throw new Error(result.output.slice(-5000));
  return result;
};
const articleFiles = () =>
  readdirSync(articles, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort();
const edit = (file: string, change: (text: string) => string) => {
  const path = join(articles, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};
async function publish(what: string): Promise<void> {
  publishes.push({ what, result: ok(await runBuildScript(NAME, env)) });
}
/** dist/ compared with a clean build of the content as it is now. */
async function compareWithClean(label: string): Promise<void> {
  const clean = ok(await buildSiteAsync(`${NAME}-clean`, env));
  const mine = siteFiles(outDir);
  const theirs = siteFiles(clean.outDir);
  differences[label] = {
    only: [
      ...mine.filter((f) => !theirs.includes(f)).map((f) => `only published: ${f}`),
      ...theirs.filter((f) => !mine.includes(f)).map((f) => `only clean: ${f}`),
    ],
    differing: differingFiles(
      outDir,
      clean.outDir,
      mine.filter((f) => theirs.includes(f)),
    ),
    dcb: dcbProblems(outDir),
  };
}

beforeAll(async () => {
  rmSync(join(OUTPUT_ROOT, NAME), { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
  await writeCorpus({ count: COUNT, dir: contentDir, seed: 23, photos });
  publisher = await startPublisher(NAME, env);
  socketMode = statSync(join(OUTPUT_ROOT, NAME, 'cache', 'publisher.sock')).mode & 0o777;
  garbageReply = await ask('dette er ingen forespørsel\n');

  await publish('the first build');
  await writeCorpus({ count: 1, start: COUNT, dir: contentDir, seed: 23, photos: { ...photos, every: 1 } });
  await publish('+1 article, with a photo');
  const files = articleFiles();
  edit(files[3] as string, (text) => `${text.trimEnd()}\n\nEt nytt avsnitt om saken.\n`);
  await publish('an edited body');
  edit(files[6] as string, (text) => text.replace(/^title: .*$/m, 'title: "En helt ny tittel på saken"'));
  await publish('a new title (a new address)');
  edit(files[9] as string, (text) =>
    text.replace(/^category: (\w+)$/m, (_, c: string) => `category: ${c === 'sport' ? 'kultur' : 'sport'}`),
  );
  await publish('another category');
  rmSync(join(articles, files[12] as string));
  await publish('a deletion');
  const jpeg = readdirSync(articles, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.jpg'));
  writeFileSync(
    join(articles, jpeg as string),
    withJpegComment(await makePhoto({ width: 900, height: 600, seed: 7 }), 'a new photo'),
  );
  await publish('a photo replaced');
  await compareWithClean('articles');

  // The category list is loaded once per worker: a change to it needs a fresh one.
  const categories = readFileSync('content/categories.yaml', 'utf8');
  writeFileSync(join(contentDir, 'categories.yaml'), categories.replace(/: Sport$/m, ': Idrett'));
  await publish('a changed categories file');
  await compareWithClean('categories');

  // Killed half-way (the publisher and its worker), then `npm run build` without it.
  await writeCorpus({ count: 1, start: COUNT + 1, dir: contentDir, seed: 23 });
  const started = publisher.log().length;
  const killing = runBuildScript(NAME, env);
  // While Astro writes pages, as tests/build/interrupted.test.ts kills a build.
  while (!/static routes/.test(publisher.log().slice(started)))
    await new Promise((wait) => setTimeout(wait, 5));
  await publisher.kill();
  killedPublish = await killing;
  recovered = ok(await runBuildScript(NAME, env));
  await compareWithClean('recovered');
}, 600_000);
afterAll(() => publisher?.stop());

describe('the publisher', () => {
  it('listens on a socket only its own user may use (a request names a build environment)', () => {
    // A socket is made with 0777 less the umask: the publisher's 077 leaves 700 (the x bit means
    // nothing on a socket). What matters: its user may read and write, nobody else anything.
    expect((socketMode & 0o600).toString(8)).toBe('600');
    expect((socketMode & 0o077).toString(8)).toBe('0');
  });

  it('answers a line that is not a request with an error, and goes on serving', () => {
    expect(garbageReply).toBe('{"type":"done","code":2}\n');
    expect(publisher.log()).toContain('A request that could not be read');
    expect(publishes[0]?.result.output).toContain('[publisher] Build 1 in worker');
  });

  it('takes every publish, each in the same kept worker until the categories change', () => {
    const workers = publishes.map(({ result }) =>
      /\[publisher\] Build (\d+) in worker (\d+)/.exec(result.output),
    );
    expect(workers.map((m) => m?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '1']);
    const pids = workers.map((m) => m?.[2]);
    expect(new Set(pids.slice(0, 7)).size).toBe(1);
    expect(pids[7]).not.toBe(pids[0]);
    expect(publishes[7]?.result.output).toContain(
      'A fresh worker: templates, configuration, settings or other inputs than articles changed.',
    );
    // Each later publish read only what changed (the loader's log).
    expect(publishes[2]?.result.output).toMatch(/\d+ read, 1 parsed and rendered/);
    // It lists the pages it rendered, and counts the kept ones in one line instead of one each.
    expect(publishes[2]?.result.output).toMatch(/├─ \S+ \(\+\d+ms\)/);
    expect(publishes[2]?.result.output).not.toMatch(/\((?:cached|restored)\)/);
    expect(publishes[2]?.result.output).toMatch(
      /\[publisher\] [1-9]\d* page\(s\) unchanged since the last build/,
    );
  });

  it('publishes every kind of change as a clean build of the same content does, byte for byte', () => {
    expect(differences.articles).toEqual({ only: [], differing: [], dcb: [] });
  });

  it('shows the retitled, re-categorised and new articles and drops the deleted one', () => {
    const pages = siteFiles(outDir).filter((f) => f.endsWith('/index.html'));
    expect(pages.some((f) => f.includes('en-helt-ny-tittel-pa-saken'))).toBe(true);
    // The last clean build had one article more: the state after recovery is compared below.
    expect(differences.categories).toEqual({ only: [], differing: [], dcb: [] });
  });

  it('builds a changed categories file in a fresh worker, as a clean build does', () => {
    const sport = readFileSync(join(outDir, 'sport/index.html'), 'utf8');
    expect(sport).toMatch(/<h1[^>]*>Idrett<\/h1>/);
  });

  it('when killed half-way, leaves npm run build to build by itself, correctly', () => {
    expect(killedPublish.status).toBe(1);
    expect(killedPublish.output).toContain('The publisher stopped during the build.');
    expect(recovered.output).not.toContain('[publisher]');
    expect(recovered.output).toMatch(/\[build\] Building/);
    expect(differences.recovered).toEqual({ only: [], differing: [], dcb: [] });
  });
});
