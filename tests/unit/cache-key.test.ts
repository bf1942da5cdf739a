import { describe, expect, it } from 'vitest';
import { pageKeys, shareInKeys } from '../../src/lib/build/cache-key';
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

  it('keys a shared record by its hash: the same keys as in full, changing when any field does', () => {
    const a = makeArticle('s1', '2020-10-10T10:40:00+02:00');
    const b = makeArticle('s2', '2020-10-11T10:40:00+02:00');
    const plain = { page: { article: a, related: [b] }, body: 'd' };
    const before = key(plain);
    shareInKeys([a, b]);
    const shared = key(plain);
    expect(key(plain)).toBe(shared);
    // A copy with the same fields that is not shared is serialised in full: another key.
    expect(key({ page: { article: structuredClone(a), related: [b] }, body: 'd' })).not.toBe(shared);
    expect(before).not.toBe(shared);
    // A changed record (a new object, as every build makes) changes every key that holds it.
    const retitled = { ...b, title: 'Ny tittel' };
    shareInKeys([retitled]);
    expect(key({ page: { article: a, related: [retitled] }, body: 'd' })).not.toBe(shared);
    const same = { ...b };
    shareInKeys([same]);
    expect(key({ page: { article: a, related: [same] }, body: 'd' })).toBe(shared);
  });
});
