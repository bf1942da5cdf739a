import { describe, expect, it } from 'vitest';
import { recentArticles } from '../../src/lib/distribution/sitemaps';
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
});
