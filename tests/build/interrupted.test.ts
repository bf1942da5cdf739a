// A publish killed half-way (a deploy job cancelled, a machine restarted) must not leave the
// build caches (Astro's store, the article catalog, the page cache) in a state from which the
// next build publishes something else than a clean build would: the next build after the kill
// writes dist/ byte for byte as a clean build of the same content.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus';
import { buildSite, buildSiteAsync, killBuildAt, OUTPUT_ROOT, type BuildResult } from '../helpers/build';
import { dcbProblems, differingFiles, siteFiles } from '../helpers/compare';

const contentDir = join(OUTPUT_ROOT, 'content-interrupted');
const env = { CONTENT_DIR: contentDir, BUILD_NOW: '2025-01-01T12:00:00+01:00' };
let killedLog = '';
let rebuilt: BuildResult;
let clean: BuildResult;

const ok = (build: BuildResult) => {
  if (build.status !== 0) throw new Error(build.output.slice(-5000));
  return build;
};

beforeAll(async () => {
  rmSync(contentDir, { recursive: true, force: true });
  await writeCorpus({ count: 40, dir: contentDir, seed: 23 });
  ok(buildSite('interrupted', env));
  // A publish: one new article and one retitled (a new URL), killed once Astro starts writing
  // pages (the content store and the catalog are written by then, the pages only in part).
  await writeCorpus({ count: 1, start: 40, dir: contentDir, seed: 23 });
  const articles = join(contentDir, 'articles');
  const file = readdirSync(articles, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()[3] as string;
  const text = readFileSync(join(articles, file), 'utf8');
  writeFileSync(join(articles, file), text.replace(/^title: .*$/m, 'title: "Tittelen etter avbruddet"'));
  killedLog = await killBuildAt('interrupted', env, /static routes/);
  const [again, cleanBuild] = await Promise.all([
    buildSiteAsync('interrupted', env, { rebuild: true }),
    buildSiteAsync('interrupted-clean', env),
  ]);
  rebuilt = ok(again);
  clean = ok(cleanBuild);
}, 300_000);

it('the build after a killed publish writes what a clean build writes, byte for byte', () => {
  // The kill came after the content sync, while pages were being written.
  expect(killedLog).toMatch(/static routes/);
  expect(killedLog).not.toMatch(/Complete!/);
  expect(clean.output).toMatch(/Complete!/);
  const files = siteFiles(rebuilt.outDir);
  expect(files).toEqual(siteFiles(clean.outDir));
  expect(differingFiles(rebuilt.outDir, clean.outDir, files)).toEqual([]);
  expect(dcbProblems(rebuilt.outDir)).toEqual([]);
  // The retitled article is published at its new address (and the old one is gone).
  const pages = files.filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f));
  const retitled = pages.filter((f) =>
    readFileSync(join(rebuilt.outDir, f), 'utf8').includes('Tittelen etter avbruddet</h1>'),
  );
  expect(retitled).toEqual([expect.stringMatching(/\/tittelen-etter-avbruddet\/index\.html$/)]);
});
