import { describe, expect, it } from 'vitest';
import { authorKind, bylineAuthors, bylineParts } from '../../src/lib/archive/bylines';
import { articleTopics, topicSlug } from '../../src/lib/archive/topics';

describe('bylines', () => {
  it('name each person and the agency, and give the byline back as written', () => {
    const byline = 'Ola Nordmann og Kari Nordmann, NTB';
    expect(bylineAuthors(byline)).toEqual([
      { name: 'Ola Nordmann', slug: 'ola-nordmann', kind: 'person' },
      { name: 'Kari Nordmann', slug: 'kari-nordmann', kind: 'person' },
      { name: 'NTB', slug: 'ntb', kind: 'organization' },
    ]);
    expect(
      bylineParts(byline)
        .map((p) => p.text)
        .join(''),
    ).toBe(byline);
    expect(
      bylineParts(byline)
        .filter((p) => !p.author)
        .map((p) => p.text),
    ).toEqual([' og ', ', ']);
  });

  it('tell agencies from people by capitals or the agency list', () => {
    expect(authorKind('NTB')).toBe('organization');
    expect(authorKind('AFP')).toBe('organization');
    expect(authorKind('Reuters')).toBe('organization');
    expect(authorKind('Åse Ødegård')).toBe('person');
  });

  it('follow the ASCII rule in slugs and list each author once', () => {
    expect(bylineAuthors('Åse Ødegård & Bjørn Æsøy / ANB, Åse Ødegård').map((a) => a.slug)).toEqual([
      'ase-odegard',
      'bjorn-aesoy',
      'anb',
    ]);
    expect(bylineAuthors(undefined)).toEqual([]);
    expect(bylineAuthors('–')).toEqual([]);
  });
});

describe('topics', () => {
  it('share one slug for tags that differ in case or accents', () => {
    expect(topicSlug('Nagorno-Karabakh')).toBe(topicSlug('nagorno karabakh'));
    expect(topicSlug('Økonomi')).toBe('okonomi');
    expect(topicSlug('!!!')).toBe('');
  });

  it('list an article’s topics once each, in the order written', () => {
    expect(articleTopics(['Russland', 'Nagorno-Karabakh', 'russland', '???'])).toEqual([
      { name: 'Russland', slug: 'russland' },
      { name: 'Nagorno-Karabakh', slug: 'nagorno-karabakh' },
    ]);
  });
});
