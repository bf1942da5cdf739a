import { describe, expect, it } from 'vitest';
import { compareNewestFirst, isPublished } from '../../src/lib/content/articles';
import { makeArticle } from '../helpers/articles';

const now = new Date('2020-10-11T08:00:00+02:00');

describe('isPublished', () => {
  it('publishes an article dated before now', () => {
    expect(isPublished(makeArticle('a', '2020-10-10T10:40:00+02:00'), now)).toBe(true);
  });

  it('publishes an article dated exactly now', () => {
    expect(isPublished(makeArticle('a', '2020-10-11T08:00:00+02:00'), now)).toBe(true);
  });

  it('never publishes a killed story, not even in the dev server', () => {
    const killed = makeArticle('a', '2020-10-10T10:40:00+02:00', {
      killed: { at: new Date('2020-10-10T15:00:00+02:00'), reason: 'Saken trekkes.' },
    });
    expect(killed.killed).toEqual({ at: new Date('2020-10-10T15:00:00+02:00'), reason: 'Saken trekkes.' });
    expect(isPublished(killed, now)).toBe(false);
    expect(isPublished(killed, now, { includeDrafts: true })).toBe(false);
  });

  it('holds back an embargoed article until its time', () => {
    const future = makeArticle('a', '2020-10-11T08:00:01+02:00');
    expect(isPublished(future, now)).toBe(false);
    expect(isPublished(future, now, { includeDrafts: true })).toBe(false);
  });

  it('never publishes a draft in a build; the dev server may show it', () => {
    const draft = makeArticle('a', '2020-10-10T10:40:00+02:00', { draft: true });
    expect(isPublished(draft, now)).toBe(false);
    expect(isPublished(draft, now, { includeDrafts: true })).toBe(true);
  });
});

describe('toArticle', () => {
  it('builds the URL from the Oslo date and the slugged title', () => {
    const a = makeArticle('x', '2020-10-09T22:15:00Z', { title: 'Økende spenning før møtet i Ålesund' });
    expect(a.path).toBe('/2020/10/10/okende-spenning-for-motet-i-alesund/');
  });

  it('prefers a slug override and an explicit lede', () => {
    const a = makeArticle('x', '2020-10-10T10:40:00+02:00', { slug: 'egen-adresse', lede: 'Ingress.' });
    expect(a.path).toBe('/2020/10/10/egen-adresse/');
    expect(a.lede).toBe('Ingress.');
    expect(a.summary).toBe('Ingress.');
  });

  it('falls back to the first paragraph for the summary, not for the lede', () => {
    const a = makeArticle('x', '2020-10-10T10:40:00+02:00');
    expect(a.lede).toBeUndefined();
    expect(a.summary).toBe('Første avsnitt i x.');
  });
});

describe('ordering', () => {
  it('sorts newest first, stable on ties', () => {
    const list = [
      makeArticle('b', '2020-10-10T10:00:00+02:00', { title: 'B' }),
      makeArticle('c', '2020-10-11T10:00:00+02:00', { title: 'C' }),
      makeArticle('a', '2020-10-10T10:00:00+02:00', { title: 'A' }),
    ];
    expect(list.sort(compareNewestFirst).map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });
});
