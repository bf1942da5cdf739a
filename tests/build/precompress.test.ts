// The build's precompressed twins, as nginx serves them: beside every compressible file, never
// stale, and gone when a build turns them off (PRECOMPRESS=0) for a host that compresses itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type BuildResult } from '../helpers/build';

const NOW = { BUILD_NOW: '2020-11-01T12:00:00+01:00' };

describe('precompressed twins', () => {
  let on: BuildResult;
  let onFiles: string[];
  let off: BuildResult;
  beforeAll(() => {
    on = buildSite('precompress', NOW);
    if (on.status !== 0) throw new Error(on.output);
    onFiles = listFiles(on.outDir);
    off = buildSite('precompress', { ...NOW, PRECOMPRESS: '0' }, { rebuild: true });
    if (off.status !== 0) throw new Error(off.output);
  });

  it('sit beside every page, feed and stylesheet', () => {
    for (const file of ['index.html', 'rss.xml', 'feed.json', 'sitemap-0.xml']) {
      expect(onFiles, file).toContain(`${file}.gz`);
      expect(onFiles, file).toContain(`${file}.br`);
    }
    expect(onFiles.some((f) => f.startsWith('_astro/') && f.endsWith('.css.br'))).toBe(true);
    // Photos and Pagefind's fragments are compressed already: no twins.
    expect(onFiles.filter((f) => /\.(jpg|png|webp|avif|pf_fragment|pf_index)\.(gz|br)$/.test(f))).toEqual([]);
    expect(on.output).toMatch(/Precompressed \d+ file\(s\) \(gzip and brotli\)/);
  });

  it('are all removed by a build with PRECOMPRESS=0', () => {
    expect(listFiles(off.outDir).filter((f) => /\.(gz|br)$/.test(f))).toEqual([]);
    expect(off.output).toMatch(/Removed \d+ precompressed file\(s\) \(PRECOMPRESS=0\)/);
  });
});

describe('a twin', () => {
  it('decompresses to its file, for both encodings', () => {
    const build = buildSite('precompress-check', NOW);
    if (build.status !== 0) throw new Error(build.output);
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
