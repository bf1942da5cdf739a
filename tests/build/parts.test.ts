// A build in parts (BUILD_PART=k/N, src/lib/build/parts.ts), as the GitHub Actions matrix runs it:
// each part built apart (its own root, cache and output, as on its own machine), then merged with
// `npm run merge`. The merged dist/ must be byte for byte what one build of everything writes:
// the browser tests' site, built by tests/sites.ts from the same content and settings.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_NOW, E2E_CONTENT, SITES } from '../e2e/sites';
import { buildSiteAsync, listFiles, OUTPUT_ROOT, runBuildScript, type BuildResult } from '../helpers/build';
import { dcbProblems, differingFiles, siteFiles } from '../helpers/compare';

const COUNT = 3;
const env = {
  CONTENT_DIR: E2E_CONTENT,
  BUILD_NOW,
  BASE_PATH: SITES.root.base,
  SITE_URL: 'https://nyheter.example.no',
};
const merged = join(OUTPUT_ROOT, 'parts-merged');
const partName = (index: number) => `parts-${index}`;

let parts: BuildResult[] = [];
let firstMerge = { status: 0 as number | null, output: '' };
let secondMerge = { status: 0 as number | null, output: '' };
let missingPart = { status: 0 as number | null, output: '' };
let notAPart = { status: 0 as number | null, output: '' };
let badPart: BuildResult;
/** `npm run build -- --parts 2`: one machine, its parts side by side. */
let local: BuildResult;
let badCount: BuildResult;
/** The same again, with nothing changed. */
let localAgain: BuildResult;
let withoutNow: BuildResult;

function merge(dirs: string[]) {
  const result = spawnSync(process.execPath, ['scripts/merge-parts.ts', ...dirs], {
    env: { ...process.env, ...env, OUT_DIR: join(merged, 'dist'), CACHE_DIR: join(merged, 'cache') },
    encoding: 'utf8',
  });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}
const ok = (result: BuildResult) => {
  if (result.status !== 0) throw new Error(result.output.slice(-5000));
  return result;
};

beforeAll(async () => {
  rmSync(merged, { recursive: true, force: true });
  parts = await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      buildSiteAsync(partName(i + 1), { ...env, BUILD_PART: `${i + 1}/${COUNT}` }).then(ok),
    ),
  );
  const dirs = parts.map((p) => p.outDir);
  firstMerge = merge(dirs);
  secondMerge = merge(dirs);
  missingPart = merge(dirs.slice(0, 2));
  notAPart = merge([...dirs, SITES.root.outDir]);
  rmSync(join(OUTPUT_ROOT, 'parts-local'), { recursive: true, force: true });
  local = ok(await runBuildScript('parts-local', env, ['--parts', '2']));
  localAgain = await runBuildScript('parts-local', env, ['--parts', '2']);
  badCount = await runBuildScript('parts-local-bad', env, ['--parts', 'to']);
  [badPart, withoutNow] = await Promise.all([
    buildSiteAsync('parts-bad', { ...env, BUILD_PART: '4/3' }),
    buildSiteAsync('parts-without-now', { ...env, BUILD_NOW: '', BUILD_PART: '1/2' }),
  ]);
}, 400_000);

