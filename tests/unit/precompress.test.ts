import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { twinOf } from '../../src/lib/build/output-files';
import { compressBatch } from '../../src/lib/build/compress-worker';
import { holdsGone, unchanged } from '../../src/lib/build/precompress';
import { staleFiles } from '../../src/lib/build/stale-output';
import { dcbDecode, dcbSuffix, sealDictionary } from '../../src/lib/build/dictionary';

const START = 1_000_000;

describe('precompressed twins', () => {
  it('belong to compressible files only', () => {
    expect(twinOf('/dist/a/index.html.gz')).toBe('/dist/a/index.html');
    expect(twinOf('/dist/feed.json.br')).toBe('/dist/feed.json');
    expect(twinOf('/dist/_astro/foto.jpg.gz')).toBeUndefined();
    expect(twinOf('/dist/a/index.html')).toBeUndefined();
    const hash = `${'A'.repeat(42)}9=`;
    expect(twinOf(`/dist/a/index.html.${hash}.dcb`)).toBe('/dist/a/index.html');
    expect(twinOf('/dist/a/index.html.dcb')).toBeUndefined();
    expect(twinOf(`/dist/a/bilde.jpg.${hash}.dcb`)).toBeUndefined();
  });

  it('are left alone when the file has the time of their last compression', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    const page = join(dir, 'index.html');
    writeFileSync(page, 'x'.repeat(1000));
    writeFileSync(`${page}.gz`, 'gz');
    const last = { digest: 'd', mtimeMs: 5, twins: ['.gz'] };
    expect(unchanged(page, 5, last)).toBe(true);
    expect(unchanged(page, 6, last)).toBe(false);
    expect(unchanged(page, 5, undefined)).toBe(false);
    expect(unchanged(page, 5, { ...last, twins: ['.gz', '.br'] })).toBe(false);
    // A page made with another dictionary (or none) is made again.
    expect(unchanged(page, 5, { ...last, dictionary: 'a' }, 'a')).toBe(true);
    expect(unchanged(page, 5, { ...last, dictionary: 'a' }, 'b')).toBe(false);
    expect(unchanged(page, 5, last, 'b')).toBe(false);
  });

  it('go with their file when it goes, and stay when it stays', () => {
    const files = [
      { path: '/d/slettet/index.html', mtimeMs: START - 100 },
      { path: '/d/slettet/index.html.gz', mtimeMs: START - 90 },
      { path: '/d/beholdt/index.html', mtimeMs: START - 100 },
      { path: '/d/beholdt/index.html.br', mtimeMs: START - 90 },
      { path: '/d/foreldrelos.css.gz', mtimeMs: START - 90 },
    ];
    expect(staleFiles(files, START, new Set(['/d/beholdt/index.html']))).toEqual([
      '/d/slettet/index.html',
      '/d/slettet/index.html.gz',
      '/d/foreldrelos.css.gz',
    ]);
    // The dictionary is precompress.ts's own (not listed): its twins stay with it.
    const dictionaryTwin = { path: '/d/ordbok.txt.br', mtimeMs: START - 90 };
    expect(staleFiles([dictionaryTwin], START, new Set(), new Set(['/d/ordbok.txt']))).toEqual([]);
    expect(staleFiles([dictionaryTwin], START, new Set())).toEqual(['/d/ordbok.txt.br']);
  });

  it('decompress to the exact file, are rewritten only for new bytes, and a file too small to gain gets none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    const page = join(dir, 'index.html');
    const html = `<!doctype html><html lang="nb"><p>${'Våpenhvile i Nagorno-Karabakh. '.repeat(40)}</p></html>`;
    writeFileSync(page, html);
    const [first] = compressBatch({ jobs: [{ file: page, mtimeMs: 1, last: undefined }] });
    expect(first).toMatchObject({ wrote: true, result: { twins: ['.gz', '.br'], mtimeMs: 1 } });
    expect(gunzipSync(readFileSync(`${page}.gz`)).toString()).toBe(html);
    expect(brotliDecompressSync(readFileSync(`${page}.br`)).toString()).toBe(html);
    expect(statSync(`${page}.br`).size).toBeLessThan(statSync(`${page}.gz`).size);
    // Rewritten with the same bytes: read, not compressed again.
    const [again] = compressBatch({ jobs: [{ file: page, mtimeMs: 2, last: first?.result }] });
    expect(again).toMatchObject({ wrote: false, result: { digest: first?.result.digest, mtimeMs: 2 } });
    writeFileSync(page, html.replace('Våpenhvile', 'Fred'));
    const [changed] = compressBatch({ jobs: [{ file: page, mtimeMs: 3, last: again?.result }] });
    expect(changed?.wrote).toBe(true);
    expect(gunzipSync(readFileSync(`${page}.gz`)).toString()).toContain('Fred i Nagorno');

    // With the site's dictionary: a .dcb twin beside them, smaller than brotli; a new dictionary
    // replaces the twin of the old one.
    const old = sealDictionary(`${html.slice(0, 60)}<p>Fred`);
    const [withOld] = compressBatch({
      jobs: [{ file: page, mtimeMs: 4, last: changed?.result }],
      dictionary: old,
    });
    expect(withOld?.result).toMatchObject({
      dictionary: old.hash,
      twins: ['.gz', '.br', dcbSuffix(old.hash)],
    });
    const site = sealDictionary(html);
    const [withSite] = compressBatch({
      jobs: [{ file: page, mtimeMs: 4, last: withOld?.result }],
      dictionary: site,
    });
    expect(withSite?.wrote).toBe(true);
    expect(existsSync(page + dcbSuffix(old.hash))).toBe(false);
    const dcb = readFileSync(page + dcbSuffix(site.hash));
    expect(dcbDecode(dcb, site).equals(readFileSync(page))).toBe(true);
    expect(dcb.length).toBeLessThan(statSync(`${page}.br`).size);
    // Only pages get one.
    const feed = join(dir, 'feed.json');
    writeFileSync(feed, JSON.stringify({ items: Array(50).fill(html) }));
    expect(
      compressBatch({ jobs: [{ file: feed, mtimeMs: 1, last: undefined }], dictionary: site })[0]?.result,
    ).toMatchObject({
      twins: ['.gz', '.br'],
    });

    const tiny = join(dir, 'robots.txt');
    writeFileSync(tiny, 'User-agent: *\n');
    writeFileSync(`${tiny}.gz`, 'old twin');
    expect(compressBatch({ jobs: [{ file: tiny, mtimeMs: 1, last: undefined }] })[0]?.result.twins).toEqual(
      [],
    );
    expect(existsSync(`${tiny}.gz`)).toBe(false);
    expect(existsSync(`${tiny}.br`)).toBe(false);
  });
});

describe('a kill and the dictionary', () => {
  it('a dictionary that holds a killed story’s address is not kept', () => {
    const bytes = Buffer.from('<a href="/2020/10/10/vapenhvile-i-karabakh/">Våpenhvile</a>');
    expect(holdsGone(bytes, ['/2020/10/10/vapenhvile-i-karabakh/'])).toBe(true);
    expect(holdsGone(bytes, ['/2020/10/11/en-annen-sak/'])).toBe(false);
    expect(holdsGone(bytes, [])).toBe(false);
  });
});
