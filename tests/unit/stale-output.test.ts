import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputTree, outputTree, startOutputTree } from '../../src/lib/build/output-files';
import { removeEmptyParents, staleFiles } from '../../src/lib/build/stale-output';

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

describe('the output tree and the folders pruning empties', () => {
  const make = (root: string, files: string[]) => {
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), file);
    }
  };
  const rel = (root: string, tree: OutputTree) =>
    tree
      .list()
      .map((f) => relative(root, f.path))
      .sort();

  it('is walked once, then follows what the steps report', () => {
    const root = mkdtempSync(join(tmpdir(), 'tree-'));
    try {
      make(root, ['a/index.html', 'b/index.html', 'pagefind/2020/x.pf_fragment']);
      const tree = new OutputTree(root);
      expect(rel(root, tree)).toEqual(['a/index.html', 'b/index.html', 'pagefind/2020/x.pf_fragment']);
      expect(tree.list().find((f) => f.path.endsWith('a/index.html'))?.size).toBe('a/index.html'.length);
      // Not walked again: a file nobody reported stays unseen, one reported is seen.
      make(root, ['c/index.html', 'a/index.html.gz']);
      tree.written(join(root, 'a/index.html.gz'));
      rmSync(join(root, 'b/index.html'));
      tree.removed(join(root, 'b/index.html'));
      expect(rel(root, tree)).toEqual(['a/index.html', 'a/index.html.gz', 'pagefind/2020/x.pf_fragment']);
      // A folder rewritten by another tool is walked again, and only it.
      rmSync(join(root, 'pagefind'), { recursive: true });
      make(root, ['pagefind/2021/y.pf_fragment']);
      tree.rewalk(join(root, 'pagefind'));
      expect(rel(root, tree)).toEqual(['a/index.html', 'a/index.html.gz', 'pagefind/2021/y.pf_fragment']);
      // Entries of a folder, by name: a shard replaced, one removed, a list file rewritten; the
      // other shards (and a file added unreported beside them) are not looked at.
      make(root, [
        'pagefind/2022/z.pf_fragment',
        'pagefind/2022/z.pf_fragment.gz',
        'pagefind/2023/w.pf_fragment',
      ]);
      tree.rewalkEntries(join(root, 'pagefind'), ['2022']);
      make(root, [
        'pagefind/2022-01/n.pf_fragment',
        'pagefind/indexes.json',
        'pagefind/2023/unseen.pf_fragment',
      ]);
      rmSync(join(root, 'pagefind/2022'), { recursive: true });
      rmSync(join(root, 'pagefind/2021'), { recursive: true });
      tree.rewalkEntries(join(root, 'pagefind'), ['2022', '2022-01', '2021', 'indexes.json']);
      expect(rel(root, tree)).toEqual([
        'a/index.html',
        'a/index.html.gz',
        'pagefind/2022-01/n.pf_fragment',
        'pagefind/indexes.json',
      ]);
      // One tree per build: a new build walks afresh.
      expect(outputTree(root)).toBe(outputTree(root));
      const first = outputTree(root);
      startOutputTree();
      expect(outputTree(root)).not.toBe(first);
      expect(rel(root, outputTree(root))).toContain('c/index.html');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('removes the folders removed files leave empty, up to the root, and no other', () => {
    const root = mkdtempSync(join(tmpdir(), 'prune-'));
    try {
      make(root, [
        '2020/10/10/a/index.html',
        '2020/10/10/b/index.html',
        '2020/10/11/c/index.html',
        'd/index.html',
      ]);
      mkdirSync(join(root, 'tom'));
      const removed = ['2020/10/10/a/index.html', '2020/10/10/b/index.html', 'd/index.html'].map((f) =>
        join(root, f),
      );
      for (const path of removed) rmSync(path);
      removeEmptyParents(`${root}/`, removed);
      expect(existsSync(join(root, '2020/10/10'))).toBe(false);
      expect(existsSync(join(root, '2020/10/11/c/index.html'))).toBe(true);
      expect(existsSync(join(root, 'd'))).toBe(false);
      // An empty folder no removed file was in is not this step's business.
      expect(existsSync(join(root, 'tom'))).toBe(true);
      expect(existsSync(root)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
