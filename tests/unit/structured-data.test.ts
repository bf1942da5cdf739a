import { describe, expect, it } from 'vitest';
import {
  articleOpenGraph,
  jsonLd,
  newsArticleLd,
  organizationId,
  organizationLd,
} from '../../src/lib/distribution/structured-data';
import type { Publication } from '../../src/lib/content/publication';
import { makeArticle } from '../helpers/articles';

const publication: Publication = {
  name: 'Testavisa',
  language: 'nb',
  responsibleEditor: 'Kari Nordmann',
  newsEditor: 'Ola Nordmann',
  owner: 'Testavisa AS',
  address: 'Postboks 1, 0101 Oslo',
  email: 'red@testavisa.no',
  phone: '+47 22 00 00 00',
  logo: '/logo.svg',
  codes: ['vaer-varsom', 'pfu'],
};

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
    expect(newsArticleLd(article, category, { images: crops, publication }).image).toEqual(
      crops.map((c) => ({
        '@type': 'ImageObject',
        ...c,
        caption: 'Lavrov ledet samtalene.',
        creditText: 'Foto: NTB',
      })),
    );
    expect(
      newsArticleLd(makeArticle('b', '2020-10-10T10:40:00+02:00'), category, { publication }),
    ).not.toHaveProperty('image');
  });

  it('gives link previews the card with the photo’s alt text', () => {
    const article = { ...makeArticle('a', '2020-10-10T10:40:00+02:00'), image: photo };
    const card = { url: 'https://x.no/a.jpg', width: 1200, height: 630, type: 'image/jpeg' };
    expect(articleOpenGraph(article, category, card).image).toEqual({ ...card, alt: 'Lavrov ved et bord' });
  });
});

describe('article types and corrections', () => {
  const at = (type: Parameters<typeof makeArticle>[2]) => makeArticle('a', '2020-10-10T10:40:00+02:00', type);

  it.each([
    ['nyhet', 'NewsArticle'],
    ['kommentar', 'OpinionNewsArticle'],
    ['leder', 'OpinionNewsArticle'],
    ['debatt', 'OpinionNewsArticle'],
    ['analyse', 'AnalysisNewsArticle'],
    ['anmeldelse', 'ReviewNewsArticle'],
    ['reportasje', 'ReportageNewsArticle'],
    ['intervju', 'NewsArticle'],
  ] as const)('types a %s as %s', (type, schemaType) => {
    expect(newsArticleLd(at({ type }), category, { publication })['@type']).toBe(schemaType);
  });

  it('lists corrections as CorrectionComment and moves dateModified to the newest', () => {
    const article = at({
      corrections: [
        { date: new Date('2020-10-11T07:15:00Z'), text: 'Feil *navn* rettet.' },
        { date: new Date('2020-10-12T08:00:00Z'), text: 'Feil tall.' },
      ],
    });
    const ld = newsArticleLd(article, category, { publication });
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'Feil tall.', datePublished: '2020-10-12T10:00:00+02:00' },
      { '@type': 'CorrectionComment', text: 'Feil navn rettet.', datePublished: '2020-10-11T09:15:00+02:00' },
    ]);
    expect(ld.dateModified).toBe('2020-10-12T10:00:00+02:00');
    expect(newsArticleLd(at({}), category, { publication })).not.toHaveProperty('correction');
  });

  it('points the publisher at the organisation, which names its policies and contacts', () => {
    const ld = newsArticleLd(at({}), category, { publication });
    expect(ld.publisher).toMatchObject({ '@id': organizationId(), name: 'Testavisa' });
    const org = organizationLd(publication);
    expect(org).toMatchObject({
      '@type': 'NewsMediaOrganization',
      '@id': organizationId(),
      name: 'Testavisa',
      ethicsPolicy: 'https://presse.no/pfu/etiske-regler/vaer-varsom-plakaten/',
      contactPoint: { '@type': 'ContactPoint', email: 'red@testavisa.no', telephone: '+47 22 00 00 00' },
      parentOrganization: { name: 'Testavisa AS' },
    });
    for (const policy of [
      'correctionsPolicy',
      'masthead',
      'ownershipFundingInfo',
      'publishingPrinciples',
    ] as const) {
      expect(org[policy]).toMatch(/\/om\/#[a-z]+$/);
    }
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
