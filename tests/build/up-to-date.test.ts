// `npm run build` (scripts/build.ts) starts Astro only when something a build reads changed, or
// an embargo lapsed: an unchanged rebuild of a large archive costs a stat per file, not a build.
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { BuildStamp } from '../../src/lib/build/up-to-date';
import { listFiles, OUTPUT_ROOT, readPage, runBuildScript, type BuildResult } from '../helpers/build';

const NAME = 'up-to-date';
const contentDir = join(OUTPUT_ROOT, 'content-up-to-date');
const cacheDir = join(OUTPUT_ROOT, NAME, 'cache');
const outDir = join(OUTPUT_ROOT, NAME, 'dist');
const env = { CONTENT_DIR: contentDir, BUILD_NOW: '2020-11-01T12:00:00+01:00' };
const ARTICLE = 'articles/2020/alesund.md';

/**
 * Files written a while ago, as an editor's are by the next publish: a file changed within two
 * seconds of a build is not trusted to keep its stat (SETTLE_MS), and such a build is not recorded.
 */
function age(...files: string[]) {
  const past = new Date(Date.now() - 3_600_000);
  for (const file of files) utimesSync(file, past, past);
}

const distTimes = () =>
  new Map(listFiles(outDir).map((file) => [file, statSync(join(outDir, file)).mtimeMs]));
const ok = (build: BuildResult) => {
  if (build.status !== 0) throw new Error(build.output.slice(-5000));
  return build;
};

let first: BuildResult;
let unchanged: BuildResult;
let edited: BuildResult;
let unchangedAgain: BuildResult;
let broken: BuildResult;
let stampAfterFirst: BuildStamp;
let timesBefore: Map<string, number>;
let timesAfter: Map<string, number>;

beforeAll(async () => {
  rmSync(join(OUTPUT_ROOT, NAME), { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
  cpSync('tests/fixtures/dates', contentDir, { recursive: true });
  age(...readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).map((f) => join(contentDir, f)));
  first = ok(await runBuildScript(NAME, env));
  stampAfterFirst = JSON.parse(readFileSync(join(cacheDir, 'build-stamp.json'), 'utf8'));
  timesBefore = distTimes();
  unchanged = ok(await runBuildScript(NAME, env));
  timesAfter = distTimes();
  // A retitled story, saved a while ago.
  const file = join(contentDir, ARTICLE);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Ny tittel fra Ålesund'));
  age(file);
  edited = ok(await runBuildScript(NAME, env));
  unchangedAgain = ok(await runBuildScript(NAME, env));
  // A bad article: the build fails, and leaves nothing that would skip the next one.
  const bad = join(contentDir, 'articles/2020/uten-tittel.md');
  writeFileSync(bad, '---\ndate: 2020-10-20T10:00:00+02:00\ncategory: sport\n---\n\nTekst.\n');
  age(bad);
  broken = await runBuildScript(NAME, env);
}, 240_000);

it('a first build runs Astro and records its inputs and when its output next changes by the clock', () => {
  expect(first.output).toMatch(/\[build\] Building: no earlier build recorded\./);
  expect(first.output).toMatch(/Complete!/);
  // The fixture's embargoed article (2020-11-02 08:00 Oslo) is after BUILD_NOW.
  expect(stampAfterFirst.nextChange).toEqual({
    at: '2020-11-02T07:00:00.000Z',
    what: 'an embargoed article is due',
  });
});

it('a rebuild with nothing changed does not start Astro and leaves dist/ untouched', () => {
  expect(unchanged.output).toMatch(/\[build\] Nothing to do: \d+ input files/);
  expect(unchanged.output).not.toMatch(/Complete!|article-loader/);
  expect(timesAfter.size).toBeGreaterThan(20);
  expect(timesAfter).toEqual(timesBefore);
});

it('an edited article is built again, named in the log, and then the build is up to date again', () => {
  expect(edited.output).toMatch(
    /\[build\] Building: 1 input file\(s\) changed: .*content-up-to-date\/articles\/2020\/alesund\.md\./,
  );
  expect(edited.output).toMatch(/Complete!/);
  const page = listFiles(outDir).find((f) => /\/ny-tittel-fra-alesund\/index\.html$/.test(f));
  expect(page).toBeDefined();
  expect(readPage(outDir, (page ?? '').replace(/index\.html$/, ''))).toContain('Ny tittel fra Ålesund</h1>');
  expect(unchangedAgain.output).toMatch(/\[build\] Nothing to do/);
});

it('a failed build leaves no record, so the next one builds', () => {
  expect(broken.status).toBe(1);
  expect(broken.output).toMatch(/uten-tittel\.md/);
  expect(existsSync(join(cacheDir, 'build-stamp.json'))).toBe(false);
});
