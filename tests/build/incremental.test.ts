// Rebuilds reuse unchanged pages (Astro's incremental build, keyed by src/lib/build/cache-key.ts)
// and encoded photos (Astro's image cache in CACHE_DIR). The risk of any cache is a stale page,
// so the test is strict: after adding, editing, retitling and deleting articles, correcting one,
// changing one's kind and replacing a photo, the incremental rebuild must write exactly the files a clean build of the same content
// writes, byte for byte, while reusing most pages and encoding only the new and replaced photos.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withJpegComment, writeCorpus } from '../../scripts/bench/corpus';
import { makePhoto } from '../../scripts/bench/photos';
import { buildSite, buildSiteAsync, listFiles, OUTPUT_ROOT, type BuildResult } from '../helpers/build';
import { dcbProblems, differingFiles, siteFiles } from '../helpers/compare';
import { DCB_TWIN } from '../../src/lib/build/output-files';

const COUNT = 60;
/** Every tenth article has a photo; the one added (number 60) too. */
const photos = { every: 10, width: 1600, height: 1067 };
const contentDir = join(OUTPUT_ROOT, 'content-incremental');
// ~15 articles a year: with at most 10 pages a search shard, every year is indexed per month.
const env = { CONTENT_DIR: contentDir, BUILD_NOW: '2025-01-01T12:00:00+01:00', SEARCH_SHARD_PAGES: '10' };
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
/** The word that replaced another of the same length. */
let swapped = '';

const ok = (build: BuildResult) => {
  if (build.status !== 0) throw new Error(build.output.slice(-5000));
  return build;
};

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
  // One word of the last paragraph swapped for another of the same length: the same word count,
  // summary and page size, so only the body's source digest tells the page apart (and only the
  // page's new modification time tells the search index).
  edit(files[5] as string, (text) => {
    const at = text.trimEnd().lastIndexOf('\n');
    return (
      text.slice(0, at) +
      // ASCII only, so the page keeps its size in bytes too.
      text.slice(at).replace(/(?<!\p{L})[a-z]{6,}(?!\p{L})/u, (word) => {
        swapped = `Endr${'x'.repeat(word.length - 4)}`;
        return swapped;
      })
    );
  });
  edit(files[10] as string, (text) => text.replace(/^title: .*$/m, 'title: "En helt ny tittel på saken"'));
  rmSync(join(articles, files[20] as string));
  // A correction to one article (issue 24): its page, feeds and the corrections log must follow.
  edit(files[30] as string, (text) =>
    text.replace(
      /^---\n/,
      '---\ncorrections:\n  - date: 2025-01-01T11:00:00+01:00\n    text: Et tall er rettet.\n',
    ),
  );

  // The rebuild and a clean build of the same content, side by side (separate folders).
  const [rebuiltBuild, cleanBuild] = await Promise.all([
    buildSiteAsync('incremental', env, { rebuild: true }),
    buildSiteAsync('incremental-clean', env),
  ]);
  rebuilt = ok(rebuiltBuild);
  clean = ok(cleanBuild);
  reused = (rebuilt.output.match(/\((?:restored|cached)\)/g) ?? []).length;
  rendered = (rebuilt.output.match(/├─ .*\(\+\d+ms\)/g) ?? []).length;
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

  it('rebuilds the search index of changed shards only', () => {
    const searchLog = (build: BuildResult) => {
      const [, shards, rebuiltShards] =
        /Search index: (\d+) shard\(s\) by year or month; (\d+) rebuilt/.exec(build.output) ?? [];
      return { shards: Number(shards), rebuilt: Number(rebuiltShards) };
    };
    // The shard folders (beside them: indexes.json and its precompressed twins).
    const shards = readdirSync(join(rebuilt.outDir, 'pagefind'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    // Month shards ("2023-04"), as listed for the search page.
    expect(shards.length).toBeGreaterThan(12);
    expect(shards.every((name) => /^\d{4}-\d{2}$/.test(name))).toBe(true);
    expect(searchLog(rebuilt).shards).toBe(shards.length);
    expect(searchLog(rebuilt).rebuilt).toBeGreaterThan(0);
    expect(searchLog(rebuilt).rebuilt).toBeLessThan(shards.length / 2);
    // Nothing changed since: every shard keeps its index.
    expect(searchLog(unchanged)).toEqual({ shards: shards.length, rebuilt: 0 });
  });

  it('writes the same set of files as a clean build', () => {
    expect(siteFiles(rebuilt.outDir)).toEqual(siteFiles(clean.outDir));
    expect(siteFiles(rebuilt.outDir)).not.toEqual(firstFiles);
  });

  it('writes every file byte for byte as a clean build does', () => {
    expect(differingFiles(rebuilt.outDir, clean.outDir, siteFiles(clean.outDir))).toEqual([]);
    // The correction and the new kind did reach the rebuilt site (so the equality covers them).
    expect(readFileSync(join(rebuilt.outDir, 'rettelser', 'index.html'), 'utf8')).toContain(
      'Et tall er rettet.',
    );
    expect(
      readFileSync(join(rebuilt.outDir, 'index.html'), 'utf8') +
        readFileSync(join(rebuilt.outDir, 'rss.xml'), 'utf8'),
    ).toMatch(/type-label opinion|Rettelse/);
  });

  it('leaves no stale precompressed twin: each decompresses to its file as rebuilt', () => {
    const twins = siteFiles(rebuilt.outDir).filter((f) => /\.(gz|br)$/.test(f));
    expect(twins.length).toBeGreaterThan(100);
    const stale = twins.filter((twin) => {
      const file = readFileSync(join(rebuilt.outDir, twin.slice(0, -3)));
      const bytes = readFileSync(join(rebuilt.outDir, twin));
      return !(twin.endsWith('.gz') ? gunzipSync(bytes) : brotliDecompressSync(bytes)).equals(file);
    });
    expect(stale).toEqual([]);
    // Every page has its twin for the site's dictionary, decoding to the page as rebuilt.
    expect(listFiles(rebuilt.outDir).filter((f) => DCB_TWIN.test(f)).length).toBeGreaterThan(100);
    expect(dcbProblems(rebuilt.outDir)).toEqual([]);
  });

  it('keeps the dictionary when the templates did not change, so only changed pages are compressed', () => {
    expect(rebuilt.output).toMatch(/Dictionary: kept/);
    const again = /Precompressed (\d+) file\(s\)[^\n]*Dictionary: kept/.exec(unchanged.output);
    expect(Number(again?.[1])).toBeLessThan(5);
  });

  it('shows the edits', () => {
    const html = siteFiles(rebuilt.outDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(join(rebuilt.outDir, f), 'utf8'));
    expect(swapped.length).toBeGreaterThan(4);
    expect(html.some((page) => page.includes(swapped))).toBe(true);
    expect(html.filter((page) => page.includes('En helt ny tittel på saken')).length).toBeGreaterThan(1);
  });
});

