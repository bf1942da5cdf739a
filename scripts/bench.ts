/**
 * Build benchmark on a generated corpus:
 *   npm run bench -- --articles 1000 [--images] [--dev] [--publisher] [--out DIR] [--seed 1]
 * With --images, every fifth article (and the added one) has a 3000×2000 JPEG lead photo. With
 * --dev, the editor's loop on `npm run dev` is measured too (scripts/bench/dev-loop.ts). With
 * --publisher, `npm run publisher` runs beside the builds, which then build in its kept process:
 * CPU and peak memory are then the build command's and the publisher's worker's together.
 * Generates N articles (deterministic) in DIR/corpus, copies the project to DIR/project (so the
 * output can be on the same file system as DIR, e.g. tmpfs; node_modules is linked, not copied),
 * then builds it cold (no output, no cache), warm (again), after adding one article, after
 * retitling one, after deleting one, after starting a live story and after adding an entry to
 * it, and prints one table. Timing comes from /usr/bin/time around `npm run build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { SETTLE_MS } from '../src/lib/build/up-to-date.ts';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { writeCorpus } from './bench/corpus.ts';
import { measureDevLoop } from './bench/dev-loop.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    images: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
    publisher: { type: 'boolean', default: false },
  },
});
/** Every fifth article with a camera-sized photo, as a newsroom's archive has. */
const photos = values.images ? { every: 5, width: 3000, height: 2000 } : undefined;
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 1) throw new Error('--articles must be a whole number ≥ 1');
if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing: apt-get install time');
const seed = Number(values.seed);
const root = resolve(values.out ?? mkdtempSync(join(tmpdir(), 'nyheter-bench-')));
const project = join(root, 'project');
const corpus = join(root, 'corpus');
const cache = join(root, 'cache');
const source = process.cwd();

// The project's files as in the working tree (tracked and new, not ignored), without build state.
rmSync(project, { recursive: true, force: true });
const tracked = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  encoding: 'utf8',
})
  .stdout.split('\0')
  .filter(Boolean);
for (const file of tracked) {
  if (existsSync(file)) cpSync(join(source, file), join(project, file));
}
symlinkSync(join(source, 'node_modules'), join(project, 'node_modules'));

rmSync(corpus, { recursive: true, force: true });
const started = performance.now();
await writeCorpus({ count, dir: corpus, seed, photos });
console.log(
  `Corpus: ${count} articles${photos ? ` (${Math.ceil(count / photos.every)} with a ${photos.width}×${photos.height} photo)` : ''} in ${corpus} (${((performance.now() - started) / 1000).toFixed(1)} s to write)`,
);

interface Run {
  phase: string;
  wall: number;
  cpu: number;
  rssMiB: number;
  pages: number;
  /** Files Astro rendered (pages, feeds, sitemaps); the other pages were kept from the previous build. */
  rendered: number;
  /** Image files encoded in this build, and taken from Astro's image cache. */
  encoded: number;
  cachedImages: number;
  bytes: number;
}

function walk(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { pages, bytes };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { pages, bytes };
}

const buildEnv = {
  ...process.env,
  CONTENT_DIR: corpus,
  CACHE_DIR: cache,
  BUILD_NOW: '2025-01-01T12:00:00+01:00',
  ASTRO_TELEMETRY_DISABLED: '1',
};
const publisherLog = join(root, 'log-publisher.txt');
/** What the publisher's worker said the last build cost: "CPU 4.10 s, 888 MiB resident (peak 1210 MiB)". */
function publisherCost(): { cpu: number; rssMiB: number } {
  if (!values.publisher) return { cpu: 0, rssMiB: 0 };
  const costs = [
    ...readFileSync(publisherLog, 'utf8').matchAll(/CPU ([\d.]+) s, \d+ MiB resident \(peak (\d+) MiB\)/g),
  ];
  const last = costs.at(-1);
  return { cpu: Number(last?.[1] ?? 0), rssMiB: Number(last?.[2] ?? 0) };
}

function build(phase: string): Run {
  const timing = join(root, `time-${phase}.txt`);
  const before = readFileSync(publisherLog, { encoding: 'utf8', flag: 'a+' }).length;
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', '-o', timing, 'npm', 'run', '-s', 'build'],
    { cwd: project, env: buildEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`${phase} build failed`);
  }
  // The build's log, for reading where the time went.
  writeFileSync(join(root, `log-${phase.replace(/\W+/g, '-')}.txt`), `${result.stdout}\n${result.stderr}`);
  const lastLine = readFileSync(timing, 'utf8').trim().split('\n').at(-1) ?? '';
  const [wall = 0, user = 0, sys = 0, rssKiB = 0] = lastLine.split(' ').map(Number);
  // A build the publisher made (an unchanged one makes none): its worker's cost too.
  const published = readFileSync(publisherLog, 'utf8').length > before;
  const worker = published ? publisherCost() : { cpu: 0, rssMiB: 0 };
  const { pages, bytes } = walk(join(project, 'dist'));
  // Astro logs "(+12ms)" after a page it rendered, "(cached)" or "(restored)" after one it kept.
  const log = stripVTControlCharacters(result.stdout);
  const rendered = (log.match(/├─ .*\(\+\d[\d.]*m?s\)/g) ?? []).length;
  // Astro logs each image file it makes: "(before: …kB, after: …kB)" when encoded, else from cache.
  const encoded = (log.match(/▶ .*\(before: /g) ?? []).length;
  const cachedImages = (log.match(/▶ .*\(reused cache entry\)/g) ?? []).length;
  return {
    phase,
    wall,
    cpu: user + sys + worker.cpu,
    rssMiB: Math.max(rssKiB / 1024, worker.rssMiB),
    pages,
    rendered,
    encoded,
    cachedImages,
    bytes,
  };
}

