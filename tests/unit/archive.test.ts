import { describe, expect, it } from 'vitest';
import { buildArchive, paginate } from '../../src/lib/archive/archive';
import { makeArticle } from '../helpers/articles';

const articles = [
  makeArticle('midnight', '2020-10-11T00:30:00+02:00', { category: 'innenriks' }),
  makeArticle('utc-evening', '2020-10-09T22:15:00Z'),
  makeArticle('no-offset', '2020-10-12T23:30:00'),
  makeArticle('new-year', '2021-01-01T00:10:00+01:00', { category: 'sport' }),
  makeArticle('morning', '2020-10-10T10:40:00+02:00'),
];

describe('buildArchive', () => {
  const archive = buildArchive(articles);

  it('sorts all articles newest first', () => {
    expect(archive.articles.map((a) => a.id)).toEqual([
      'new-year',
      'no-offset',
      'midnight',
      'morning',
      'utc-evening',
    ]);
  });

  it('groups by Oslo day, newest day first', () => {
    expect(archive.days.map((d) => [d.key, d.articles.map((a) => a.id)])).toEqual([
      ['2021-01-01', ['new-year']],
      ['2020-10-12', ['no-offset']],
      ['2020-10-11', ['midnight']],
      ['2020-10-10', ['morning', 'utc-evening']],
    ]);
  });

  it('groups days into months and years with counts', () => {
    expect(
      archive.years.map((y) => [
        y.year,
        y.count,
        y.months.map((m) => `${m.month}:${m.count}:${m.days.length}`),
      ]),
    ).toEqual([
      ['2021', 1, ['01:1:1']],
      ['2020', 4, ['10:4:3']],
    ]);
  });

  it('groups by category, newest first', () => {
    expect(archive.byCategory.get('utenriks')?.map((a) => a.id)).toEqual([
      'no-offset',
      'morning',
      'utc-evening',
    ]);
    expect(archive.byCategory.has('kultur')).toBe(false);
  });

  it('finds neighbours within the category', () => {
    expect(archive.neighbours.get('morning')).toEqual({
      newer: archive.articles[1],
      older: archive.articles[4],
    });
    expect(archive.neighbours.get('midnight')).toEqual({ newer: undefined, older: undefined });
  });

  it('does not depend on input order', () => {
    expect(buildArchive([...articles].reverse())).toEqual(archive);
  });
});

describe('paginate', () => {
  it('splits into pages and keeps one empty page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 20)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow();
  });
});
