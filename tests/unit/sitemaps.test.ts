import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive/archive';
import { listingPages } from '../../src/lib/archive/routes';
import { compareNewestFirst, type Article } from '../../src/lib/content/articles';
import type { Category } from '../../src/lib/content/categories';
import {
  newsSitemapLeaves,
  recentArticles,
  sitemapIndexXml,
  sitemapParts,
  UNDATED_SITEMAP,
  urlsetXml,
} from '../../src/lib/distribution/sitemaps';
import { makeArticle } from '../helpers/articles';

describe('recentArticles', () => {
  it('takes the articles of the last 48 hours, not the future ones', () => {
    const now = new Date('2020-10-12T12:00:00+02:00');
    const newestFirst = [
      makeArticle('future', '2020-10-12T13:00:00+02:00'),
      makeArticle('now', '2020-10-12T12:00:00+02:00'),
      makeArticle('edge', '2020-10-10T12:00:00+02:00'),
      makeArticle('old', '2020-10-10T11:59:00+02:00'),
    ];
    expect(recentArticles(newestFirst, now).map((a) => a.id)).toEqual(['now', 'edge']);
  });

  it('says when the oldest of them leaves the window: the first moment it would not be listed', () => {
    const now = new Date('2020-10-12T12:00:00+02:00');
    const newestFirst = [
      makeArticle('now', '2020-10-12T12:00:00+02:00'),
      makeArticle('edge', '2020-10-10T12:30:00+02:00'),
      makeArticle('old', '2020-10-09T11:59:00+02:00'),
    ];
    const leaves = newsSitemapLeaves(newestFirst, now);
    expect(leaves?.toISOString()).toBe('2020-10-12T10:30:00.001Z');
    expect(recentArticles(newestFirst, new Date((leaves?.getTime() ?? 0) - 1)).map((a) => a.id)).toContain(
      'edge',
    );
    expect(recentArticles(newestFirst, leaves ?? now).map((a) => a.id)).toEqual(['now']);
    expect(newsSitemapLeaves(newestFirst.slice(2), now)).toBeUndefined();
  });
});

describe('sitemaps by period', () => {
  const categories: Category[] = [
    { slug: 'innenriks', name: 'Innenriks', description: '' },
    { slug: 'utenriks', name: 'Utenriks', description: '' },
  ];
  const october = Array.from({ length: 3 }, (_, i) =>
    makeArticle(`u${i}`, `2020-10-1${i}T12:00:00+02:00`, { tags: ['krig'] }),
  );
  // 00:30 in Oslo on 1 November is still 31 October in UTC: it belongs to November.
  const november = makeArticle('n', '2020-11-01T00:30:00+01:00', {
    category: 'innenriks',
    updated: new Date('2020-11-02T09:00:00Z'),
  });
  const archive = (list: Article[]) => buildArchive([...list].sort(compareNewestFirst));
  const parts = (list: Article[]) => {
    const a = archive(list);
    return sitemapParts(a, listingPages(a, categories, 2));
  };

  it('puts each page in its Oslo month, and the undated pages first', () => {
    const result = parts([...october, november]);
    expect([...result.keys()]).toEqual([UNDATED_SITEMAP, '2020-10', '2020-11']);
    const nov = result.get('2020-11')?.map((u) => u.path);
    expect(nov).toEqual(
      expect.arrayContaining(['/2020/11/', '/2020/11/01/', november.path, '/innenriks/2020/11/']),
    );
    expect(nov?.every((path) => !path.includes('/2020/10/'))).toBe(true);
    expect(result.get('2020-11')?.find((u) => u.path === november.path)?.lastmod).toBe(
      '2020-11-02T10:00:00+01:00',
    );
    const undated = result.get(UNDATED_SITEMAP)?.map((u) => u.path);
    expect(undated).toEqual(
      expect.arrayContaining(['/', '/sok/', '/2020/', '/utenriks/', '/tema/krig/', '/tema/']),
    );
    // Every page once.
    const all = [...result.values()].flat().map((u) => u.path);
    expect(new Set(all).size).toBe(all.length);
  });

  it('leaves an older month byte for byte as it was when a story is published', () => {
    const before = parts(october);
    const after = parts([...october, november]);
    expect(urlsetXml(after.get('2020-10') ?? [])).toBe(urlsetXml(before.get('2020-10') ?? []));
    expect(before.has('2020-11')).toBe(false);
    expect(after.get('2020-11')?.length).toBeGreaterThan(3);
  });

  it('writes valid sitemap XML with escaped, absolute URLs and the index with each month’s last change', () => {
    const xml = urlsetXml([{ path: '/a&b/', lastmod: '2020-10-10T10:40:00+02:00' }, { path: '/' }]);
    expect(xml).toContain(
      '<loc>http://localhost:4321/a&amp;b/</loc><lastmod>2020-10-10T10:40:00+02:00</lastmod>',
    );
    expect(xml).toContain('<url><loc>http://localhost:4321/</loc></url>');
    const index = sitemapIndexXml(parts([...october, november]));
    expect(index).toContain(
      '<sitemap><loc>http://localhost:4321/sitemaps/2020-11.xml</loc><lastmod>2020-11-02T10:00:00+01:00</lastmod></sitemap>',
    );
    expect(index).toContain('<sitemap><loc>http://localhost:4321/sitemaps/sider.xml</loc></sitemap>');
    expect(index).toContain('<sitemap><loc>http://localhost:4321/news-sitemap.xml</loc></sitemap>');
  });
});