const runs: Run[] = [];
for (const state of ['dist', '.astro']) rmSync(join(project, state), { recursive: true, force: true });
rmSync(cache, { recursive: true, force: true });
// The set-up has just written the project copy and the corpus. `npm run build` records a build
// as up to date only when its inputs had held still for SETTLE_MS before it started (a file
// written in the same clock tick could change unseen), as an editor's files have by the next
// publish: let them settle, outside the timings.
await new Promise((resolveWait) => setTimeout(resolveWait, SETTLE_MS));
writeFileSync(publisherLog, '');
// The publisher writes its log straight to the file: this process blocks while a build runs.
const publisher = values.publisher
  ? spawn(process.execPath, ['scripts/publisher.ts'], {
      cwd: project,
      env: buildEnv,
      stdio: ['ignore', openSync(publisherLog, 'a'), openSync(publisherLog, 'a')],
    })
  : undefined;
while (publisher && !readFileSync(publisherLog, 'utf8').includes('Listening on'))
  await new Promise((resolveWait) => setTimeout(resolveWait, 100));
runs.push(build('cold'));
runs.push(build('warm'));
// The added article gets a photo too (its index is a multiple of 5 when N is).
await writeCorpus({ count: 1, start: count, dir: corpus, seed, photos: photos && { ...photos, every: 1 } });
runs.push(build('+1 article'));
// An edit to an existing story (a new title, so a new address, in every list it is on), then a
// deletion: a publish each, as issue #23 measures them.
const files = readdirSync(join(corpus, 'articles'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md'))
  .sort();
const middle = join(corpus, 'articles', files[Math.floor(files.length / 2)] as string);
writeFileSync(
  middle,
  readFileSync(middle, 'utf8').replace(/^title: .*$/m, 'title: "Ny tittel på en sak midt i arkivet"'),
);
runs.push(build('edit (title)'));
rmSync(join(corpus, 'articles', files[Math.floor(files.length / 3)] as string));
runs.push(build('delete'));
// Live coverage (issue #25): a live story starts (a publish like "+1"), then gets an entry, the
// publish a newsroom makes every few minutes during a running story.
const live = join(corpus, 'articles', '2024', 'direkte-uvaer');
const entry = (time: string, text: string) =>
  writeFileSync(
    join(live, 'oppdateringer', `${time.replace(':', '')}.md`),
    `---\ndate: 2024-12-31T${time}:00+01:00\ntitle: Oppdatering ${time}\n---\n\n${text}\n`,
  );
mkdirSync(join(live, 'oppdateringer'), { recursive: true });
writeFileSync(
  join(live, 'index.md'),
  '---\ntitle: "Direkte: uværet på Vestlandet"\ndate: 2024-12-31T20:00:00+01:00\ncategory: innenriks\nlive:\n  start: 2024-12-31T20:00:00+01:00\n---\n\nVi følger uværet fortløpende.\n',
);
entry('21:00', 'Vinden øker på kysten, og flere ferjer er innstilt.');
runs.push(build('live story'));
entry('22:00', 'Over 20 000 kunder er uten strøm i Rogaland.');
runs.push(build('+1 entry'));
publisher?.kill('SIGTERM');

const n = count;
console.log(
  `\nnyhetsleser build benchmark, N = ${n} articles${photos ? `, ${Math.ceil(n / photos.every)} photos` : ''}${publisher ? ', through npm run publisher' : ''} (${root})\n`,
);
console.log(
  '| phase | wall s | CPU s | peak RSS MiB | pages written | files rendered | images encoded | images from cache | ms per article | output MiB |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of runs) {
  console.log(
    `| ${r.phase} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.rssMiB.toFixed(0)} | ${r.pages} | ${r.rendered} | ${r.encoded} | ${r.cachedImages} | ${((r.wall * 1000) / n).toFixed(2)} | ${(r.bytes / 1048576).toFixed(1)} |`,
  );
}
if (values.dev) {
  const loop = await measureDevLoop({
    project,
    corpus,
    cache: join(root, 'dev-cache'),
    log: join(root, 'log-dev.txt'),
    next: count + 1,
    seed,
    env: { ...process.env, BUILD_NOW: '2025-01-01T12:00:00+01:00', ASTRO_TELEMETRY_DISABLED: '1' } as Record<
      string,
      string
    >,
  });
  const s = (x: number) => x.toFixed(1);
  console.log(
    `\nThe editor's loop on npm run dev, N = ${n + 1} articles (CONTENT_DIR outside the project)\n`,
  );
  console.log('| step | seconds |');
  console.log('|---|---|');
  console.log(`| first start: "ready" logged | ${s(loop.firstStart.ready)} |`);
  console.log(`| first start: front page served | ${s(loop.firstStart.served)} |`);
  console.log(`| second start: "ready" logged | ${s(loop.secondStart.ready)} |`);
  console.log(`| second start: front page served | ${s(loop.secondStart.served)} |`);
  console.log(`| an edited article served, after saving it | ${s(loop.edited)} |`);
  console.log(`| a new article served, after saving it right after the edit | ${s(loop.added)} |`);
  console.log(`| a new article served, after saving it (server idle) | ${s(loop.addedIdle)} |`);
}
if (!values.out) rmSync(root, { recursive: true, force: true });
