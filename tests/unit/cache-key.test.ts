import { describe, expect, it } from 'vitest';
import { pageKeys } from '../../src/lib/build/cache-key';
import { makeArticle } from '../helpers/articles';

const categories = [{ slug: 'utenriks', name: 'Utenriks', description: '' }];

describe('pageKeys', () => {
  const key = pageKeys(categories);
  const article = makeArticle('a', '2020-10-10T10:40:00+02:00');

  it('is stable for the same data', () => {
    expect(pageKeys(structuredClone(categories))({ article: structuredClone(article) })).toBe(
      key({ article }),
    );
  });

  it('changes with any field the page shows', () => {
    const base = key({ article, body: 'digest-1' });
    expect(key({ article: { ...article, title: 'Ny tittel' }, body: 'digest-1' })).not.toBe(base);
    expect(
      key({ article: { ...article, date: new Date('2020-10-10T10:41:00+02:00') }, body: 'digest-1' }),
    ).not.toBe(base);
    expect(key({ article, body: 'digest-2' })).not.toBe(base);
    expect(key({ article, body: 'digest-1', related: [article] })).not.toBe(base);
  });

  it('changes for every page when the category list changes', () => {
    const renamed = pageKeys([{ ...categories[0], name: 'Verden' }]);
    expect(renamed({ article })).not.toBe(key({ article }));
  });
});
