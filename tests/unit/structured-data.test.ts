import { describe, expect, it } from 'vitest';
import { articleOpenGraph, jsonLd, newsArticleLd } from '../../src/lib/distribution/structured-data';
import { makeArticle } from '../helpers/articles';

const category = { slug: 'utenriks', name: 'Utenriks', description: '' };
const photo = {
  key: 'a#lead',
  width: 3000,
  height: 2000,
  format: 'jpeg' as const,
  digest: 'x',
  alt: 'Lavrov ved et bord',
  caption: 'Lavrov ledet samtalene.',
  credit: 'Foto: NTB',
};

describe('NewsArticle images', () => {
  it('lists each crop as an ImageObject with its size, caption and credit', () => {
    const article = { ...makeArticle('a', '2020-10-10T10:40:00+02:00'), image: photo };
    const crops = [
      { url: 'https://x.no/a-169.jpg', width: 1200, height: 675 },
      { url: 'https://x.no/a-43.jpg', width: 1200, height: 900 },
      { url: 'https://x.no/a-11.jpg', width: 1200, height: 1200 },
    ];
    expect(newsArticleLd(article, category, { images: crops }).image).toEqual(
      crops.map((c) => ({
        '@type': 'ImageObject',
        ...c,
        caption: 'Lavrov ledet samtalene.',
        creditText: 'Foto: NTB',
      })),
    );
    expect(newsArticleLd(makeArticle('b', '2020-10-10T10:40:00+02:00'), category)).not.toHaveProperty(
      'image',
    );
  });

  it('gives link previews the card with the photo’s alt text', () => {
    const article = { ...makeArticle('a', '2020-10-10T10:40:00+02:00'), image: photo };
    const card = { url: 'https://x.no/a.jpg', width: 1200, height: 630, type: 'image/jpeg' };
    expect(articleOpenGraph(article, category, card).image).toEqual({ ...card, alt: 'Lavrov ved et bord' });
  });
});

describe('jsonLd', () => {
  it('cannot be ended by a value and parses back to the same value', () => {
    const value = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = jsonLd(value);
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