/**
 * Further rounds from the state the rebuild above left, each compared byte for byte with a clean
 * build of the same content and settings: a moved article, an article turned commentary and a
 * lapsing embargo (changes that only some pages see), then a changed category list and site.yaml
 * and a changed Astro config (changes that every page sees, which no cache layer may miss).
 */
describe('an incremental rebuild after', () => {
  const articles = join(contentDir, 'articles');
  /** Published 2025-01-02 08:00: embargoed at the first BUILD_NOW, public at the later one. */
  const embargoed = join(articles, '2025', 'embargo-til-nyttar.md');
  const later = { ...env, BUILD_NOW: '2025-01-03T12:00:00+01:00' };
  const moved = { file: '', title: '' };
  let opinionTitle = '';
  /** The title edited to another of the same length, its file's modification time set back. */
  const sameSize = { title: '', now: '' };
  /**
   * What each round left, read at once: the next round rebuilds the same folders. Files are the
   * rebuilt site's; `differing` lists those that are not byte for byte the clean build's.
   */
  const rounds = new Map<
    string,
    { files: string[]; cleanFiles: string[]; differing: string[]; pages: Map<string, string>; log: string }
  >();
  /** Pages each test below reads, kept from every round. */
  const PAGES = ['', 'kultur', 'utenriks', '2021', '2025/01/02'];

  /** Rebuilds into the incremental folder and builds the same content clean, with `settings`. */
  const round = async (name: string, settings: Record<string, string>) => {
    const [rebuiltBuild, cleanBuild] = await Promise.all([
      buildSiteAsync('incremental', settings, { rebuild: true }),
      buildSiteAsync('incremental-clean', settings),
    ]);
    const rebuiltOut = ok(rebuiltBuild).outDir;
    const cleanOut = ok(cleanBuild).outDir;
    const files = siteFiles(rebuiltOut);
    const cleanFiles = siteFiles(cleanOut);
    const differing = differingFiles(
      rebuiltOut,
      cleanOut,
      cleanFiles.filter((f) => files.includes(f)),
    ).concat(dcbProblems(rebuiltOut));
    const pages = new Map<string, string>();
    for (const path of PAGES) {
      const file = join(rebuiltOut, path, 'index.html');
      pages.set(path, existsSync(file) ? readFileSync(file, 'utf8') : '');
    }
    const leaks = listFiles(rebuiltOut).filter((f) =>
      readFileSync(join(rebuiltOut, f)).includes('Embargoteksten'),
    );
    rounds.set(name, { files, cleanFiles, differing, pages, log: rebuiltBuild.output });
    return leaks;
  };
  /** The files a round's rebuild wrote that differ from the clean build's (checked to be the same set). */
  const differences = (name: string) => {
    const result = rounds.get(name);
    if (!result) throw new Error(`no round "${name}"`);
    expect(result.files).toEqual(result.cleanFiles);
    return result.differing;
  };
  const page = (name: string, path: string) => rounds.get(name)?.pages.get(path) ?? '';
  let leaks: string[] = [];

  beforeAll(async () => {
    // An article embargoed at the first builds' time (it must appear nowhere), built once so the
    // lapse below happens between two builds that share the cache.
    mkdirSync(dirname(embargoed), { recursive: true });
    writeFileSync(
      embargoed,
      '---\ntitle: "Saken som var under embargo"\ndate: 2025-01-02T08:00:00+01:00\ncategory: innenriks\nbyline: "NTB"\n---\n\nEmbargoteksten kommer først i morgen.\n',
    );
    leaks = await round('embargo kept', env);

    // One article moves from its category to another, and the embargo lapses (a later BUILD_NOW).
    const file = readdirSync(articles, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md') && !f.startsWith('2025'))
      .map((f) => join(articles, f))
      .find((f) => /^category: utenriks$/m.test(readFileSync(f, 'utf8')));
    if (!file) throw new Error('the corpus has no article in utenriks');
    const text = readFileSync(file, 'utf8');
    moved.file = file;
    moved.title = /^title: "(.*)"$/m.exec(text)?.[1] ?? '';
    writeFileSync(file, text.replace(/^category: utenriks$/m, 'category: kultur'));
    // Another article becomes a commentary (issue 24): its label reaches every list it is on.
    const opinion = readdirSync(articles, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md') && f.startsWith('2022'))
      .sort()
      .map((f) => join(articles, f))[0] as string;
    opinionTitle = /^title: "(.*)"$/m.exec(readFileSync(opinion, 'utf8'))?.[1] ?? '';
    writeFileSync(opinion, readFileSync(opinion, 'utf8').replace(/^---\n/, '---\ntype: kommentar\n'));
    await round('moved and lapsed', later);

    // The category list changes (a new display name): every page's menu shows it.
    const list = readFileSync(join('content', 'categories.yaml'), 'utf8');
    writeFileSync(
      join(contentDir, 'categories.yaml'),
      list.replace('name: Kultur', 'name: Kultur og underholdning'),
    );
    // The publication's settings change (a new responsible editor): every page's footer shows it.
    writeFileSync(
      join(contentDir, 'site.yaml'),
      readFileSync(join('content', 'site.yaml'), 'utf8').replace(
        'responsibleEditor: Kari Nordmann',
        'responsibleEditor: Per Hansen',
      ),
    );
    await round('categories', later);

    // The Astro config changes (the site's address): every canonical URL and feed changes.
    await round('config', { ...later, SITE_URL: 'https://nyheter.example.no' });

    // The cached rendered texts are lost (a partly restored CI cache): the build renders the
    // articles anew instead of failing or publishing empty pages.
    rmSync(join(OUTPUT_ROOT, 'incremental', 'cache', 'article-bodies'), { recursive: true, force: true });
    await round('bodies gone', { ...later, SITE_URL: 'https://nyheter.example.no' });

    // An edit that keeps the file's size, with its modification time set back (as `cp -p` or an
    // editor restoring a file can leave it): only the change time and inode tell it apart.
    const quiet = readdirSync(articles, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md') && f.startsWith('2021'))
      .sort()
      .map((f) => join(articles, f))[0] as string;
    const { atime, mtime } = statSync(quiet);
    const original = readFileSync(quiet, 'utf8');
    sameSize.title = /^title: "(.*)"$/m.exec(original)?.[1] ?? '';
    sameSize.now = sameSize.title.replace(/\p{L}/u, (c) => (c === 'X' ? 'Y' : 'X'));
    writeFileSync(quiet, original.replace(sameSize.title, sameSize.now));
    utimesSync(quiet, atime, mtime);
    await round('same size and time', { ...later, SITE_URL: 'https://nyheter.example.no' });
  }, 500_000);

  it('a build where nothing is published yet keeps the embargoed article out of every file', () => {
    expect(differences('embargo kept')).toEqual([]);
    expect(leaks).toEqual([]);
    expect(rounds.get('embargo kept')?.files.some((f) => f.startsWith('2025/'))).toBe(false);
    expect(page('embargo kept', '2025/01/02')).toBe('');
  });

  it('a re-categorised article and a lapsed embargo match a clean build', () => {
    expect(differences('moved and lapsed')).toEqual([]);
    expect(moved.title).not.toBe('');
    expect(page('moved and lapsed', 'kultur')).toContain(moved.title);
    expect(page('moved and lapsed', 'utenriks')).not.toContain(moved.title);
    expect(page('moved and lapsed', '2025/01/02')).toContain('Saken som var under embargo');
    expect(page('moved and lapsed', '')).toContain('Saken som var under embargo');
    expect(opinionTitle).not.toBe('');
    // The commentary is labelled in the lists that show it (read from the folder as it is now:
    // later rounds keep the article as it is).
    const out = join(OUTPUT_ROOT, 'incremental', 'dist');
    const labelled = siteFiles(out).filter(
      (f) =>
        f.endsWith('.html') &&
        readFileSync(join(out, f), 'utf8').includes(`Kommentar</span> <a href="`) &&
        readFileSync(join(out, f), 'utf8').includes(`>${opinionTitle}</a>`),
    );
    expect(labelled.length).toBeGreaterThan(1);
  });

  it('a changed category list and site.yaml match a clean build, on every page', () => {
    expect(differences('categories')).toEqual([]);
    expect(page('categories', '')).toContain('Kultur og underholdning');
    expect(page('categories', '2021')).toContain('Kultur og underholdning');
    expect(page('categories', '2021')).toContain('Ansvarlig redaktør: Per Hansen.');
    expect(page('moved and lapsed', '2021')).toContain('Ansvarlig redaktør: Kari Nordmann.');
  });

  it('a build cache without its rendered texts is rebuilt and matches a clean build', () => {
    expect(differences('bodies gone')).toEqual([]);
    // Every article's text was rendered again (61 published and the embargoed one, less one deleted).
    expect(
      readdirSync(join(OUTPUT_ROOT, 'incremental', 'cache', 'article-bodies')).length,
    ).toBeGreaterThanOrEqual(60);
    expect(page('bodies gone', '2021')).toContain('https://nyheter.example.no/2021/');
  });

  it('a changed Astro config matches a clean build, on every page', () => {
    expect(differences('config')).toEqual([]);
    expect(page('config', '2021')).toContain('https://nyheter.example.no/2021/');
  });

  it('an edit that keeps the size and the modification time is seen (by the change time)', () => {
    expect(sameSize.now).not.toBe(sameSize.title);
    expect(sameSize.now.length).toBe(sameSize.title.length);
    // Every other file is known by its stat and not read; the edited one is read and rendered.
    const [, files, byStat, read, parsed] =
      / (\d+) article file\(s\): (\d+) unchanged by their stat \(not read\), (\d+) read, (\d+) parsed/.exec(
        rounds.get('same size and time')?.log ?? '',
      ) ?? [];
    expect(Number(files)).toBeGreaterThan(50);
    expect({ byStat: Number(byStat), read: Number(read), parsed: Number(parsed) }).toEqual({
      byStat: Number(files) - 1,
      read: 1,
      parsed: 1,
    });
    // The round before lost every rendered text: every article was read and rendered again.
    expect(rounds.get('bodies gone')?.log).toMatch(
      / (\d+) article file\(s\): 0 unchanged by their stat \(not read\), \1 read, \1 parsed/,
    );
    expect(differences('same size and time')).toEqual([]);
    // The last round: the folder is as it left it.
    const out = join(OUTPUT_ROOT, 'incremental', 'dist');
    const showing = siteFiles(out).filter(
      (f) => f.endsWith('.html') && readFileSync(join(out, f), 'utf8').includes(sameSize.now),
    );
    expect(showing.length).toBeGreaterThan(0);
  });
});
