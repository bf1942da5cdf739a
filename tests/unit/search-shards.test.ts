import { describe, expect, it } from 'vitest';
import {
  groupByShard,
  isArticlePagePath,
  isIndexedPage,
  shardGlob,
  shardKey,
  shardList,
  shardOf,
  shardPagesSetting,
  DEFAULT_SHARD_PAGES,
} from '../../src/lib/distribution/search-shards';

const page = (path: string, size = 100, mtimeMs = 1) => ({ path, size, mtimeMs });

describe('search index shards', () => {
  const pages = [
    page('2020/10/10/b/index.html'),
    page('2019/12/30/a/index.html'),
    page('2020/01/02/a/index.html'),
    page('2024/03/01/c/index.html'),
  ];

  it('puts each article page in the index of its year, newest year first', () => {
    const groups = groupByShard(pages);
    expect([...groups.keys()]).toEqual(['2024', '2020', '2019']);
    expect(groups.get('2020')?.map((p) => p.path)).toEqual([
      '2020/01/02/a/index.html',
      '2020/10/10/b/index.html',
    ]);
    expect(shardList(groups.keys())).toEqual(['2024/', '2020/', '2019/']);
  });

  it('splits a year with more pages than a shard holds by month, and only that year', () => {
    const big = [
      page('2024/03/01/c/index.html'),
      page('2024/03/09/d/index.html'),
      page('2024/11/30/e/index.html'),
      page('2020/10/10/b/index.html'),
      page('2020/01/02/a/index.html'),
    ];
    const groups = groupByShard(big, 2);
    expect([...groups.keys()]).toEqual(['2024-11', '2024-03', '2020']);
    expect(groups.get('2024-03')?.map((p) => p.path)).toEqual([
      '2024/03/01/c/index.html',
      '2024/03/09/d/index.html',
    ]);
    expect(shardList(groups.keys())).toEqual(['2024-11/', '2024-03/', '2020/']);
    // At the limit a year stays whole.
    expect([...groupByShard(big, 3).keys()]).toEqual(['2024', '2020']);
    expect([...groupByShard(big).keys()]).toEqual(['2024', '2020']);
  });

  it('gives Pagefind the pages of a shard as a glob of its folder', () => {
    expect(shardGlob('2024')).toBe('2024/**/*.html');
    expect(shardGlob('2024-03')).toBe('2024/03/**/*.html');
    expect(shardOf('2024/03/01/c/index.html', true)).toBe('2024-03');
  });

  it('reads SEARCH_SHARD_PAGES as a whole number, or says how to fix it', () => {
    expect(shardPagesSetting(undefined)).toBe(DEFAULT_SHARD_PAGES);
    expect(shardPagesSetting('')).toBe(DEFAULT_SHARD_PAGES);
    expect(shardPagesSetting('500')).toBe(500);
    for (const bad of ['0', '-3', '2.5', 'many']) {
      expect(() => shardPagesSetting(bad), bad).toThrow(/SEARCH_SHARD_PAGES: .* whole number of pages/);
    }
  });

  it('refuses a page outside a year folder', () => {
    expect(() => shardOf('index.html')).toThrow(/index\.html is not inside a year folder/);
  });

  it('changes a year’s key when a page of that year is added, written again, moved or removed', () => {
    const year = groupByShard(pages).get('2020') ?? [];
    const [first, second] = year;
    if (!first || !second) throw new Error('two 2020 pages expected');
    const key = shardKey(year, 'pagefind 1.6.0');
    expect(shardKey(year, 'pagefind 1.6.0')).toBe(key);
    expect(shardKey([...year, page('2020/12/31/d/index.html')], 'pagefind 1.6.0')).not.toBe(key);
    expect(shardKey([first, { ...second, mtimeMs: 2 }], 'pagefind 1.6.0')).not.toBe(key);
    expect(shardKey([first, { ...second, size: 101 }], 'pagefind 1.6.0')).not.toBe(key);
    expect(shardKey([first, { ...second, path: '2020/10/11/b/index.html' }], 'pagefind 1.6.0')).not.toBe(key);
    expect(shardKey(year.slice(1), 'pagefind 1.6.0')).not.toBe(key);
    expect(shardKey(year, 'pagefind 1.7.0')).not.toBe(key);
  });

  it('cannot be fooled by digits moving between size and time', () => {
    expect(shardKey([page('2020/a', 12, 3)], 'x')).not.toBe(shardKey([page('2020/a', 1, 23)], 'x'));
  });

  it('knows article pages by their path: /YYYY/MM/DD/slug/index.html', () => {
    expect(isArticlePagePath('2020/10/10/angrep/index.html')).toBe(true);
    for (const path of [
      '2020/10/10/index.html',
      '2020/10/10/side/2/index.html',
      'utenriks/index.html',
      '2020/index.html',
    ]) {
      expect(isArticlePagePath(path), path).toBe(false);
    }
  });

  it('indexes pages whose markup has data-pagefind-body, not pages that mention it', () => {
    expect(isIndexedPage('<main><article class="article" data-pagefind-body><h1>T</h1>')).toBe(true);
    expect(isIndexedPage('<article data-pagefind-body="">')).toBe(true);
    expect(isIndexedPage('<h2><a href="/2020/x/">Om data-pagefind-body i HTML</a></h2>')).toBe(false);
    expect(isIndexedPage('<p>&lt;div data-pagefind-body&gt;</p>')).toBe(false);
    expect(isIndexedPage('<article data-pagefind-body-x>')).toBe(false);
  });
});
