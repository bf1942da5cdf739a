import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeFiles, partProblems, type PartOutput } from '../../src/lib/build/merge-parts';
import { partsArgument } from '../../src/lib/build/parallel-parts';
import { ownPaths, paramsPath, parseBuildPart, partOfPath, PART_MANIFEST } from '../../src/lib/build/parts';

describe('BUILD_PART', () => {
  it('reads k/N', () => {
    expect(parseBuildPart(undefined)).toBeUndefined();
    expect(parseBuildPart('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseBuildPart(' 1/1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/4', '5/4', '2', '2/0', '1/65', 'to av fire', '-1/2', '1.5/2'])(
    'refuses %j with the fix',
    (raw) => {
      expect(() => parseBuildPart(raw)).toThrow(/BUILD_PART=".*" is not a part of a build: write it as k\/N/);
    },
  );
});

describe('the part of a page', () => {
  it('puts a page of a period in the part of its Oslo month, consecutive months in different parts', () => {
    // October 2020 is month 2020 * 12 + 9 = 24249 = 3 * 8083: part 1 of 3; November part 2.
    expect(partOfPath('/2020/10/10/angrep-og-motangrep/', 3)).toBe(1);
    expect(partOfPath('/2020/11/01/ekstremvaeret/', 3)).toBe(2);
    expect(partOfPath('/2020/12/', 3)).toBe(3);
    // A day page, a list's month page and its later pages go with their month's articles.
    for (const path of [
      '/2020/11/01/',
      '/2020/11/',
      '/utenriks/2020/11/',
      '/tema/nato/2020/11/side/2/',
      '/av/ntb/2020/11/',
    ]) {
      expect(partOfPath(path, 3), path).toBe(2);
    }
    // A year page by its year.
    expect(partOfPath('/2020/', 3)).toBe((2020 % 3) + 1);
  });

  it('puts every page without a period in part 1', () => {
    for (const path of [
      '/',
      '/utenriks/',
      '/tema/',
      '/tema/nato/',
      '/av/ntb/',
      '/sok/',
      '/rettelser/',
      '/utenriks/side/2/',
    ]) {
      expect(partOfPath(path, 4), path).toBe(1);
    }
  });

  it('names the page of a route from its params', () => {
    expect(paramsPath({ listing: 'utenriks/2020/10' })).toBe('/utenriks/2020/10/');
    expect(paramsPath({ year: '2020', month: '10', day: '10', slug: 'sak' })).toBe('/2020/10/10/sak/');
    expect(paramsPath({ category: 'utenriks' })).toBe('/');
    expect(paramsPath({ name: 'articles-2020-10' })).toBe('/');
  });

  it('gives each page to exactly one part, and all of them to a build of everything', () => {
    const paths = [
      'utenriks',
      'utenriks/2020/10',
      '2020/10/10',
      '2020/11',
      '2021',
      'tema/nato/2019/01',
      'av/ntb',
    ].map((listing) => ({ params: { listing } }));
    expect(ownPaths(paths, undefined)).toEqual(paths);
    expect(ownPaths(paths, { index: 1, count: 1 })).toEqual(paths);
    const parts = [1, 2, 3].map((index) => ownPaths(paths, { index, count: 3 }));
    expect(parts.flat().sort((a, b) => a.params.listing.localeCompare(b.params.listing))).toEqual(
      [...paths].sort((a, b) => a.params.listing.localeCompare(b.params.listing)),
    );
    expect(parts.every((part) => part.length > 0)).toBe(true);
  });
});

const part = (dir: string, index: number, count: number, now = '2020-11-01T11:00:00.000Z'): PartOutput => ({
  dir,
  manifest: { part: { index, count }, now, gone: [] },
});

describe('the parts of one site', () => {
  it('are each part once, of one N and one BUILD_NOW', () => {
    expect(partProblems([part('a', 1, 2), part('b', 2, 2)])).toEqual([]);
    expect(partProblems([])).toEqual(['No parts were given: name the output folder of every part.']);
    expect(partProblems([part('a', 1, 3), part('b', 2, 3)])).toEqual([
      'Part 3/3 is missing: build it with BUILD_PART=3/3.',
    ]);
    expect(partProblems([part('a', 1, 2), part('b', 1, 2), part('c', 2, 2)])).toEqual([
      'Part 1/2 is given twice: a, b.',
    ]);
    expect(partProblems([part('a', 1, 2), part('b', 2, 2, '2020-11-01T11:15:00.000Z')])).toEqual([
      'b was built with BUILD_NOW 2020-11-01T11:15:00.000Z, a with 2020-11-01T11:00:00.000Z: build every part with the same BUILD_NOW.',
    ]);
    expect(partProblems([part('a', 1, 2), part('b', 2, 3)])).toContain(
      'b is part 2/3, but a is of 2 parts: build every part with the same N.',
    );
  });
});

describe("merging the parts' files", () => {
  const write = (root: string, file: string, text: string, mtime?: Date) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
    if (mtime) utimesSync(join(root, file), mtime, mtime);
  };
  const files = (root: string) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(root, f)).isFile())
      .sort();

  it("copies every part's files, keeps what is unchanged and removes what no part has, with its twins", () => {
    const root = mkdtempSync(join(tmpdir(), 'merge-'));
    const [one, two, out] = ['one', 'two', 'dist'].map((name) => join(root, name)) as [
      string,
      string,
      string,
    ];
    const old = new Date('2020-01-01T00:00:00Z');
    write(one, 'index.html', 'forside');
    write(one, '2020/10/10/sak/index.html', 'oktober');
    write(one, PART_MANIFEST, '{}');
    write(two, 'index.html', 'forside');
    write(two, '2020/11/01/sak/index.html', 'november');
    // The last deploy: one page unchanged (but its time lost on the way), one changed, one gone
    // (with its compressed twin), and the folders the later steps keep.
    write(out, 'index.html', 'forside', old);
    write(out, '2020/11/01/sak/index.html', 'november før');
    write(out, '2019/01/01/borte/index.html', 'borte');
    write(out, '2019/01/01/borte/index.html.br', 'x');
    write(out, 'pagefind/2019/pagefind.js', 'index');
    write(out, 'ordbok.txt', 'ordbok');

    expect(mergeFiles([part(one, 1, 2), part(two, 2, 2)], out)).toEqual({ copied: 2, kept: 1, removed: 2 });
    expect(files(out)).toEqual([
      '2020/10/10/sak/index.html',
      '2020/11/01/sak/index.html',
      'index.html',
      'ordbok.txt',
      'pagefind/2019/pagefind.js',
    ]);
    expect(readFileSync(join(out, '2020/11/01/sak/index.html'), 'utf8')).toBe('november');
    // Left alone, so the compression's record still knows it.
    expect(statSync(join(out, 'index.html')).mtimeMs).toBe(old.getTime());
    // The copies carry their part's times: a second merge copies nothing.
    expect(mergeFiles([part(one, 1, 2), part(two, 2, 2)], out)).toEqual({ copied: 0, kept: 3, removed: 0 });
  });
});

describe('--parts N', () => {
  it('is read from the arguments and left out of those for Astro', () => {
    expect(partsArgument(['--force'])).toEqual({ count: undefined, rest: ['--force'] });
    expect(partsArgument(['--parts', '4', '--force'])).toEqual({ count: 4, rest: ['--force'] });
  });

  it.each([['--parts'], ['--parts', '0'], ['--parts', '65'], ['--parts', 'to']])(
    'refuses %j with the fix',
    (...args) => {
      expect(() => partsArgument(args)).toThrow(
        /--parts .*: give the number of parts, 1-64, e\.g\. --parts 2\./,
      );
    },
  );
});
