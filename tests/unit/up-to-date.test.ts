import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  changedPaths,
  inputLines,
  inputsDigest,
  earliest,
  readNextChange,
  readStamp,
  settled,
  SETTLE_MS,
  stampFiles,
  verdict,
  writeNextChange,
  type BuildStamp,
} from '../../src/lib/build/up-to-date';

const dir = mkdtempSync(join(tmpdir(), 'up-to-date-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const out = { ino: 7, mtimeMs: 1000 };
const stamp = (over: Partial<BuildStamp> = {}): BuildStamp => ({
  inputs: 'abc',
  nextChange: null,
  outDir: out,
  ...over,
});
const now = new Date('2020-11-01T11:00:00Z');

describe('verdict', () => {
  it('is up to date when the inputs, the output folder and the time agree', () => {
    expect(verdict(stamp(), 'abc', out, now)).toEqual({ upToDate: true });
  });
  it('builds without a record, without an output folder, or with another one', () => {
    expect(verdict(undefined, 'abc', out, now)).toMatchObject({ reason: 'no earlier build recorded' });
    expect(verdict(stamp(), 'abc', undefined, now)).toMatchObject({ reason: 'the output folder is missing' });
    expect(verdict(stamp(), 'abc', { ino: 8, mtimeMs: 1000 }, now)).toMatchObject({ upToDate: false });
    expect(verdict(stamp(), 'abc', { ino: 7, mtimeMs: 1001 }, now)).toMatchObject({ upToDate: false });
  });
  it('builds when an input changed', () => {
    expect(verdict(stamp(), 'abd', out, now)).toEqual({ upToDate: false, reason: 'inputs changed' });
  });
  it('builds once the output changes by the clock, to the millisecond, and not before', () => {
    const due = stamp({
      nextChange: { at: '2020-11-01T11:00:00.000Z', what: 'an embargoed article is due' },
    });
    expect(verdict(due, 'abc', out, new Date(now.getTime() - 1))).toEqual({ upToDate: true });
    expect(verdict(due, 'abc', out, now)).toEqual({
      upToDate: false,
      reason: 'it is past 2020-11-01T11:00:00.000Z: an embargoed article is due',
    });
  });
  it('takes the earliest moment', () => {
    expect(earliest([])).toBeNull();
    expect(
      earliest([
        { at: new Date('2020-11-03T00:00:00Z'), what: 'b' },
        { at: new Date('2020-11-02T00:00:00Z'), what: 'a' },
      ]),
    ).toEqual({ at: '2020-11-02T00:00:00.000Z', what: 'a' });
  });
});

describe('input lines', () => {
  const project = join(dir, 'project');
  mkdirSync(join(project, 'src/pages'), { recursive: true });
  mkdirSync(join(project, 'src/node_modules'), { recursive: true });
  mkdirSync(join(project, 'content/articles'), { recursive: true });
  writeFileSync(join(project, 'src/pages/index.astro'), 'side');
  writeFileSync(join(project, 'src/node_modules/x.js'), 'ignored');
  writeFileSync(join(project, 'content/articles/a.md'), 'artikkel');
  symlinkSync(join(project, 'content/articles/a.md'), join(project, 'content/lenke.md'));
  const roots = [
    join(project, 'src'),
    join(project, 'content'),
    join(project, 'content/articles'),
    join(project, 'gone'),
  ];

  it('lists every file once, by its stat, with links followed and node_modules left out', () => {
    const lines = inputLines(roots, project);
    expect(lines.map((line) => line.split('\t')[0])).toEqual([
      'content/articles/a.md',
      'content/lenke.md',
      'gone',
      'src/pages/index.astro',
    ]);
    expect(lines.find((line) => line.startsWith('gone'))).toBe('gone\tmissing');
    // size, modification and change times, inode: never the text.
    expect(lines[0]?.split('\t')).toHaveLength(5);
    expect(lines[0]?.split('\t')[1]).toBe('8');
  });

  it('changes when a file is rewritten with its size, or removed, and names it', () => {
    const before = inputLines(roots, project);
    writeFileSync(join(project, 'content/articles/a.md'), 'Artikkel');
    utimesSync(join(project, 'content/articles/a.md'), new Date(5000), new Date(5000));
    rmSync(join(project, 'src/pages/index.astro'));
    const after = inputLines(roots, project);
    expect(inputsDigest(after, {})).not.toBe(inputsDigest(before, {}));
    expect(changedPaths(before, after)).toEqual([
      'content/articles/a.md',
      'content/lenke.md',
      'src/pages/index.astro',
    ]);
    expect(changedPaths(after, after)).toEqual([]);
  });

  it('a digest covers what is not a file (settings, arguments)', () => {
    const lines = inputLines(roots, project);
    expect(inputsDigest(lines, { a: 1 })).toBe(inputsDigest(lines, { a: 1 }));
    expect(inputsDigest(lines, { a: 1 })).not.toBe(inputsDigest(lines, { a: 2 }));
  });

  it('trusts a stat only when the file is older than the settle time', () => {
    const line = (mtime: number) => `a.md\t1\t${mtime}\t${mtime}\t1`;
    expect(settled([line(0), 'gone\tmissing'], SETTLE_MS)).toBe(true);
    expect(settled([line(0), line(1)], SETTLE_MS)).toBe(false);
  });
});

describe('a link to a folder', () => {
  it('is listed by its own stat and not entered, so a cycle ends', () => {
    const root = join(dir, 'cycle');
    mkdirSync(join(root, 'articles'), { recursive: true });
    writeFileSync(join(root, 'articles/a.md'), 'artikkel');
    symlinkSync(root, join(root, 'articles/loop'));
    expect(inputLines([root], dir).map((line) => line.split('\t')[0])).toEqual([
      'cycle/articles/a.md',
      'cycle/articles/loop',
    ]);
  });
});

describe('records', () => {
  it('reads a stamp and the next change back, and treats a damaged stamp as none', () => {
    const files = stampFiles(dir);
    writeFileSync(files.stamp, JSON.stringify(stamp()));
    expect(readStamp(files.stamp)).toEqual(stamp());
    writeFileSync(files.stamp, '{"inputs": 1');
    expect(readStamp(files.stamp)).toBeUndefined();
    writeFileSync(files.stamp, JSON.stringify({ inputs: 'abc', nextChange: { at: 5 }, outDir: out }));
    expect(readStamp(files.stamp)).toBeUndefined();
    expect(readStamp(join(dir, 'none.json'))).toBeUndefined();
    const next = { at: '2020-11-02T07:00:00.000Z', what: 'an embargoed article is due' };
    writeNextChange(dir, next);
    expect(readNextChange(dir)).toEqual({ next });
    writeNextChange(dir, null);
    expect(readNextChange(dir)).toEqual({ next: null });
    rmSync(files.nextChange);
    expect(readNextChange(dir)).toBeUndefined();
  });
});
