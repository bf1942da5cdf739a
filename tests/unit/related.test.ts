import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../src/lib/content/articles';
import { relatedArticles } from '../../src/lib/archive/related';
import { makeArticle } from '../helpers/articles';

describe('relatedArticles', () => {
  const articles = [
    makeArticle('a', '2020-10-10T10:00', { tags: ['Armenia', 'Aserbajdsjan'] }),
    makeArticle('b', '2020-10-11T10:00', { tags: ['armenia', 'Aserbajdsjan'] }),
    makeArticle('c', '2020-10-12T10:00', { tags: ['Armenia'], category: 'innenriks' }),
    makeArticle('d', '2020-10-09T10:00', { tags: ['Armenia'] }),
    makeArticle('e', '2020-10-13T10:00', { tags: ['Sport'] }),
    makeArticle('f', '2020-10-14T10:00', { tags: [] }),
  ].sort(compareNewestFirst);
  const related = relatedArticles(articles);
  const ids = (id: string) => related.get(id)?.map((a) => a.id);

  it('ranks by shared tags (case-insensitive), then same category, then nearness in time', () => {
    expect(ids('a')).toEqual(['b', 'd', 'c']);
  });

  it('gives nothing to articles without shared tags', () => {
    expect(ids('e')).toEqual([]);
    expect(ids('f')).toEqual([]);
  });

  it('looks only at nearby articles in a huge tag (which keeps it linear)', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      makeArticle(`n${i}`, new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(), { tags: ['Norge'] }),
    ).sort(compareNewestFirst);
    const result = relatedArticles(many);
    const [first, second, third] = result.get('n1000')?.map((a) => a.id) ?? [];
    expect([first, second].sort()).toEqual(['n1001', 'n999']);
    expect(['n1002', 'n998']).toContain(third);
    // The oldest article only sees the window after it in the tag's list, never the far end.
    expect(result.get('n0')?.every((a) => Number(a.id.slice(1)) <= 12)).toBe(true);
  });
});
