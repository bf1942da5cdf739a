/**
 * Vitest globalSetup of the build and browser tests: the fixture sites that several test files
 * read, built once per run, side by side (one build per core), before any test file starts.
 * Test files that change a site as they go (incremental rebuilds, PRECOMPRESS=0) build their own.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { buildSiteAsync, OUTPUT_ROOT, type BuildResult } from './helpers/build';
import { BUILD_NOW, E2E_CONTENT, SITES } from './e2e/sites';

/** The real site: content/ as an operator builds it, on a machine far from Oslo. */
export const SITE = {
  name: 'site',
  outDir: join(OUTPUT_ROOT, 'site', 'dist'),
  env: {
    TZ: 'America/New_York',
    SITE_URL: 'https://nyheter.example.no',
    BUILD_NOW: '2020-10-11T08:00:00+02:00',
  },
} as const;

/** The real NTB article plus the date, search, long-read and photo fixtures (the browser tests' site). */
function prepareE2eContent(): void {
  rmSync(E2E_CONTENT, { recursive: true, force: true });
  cpSync('content/articles', join(E2E_CONTENT, 'articles', 'site'), { recursive: true });
  cpSync('tests/fixtures/dates/articles', join(E2E_CONTENT, 'articles', 'fixtures'), { recursive: true });
  // One article from an earlier year, so search spans two yearly indexes.
  cpSync('tests/fixtures/search/articles', join(E2E_CONTENT, 'articles', 'search'), { recursive: true });
  // A long read: the one article long enough for a reading time and a table of contents.
  cpSync('tests/fixtures/longread/articles', join(E2E_CONTENT, 'articles', 'longread'), { recursive: true });
  // Articles with photos: a lead photo and body images, in a folder per article and beside one.
  cpSync('tests/fixtures/photos/articles', join(E2E_CONTENT, 'articles', 'photos'), { recursive: true });
  // A corrected article, an opinion piece and an analysis (corrections, types, /rettelser/).
  cpSync('tests/fixtures/accountability/articles', join(E2E_CONTENT, 'articles', 'accountability'), {
    recursive: true,
  });
  // A nynorsk article (lang: nn) among the bokmål ones: its page, the lists, feeds and search.
  cpSync('tests/fixtures/nynorsk/articles', join(E2E_CONTENT, 'articles', 'nynorsk'), { recursive: true });
  // Live coverage: a running story (entries across midnight, pinned, a photo, a draft and an
  // embargoed entry) and one that ended.
  cpSync('tests/fixtures/live/articles', join(E2E_CONTENT, 'articles', 'live'), { recursive: true });
  // Author profiles (one with a photo), beside the articles as an editor keeps them.
  cpSync('tests/fixtures/accountability/authors.yaml', join(E2E_CONTENT, 'authors.yaml'));
  cpSync('tests/fixtures/accountability/forfattere', join(E2E_CONTENT, 'forfattere'), { recursive: true });
}

/** Runs `jobs` with at most `limit` at a time. */
async function inParallel<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await (jobs[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

// Both projects name this setup, and Vitest runs it once for each, in one process: the builds
// are remembered there, so they run once.
const BUILT = Symbol.for('nyhetsleser.shared-sites');
const memo = globalThis as { [BUILT]?: Promise<void> };

export default function setup(): Promise<void> {
  memo[BUILT] ??= (async () => {
    const started = performance.now();
    prepareE2eContent();
    const e2e = Object.values(SITES).map(
      (site) => () =>
        buildSiteAsync(site.name, {
          CONTENT_DIR: E2E_CONTENT,
          BUILD_NOW,
          BASE_PATH: site.base,
          SITE_URL: 'https://nyheter.example.no',
        }),
    );
    const results = await inParallel<BuildResult>(
      [...e2e, () => buildSiteAsync(SITE.name, SITE.env)],
      Math.max(1, availableParallelism()),
    );
    console.log(
      `Shared fixture sites built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${results.map((r) => r.name).join(', ')}`,
    );
    // Each build's log, for the tests that read what a build said (tests/build/site.test.ts).
    for (const result of results) writeFileSync(join(OUTPUT_ROOT, result.name, 'build.log'), result.output);
    const failed = results.filter((result) => result.status !== 0);
    if (failed.length)
      throw new Error(failed.map((result) => `build ${result.name} failed:\n${result.output}`).join('\n\n'));
  })();
  return memo[BUILT];
}
