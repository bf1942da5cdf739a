import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { twinOf } from '../../src/lib/build/output-files';
import { compressFile, needsCompression } from '../../src/lib/build/precompress';
import { staleFiles } from '../../src/lib/build/stale-output';

const START = 1_000_000;

describe('precompressed twins', () => {
  it('belong to compressible files only', () => {
    expect(twinOf('/dist/a/index.html.gz')).toBe('/dist/a/index.html');
    expect(twinOf('/dist/feed.json.br')).toBe('/dist/feed.json');
    expect(twinOf('/dist/_astro/foto.jpg.gz')).toBeUndefined();
    expect(twinOf('/dist/a/index.html')).toBeUndefined();
  });

  it('are written for new or changed content, or when they are gone, and not for the same bytes again', () => {
    const before = { 'a/index.html': 'd1', 'b/index.html': 'd2' };
    expect(needsCompression(before, { path: 'a/index.html', digest: 'd1', twinsPresent: true })).toBe(false);
    expect(needsCompression(before, { path: 'a/index.html', digest: 'd9', twinsPresent: true })).toBe(true);
    expect(needsCompression(before, { path: 'b/index.html', digest: 'd2', twinsPresent: false })).toBe(true);
    expect(needsCompression(before, { path: 'ny/index.html', digest: 'd3', twinsPresent: false })).toBe(true);
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
  });

  it('decompress to the exact file; a file too small to gain gets none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    const page = join(dir, 'index.html');
    const html = `<!doctype html><html lang="nb"><p>${'Våpenhvile i Nagorno-Karabakh. '.repeat(40)}</p></html>`;
    writeFileSync(page, html);
    await compressFile(page);
    expect(gunzipSync(readFileSync(`${page}.gz`)).toString()).toBe(html);
    expect(brotliDecompressSync(readFileSync(`${page}.br`)).toString()).toBe(html);
    expect(statSync(`${page}.br`).size).toBeLessThan(statSync(`${page}.gz`).size);

    const tiny = join(dir, 'robots.txt');
    writeFileSync(tiny, 'User-agent: *\n');
    writeFileSync(`${tiny}.gz`, 'old twin');
    utimesSync(`${tiny}.gz`, 0, 0);
    await compressFile(tiny);
    expect(existsSync(`${tiny}.gz`)).toBe(false);
    expect(existsSync(`${tiny}.br`)).toBe(false);
  });
});