describe('a build in parts, merged', () => {
  it('is byte for byte the build of everything (search index, twins and dictionary included)', () => {
    expect(firstMerge.status, firstMerge.output).toBe(0);
    expect(firstMerge.output).toMatch(
      /Merged 3 part\(s\) into .*: \d+ file\(s\) copied, 0 unchanged, 0 removed/,
    );
    const mine = siteFiles(join(merged, 'dist'));
    const theirs = siteFiles(SITES.root.outDir);
    expect(mine.filter((f) => !theirs.includes(f))).toEqual([]);
    expect(theirs.filter((f) => !mine.includes(f))).toEqual([]);
    expect(mine.length).toBeGreaterThan(500);
    expect(differingFiles(join(merged, 'dist'), SITES.root.outDir, mine)).toEqual([]);
    expect(dcbProblems(join(merged, 'dist'))).toEqual([]);
  });

  it('renders each page of a period (article, day, month, year and list month pages) in one part only', () => {
    // Undated pages (the front page, feeds, first pages of lists) are part 1's, though every part
    // may write the static ones: only pages under a year are counted.
    const periodPages = (dir: string) =>
      listFiles(dir).filter((f) => /(^|\/)\d{4}\/(.*\/)?index\.html$/.test(f));
    const perPart = parts.map((p) => periodPages(p.outDir));
    // Here October 2020 is part 1's, December 2019 part 3's, the year 2020 part 2's.
    for (const pages of perPart) expect(pages.length).toBeGreaterThan(0);
    const all = perPart.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(periodPages(SITES.root.outDir).sort());
    // Search and compression are the merge's: a part writes neither.
    for (const p of parts) {
      const files = listFiles(p.outDir);
      expect(
        files.filter((f) => f.startsWith('pagefind/') || /\.(br|gz|dcb)$/.test(f) || f === 'ordbok.txt'),
      ).toEqual([]);
    }
  });

  it('merged again into the same dist/, copies, indexes and compresses nothing', () => {
    expect(secondMerge.status, secondMerge.output).toBe(0);
    expect(secondMerge.output).toMatch(
      /Merged 3 part\(s\) into .*: 0 file\(s\) copied, \d+ unchanged, 0 removed/,
    );
    expect(secondMerge.output).toMatch(/Search index: \d+ shard\(s\) by year or month; 0 rebuilt/);
    expect(secondMerge.output).toMatch(/Precompressed 0 file\(s\)/);
  });

  it('refuses parts that do not make one site, and says which part is missing', () => {
    expect(missingPart.status).toBe(1);
    expect(missingPart.output).toContain('The parts do not make one site');
    expect(missingPart.output).toContain('Part 3/3 is missing: build it with BUILD_PART=3/3.');
    expect(notAPart.status).toBe(1);
    expect(notAPart.output).toContain(
      `${SITES.root.outDir} is not the output of a part build (it has no _part.json)`,
    );
  });

  it('on one machine (`npm run build -- --parts 2`): one content sync, the parts side by side, the same site', () => {
    // The articles are read and rendered once; the parts start from that store and read none.
    expect(local.output).toMatch(
      /\[sync\] .*\d+ article file\(s\): 0 unchanged by their stat \(not read\), (\d+) read, \1 parsed and rendered/,
    );
    for (const part of ['part 1/2', 'part 2/2']) {
      expect(local.output).toMatch(
        new RegExp(
          `\\[${part}\\] .*article file\\(s\\): (\\d+) unchanged by their stat \\(not read\\), 0 read, 0 parsed`,
        ),
      );
    }
    expect(local.output).toContain('[build] Built in 2 part(s) and merged');
    const mine = siteFiles(local.outDir);
    expect(mine).toEqual(siteFiles(SITES.root.outDir));
    expect(differingFiles(local.outDir, SITES.root.outDir, mine)).toEqual([]);
    // Recorded like any build: the next one with nothing changed does not start.
    expect(localAgain.status).toBe(0);
    expect(localAgain.output).toContain('[build] Nothing to do:');
    expect(badCount.status).toBe(2);
    expect(badCount.output).toContain('--parts to: give the number of parts, 1-64, e.g. --parts 2.');
  });

  it('fails a part build with a bad BUILD_PART, or without BUILD_NOW, saying the fix', () => {
    expect(badPart.status).not.toBe(0);
    expect(badPart.output).toContain('BUILD_PART="4/3" is not a part of a build: write it as k/N');
    expect(withoutNow.status).not.toBe(0);
    expect(withoutNow.output).toContain('BUILD_PART=1/2 needs BUILD_NOW');
  });
});
