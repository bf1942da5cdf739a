import { describe, expect, it } from 'vitest';
import { staleFiles } from '../../src/lib/build/stale-output';

describe('staleFiles', () => {
  const start = 1_000_000;
  const files = [
    { path: '/dist/ny-sak/index.html', mtimeMs: start + 5 },
    { path: '/dist/uendret-sak/index.html', mtimeMs: start - 60_000 },
    { path: '/dist/slettet-sak/index.html', mtimeMs: start - 60_000 },
    { path: '/dist/_astro/old.css', mtimeMs: start - 60_000 },
    { path: '/dist/_astro/new.css', mtimeMs: start + 1 },
  ];

  it('keeps what this build wrote and the pages it kept, and nothing else', () => {
    expect(
      staleFiles(files, start, new Set(['/dist/uendret-sak/index.html', '/dist/ny-sak/index.html'])),
    ).toEqual(['/dist/slettet-sak/index.html', '/dist/_astro/old.css']);
  });

  it('removes nothing after a clean build', () => {
    expect(
      staleFiles(
        files.filter((f) => f.mtimeMs >= start),
        start,
        new Set(),
      ),
    ).toEqual([]);
  });
});
