// The build's precompressed twins, as nginx serves them: beside every compressible file, never
// stale, and gone when a build turns them off (PRECOMPRESS=0) for a host that compresses itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type BuildResult } from '../helpers/build';
import { SITE } from '../sites';
import { dcbDecode, dcbSuffix, readDictionary } from '../../src/lib/build/dictionary';

const NOW = { BUILD_NOW: '2020-11-01T12:00:00+01:00' };
/** Several articles, so the dictionary can tell the article template from any one text. */
const ARTICLES = { ...NOW, CONTENT_DIR: 'tests/fixtures/dates' };

describe('precompressed twins', () => {
  let on: BuildResult;
  let onFiles: string[];
  let off: BuildResult;
  let noDictionary: BuildResult;
  /** What that build left (the next build rewrites the same folder). */
  let noDictionaryFiles: string[];
  /** The dictionary, and each page with its twins, as the PRECOMPRESS=1 build left them. */
  let dictionaryFile: Buffer;
  let pages: { page: string; bytes: Buffer; dcb: Buffer; br: Buffer; gz: Buffer }[];
  beforeAll(() => {
    on = buildSite('precompress', ARTICLES);
    if (on.status !== 0) throw new Error(on.output);
    onFiles = listFiles(on.outDir);
    dictionaryFile = readFileSync(join(on.outDir, 'ordbok.txt'));
    const hash = readDictionary(dictionaryFile)?.hash ?? 'none';
    const read = (file: string) => readFileSync(join(on.outDir, file));
    pages = onFiles
      .filter((f) => f.endsWith('.html'))
      .map((page) => ({
        page,
        bytes: read(page),
        dcb: read(page + dcbSuffix(hash)),
        br: read(`${page}.br`),
        gz: read(`${page}.gz`),
      }));
    // The dictionary alone turned off (a server behind a CDN that does not vary on it).
    noDictionary = buildSite('precompress', { ...ARTICLES, DICTIONARY: '0' }, { rebuild: true });
    if (noDictionary.status !== 0) throw new Error(noDictionary.output);
    noDictionaryFiles = listFiles(noDictionary.outDir);
    off = buildSite('precompress', { ...ARTICLES, PRECOMPRESS: '0' }, { rebuild: true });
    if (off.status !== 0) throw new Error(off.output);
  });

  it('sit beside every page, feed and stylesheet', () => {
    for (const file of ['index.html', 'rss.xml', 'feed.json', 'sitemaps/sider.xml']) {
      expect(onFiles, file).toContain(`${file}.gz`);
      expect(onFiles, file).toContain(`${file}.br`);
    }
    expect(onFiles.some((f) => f.startsWith('_astro/') && f.endsWith('.css.br'))).toBe(true);
    // Photos and Pagefind's fragments are compressed already: no twins.
    expect(onFiles.filter((f) => /\.(jpg|png|webp|avif|pf_fragment|pf_index)\.(gz|br)$/.test(f))).toEqual([]);
    expect(on.output).toMatch(/Precompressed \d+ file\(s\) \(gzip and brotli\)/);
  });

  it('include, for every page, one compressed against the site’s dictionary, smaller than brotli', () => {
    const dictionary = readDictionary(dictionaryFile);
    expect(dictionary).toBeDefined();
    if (!dictionary) return;
    expect(on.output).toMatch(/Dictionary: new \(\d+\.\d kB\)/);
    // The site's markup, no article's text (the fixture's bodies are in no two pages).
    const markup = dictionary.bytes.toString();
    expect(markup).toContain('<header');
    expect(markup).toContain('"@type":"NewsArticle"');
    expect(markup).not.toContain('uten tidssone');
    expect(pages.length).toBeGreaterThan(20);
    for (const { page, bytes, dcb, br } of pages) {
      expect(dcbDecode(dcb, dictionary).equals(bytes), page).toBe(true);
      expect(dcb.length, page).toBeLessThan(br.length);
    }
    const sum = (key: 'dcb' | 'gz') => pages.reduce((total, page) => total + page[key].length, 0);
    expect(sum('dcb') / sum('gz')).toBeLessThan(0.85);
    // Only pages: feeds and stylesheets are not documents the dictionary is announced for.
    expect(onFiles.filter((f) => f.endsWith('.dcb') && !f.includes('.html.'))).toEqual([]);
  });

  it('keep gzip and brotli but lose the dictionary and every .dcb twin with DICTIONARY=0', () => {
    const files = noDictionaryFiles;
    expect(files).not.toContain('ordbok.txt');
    expect(files.filter((f) => f.endsWith('.dcb'))).toEqual([]);
    for (const { page } of pages) {
      expect(files, page).toContain(`${page}.br`);
      expect(files, page).toContain(`${page}.gz`);
    }
  });

  it('are all removed by a build with PRECOMPRESS=0', () => {
    expect(listFiles(off.outDir).filter((f) => /\.(gz|br|dcb)$/.test(f))).toEqual([]);
    expect(listFiles(off.outDir)).not.toContain('ordbok.txt');
    expect(off.output).toMatch(/Removed \d+ precompressed file\(s\) \(PRECOMPRESS=0\)/);
  });
});

describe('a twin', () => {
  it('decompresses to its file, for both encodings', () => {
    // The real site, built once per run by tests/sites.ts.
    const build = SITE;
    const twins = listFiles(build.outDir).filter((f) => /\.(gz|br)$/.test(f));
    expect(twins.length).toBeGreaterThan(20);
    for (const twin of twins) {
      const file = readFileSync(join(build.outDir, twin.slice(0, -3)));
      const bytes = readFileSync(join(build.outDir, twin));
      expect(
        (twin.endsWith('.gz') ? gunzipSync(bytes) : brotliDecompressSync(bytes)).equals(file),
        twin,
      ).toBe(true);
    }
  });
});
