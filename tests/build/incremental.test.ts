// Rebuilds reuse unchanged pages (Astro's incremental build, keyed by src/lib/cache-key.ts)
// and encoded photos (Astro's image cache in CACHE_DIR). The risk of any cache is a stale page,
// so the test is strict: after adding, editing, retitling and deleting articles and replacing a
// photo, the incremental rebuild must write exactly the files a clean build of the same content
// writes, byte for byte, while reusing most pages and encoding only the new and replaced photos.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withJpegComment, writeCorpus } from '../../scripts/bench/corpus';
import { makePhoto } from '../../scripts/bench/photos';
import { buildSite, listFiles, OUTPUT_ROOT, type BuildResult } from '../helpers/build';

const COUNT = 60;
/** Every tenth article has a photo; the one added (number 60) too. */
const photos = { every: 10, width: 1600, height: 1067 };
const contentDir = join(OUTPUT_ROOT, 'content-incremental');
const env = { CONTENT_DIR: contentDir, BUILD_NOW: '2025-01-01T12:00:00+01:00' };
/** The files of the first build (the rebuild writes into the same folder). */
let firstFiles: string[];
let rebuilt: BuildResult;
let clean: BuildResult;
/** A third build with no change in between. */
let unchanged: BuildResult;
/** Pages the rebuild copied from the previous build, and pages it rendered. */
let reused: number;
let rendered: number;
/** The photo replaced under the same name, and the new article's. */
let replacedPhoto: string;
let newPhoto: string;

const ok = (build: BuildResult) => {
  if (build.status !== 0) throw new Error(build.output.slice(-5000));
  return build;
};

/** Every file, the search index included (unchanged years keep theirs, src/lib/search-shards.ts). */
const siteFiles = (dir: string) => listFiles(dir);

/** The photo files whose copies a build encoded (the rest came from Astro's image cache). */
const encoded = (build: BuildResult) =>
  new Set(
    [...build.output.matchAll(/▶ \/_astro\/([^/ ]+?)\.[\w-]+_[\w-]+\.\w+ \(before:/g)].map((m) => m[1]),
  );

beforeAll(async () => {
  rmSync(contentDir, { recursive: true, force: true });
  await writeCorpus({ count: COUNT, dir: contentDir, seed: 11, photos });
  firstFiles = siteFiles(ok(buildSite('incremental', env)).outDir);

  const articles = join(contentDir, 'articles');
  const files = readdirSync(articles, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort();
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(articles, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };
  // A new article (with a photo), a body edit, a new title (so a new URL), a deletion, and a
  // photo replaced by another under the same name (its article unchanged).
  const before = new Set(readdirSync(articles, { recursive: true, encoding: 'utf8' }));
  await writeCorpus({ count: 1, start: COUNT, dir: contentDir, seed: 11, photos });
  newPhoto = readdirSync(articles, { recursive: true, encoding: 'utf8' }).filter(
    (f) => !before.has(f) && f.endsWith('.jpg'),
  )[0] as string;
  const jpegs = [...before].filter((f) => f.endsWith('.jpg')).sort();
  replacedPhoto = jpegs[1] as string;
  const other = await makePhoto({ width: 1200, height: 900, seed: 999 });
  writeFileSync(join(articles, replacedPhoto), withJpegComment(other, 'a new photo'));
  // One word of the last paragraph swapped: the same word count and summary, so only the
  // body's source digest tells the page apart.
  edit(files[5] as string, (text) => {
    const at = text.trimEnd().lastIndexOf('\n');
    return text.slice(0, at) + text.slice(at).replace(/\p{L}{4,}/u, 'Endringsord');
  });
  edit(files[10] as string, (text) => text.replace(/^title: .*$/m, 'title: "En helt ny tittel på saken"'));
  rmSync(join(articles, files[20] as string));

  rebuilt = ok(buildSite('incremental', env, { rebuild: true }));
  reused = (rebuilt.output.match(/\((?:restored|cached)\)/g) ?? []).length;
  rendered = (rebuilt.output.match(/├─ .*\(\+\d+ms\)/g) ?? []).length;
  clean = ok(buildSite('incremental-clean', env));
  // Once more with no change: the folder must stay as it is (the comparisons below read it).
  unchanged = ok(buildSite('incremental', env, { rebuild: true }));
}, 300_000);

describe('an incremental rebuild', () => {
  it('encodes only the new and the replaced photo; the rest come from the image cache', () => {
    const name = (file: string) => (file.split('/').at(-1) ?? '').replace(/\.jpg$/, '');
    expect(newPhoto).toBeDefined();
    expect([...encoded(rebuilt)].sort()).toEqual([name(newPhoto), name(replacedPhoto)].sort());
    expect(rebuilt.output).toMatch(/\(reused cache entry\)/);
    // Nothing changed since: no photo is encoded again.
    expect(encoded(unchanged).size).toBe(0);
  });

  it('reuses most pages and renders the changed ones', () => {
    console.log(`incremental rebuild: ${reused} pages reused, ${rendered} rendered`);
    expect(reused).toBeGreaterThan(rendered);
    expect(rendered).toBeGreaterThan(0);
  });

  it('leaves unchanged pages in place and removes the pages of deleted and retitled articles', () => {
    // "(cached)": Astro found the page in dist/ and left it; "(restored)" would be a copy.
    expect((rebuilt.output.match(/\(cached\)/g) ?? []).length).toBe(reused);
    expect(rebuilt.output).toMatch(/Removed [1-9]\d* file\(s\) this build no longer makes/);
  });

  it('rebuilds the search index of changed years only', () => {
    const searchLog = (build: BuildResult) => {
      const [, years, rebuiltYears] = /Search index: (\d+) year\(s\); (\d+) rebuilt/.exec(build.output) ?? [];
      return { years: Number(years), rebuilt: Number(rebuiltYears) };
    };
    expect(searchLog(rebuilt).years).toBe(4);
    expect(searchLog(rebuilt).rebuilt).toBeGreaterThan(0);
    // Nothing changed since: every year keeps its index.
    expect(searchLog(unchanged)).toEqual({ years: 4, rebuilt: 0 });
  });

  it('writes the same set of files as a clean build', () => {
    expect(siteFiles(rebuilt.outDir)).toEqual(siteFiles(clean.outDir));
    expect(siteFiles(rebuilt.outDir)).not.toEqual(firstFiles);
  });

  it('writes every file byte for byte as a clean build does', () => {
    const differing = siteFiles(clean.outDir).filter(
      (f) => !readFileSync(join(rebuilt.outDir, f)).equals(readFileSync(join(clean.outDir, f))),
    );
    expect(differing).toEqual([]);
  });

  it('shows the edits', () => {
    const html = siteFiles(rebuilt.outDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(join(rebuilt.outDir, f), 'utf8'));
    expect(html.some((page) => page.includes('Endringsord'))).toBe(true);
    expect(html.filter((page) => page.includes('En helt ny tittel på saken')).length).toBeGreaterThan(1);
  });
});
