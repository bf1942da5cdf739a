import { describe, expect, it } from 'vitest';
import { headerNoon, isSubheading, parseWire, wireToMarkdown } from '../../src/lib/editor/wire';

describe('isSubheading', () => {
  it('takes short standalone lines without closing punctuation', () => {
    for (const line of [
      'Fredssamtaler i Moskva',
      '– Siste mulighet',
      'Stormakter involvert',
      'Kritikk fra opposisjonen',
    ]) {
      expect(isSubheading(line), line).toBe(true);
    }
  });

  it('leaves sentences, quotes and long lines as paragraphs', () => {
    for (const line of [
      'Videre het det at de aserbajdsjanske styrkene hadde iverksatt gjengjeldelse.',
      '– Vi er klare, sier han.',
      'Hva skjer nå?',
      'Dette er en lang linje uten punktum som likevel har altfor mange ord til å være en mellomtittel',
      'Han sa «nei»',
      'To linjer\nmed linjeskift',
    ]) {
      expect(isSubheading(line), line).toBe(false);
    }
  });
});

describe('parseWire', () => {
  it('reads the header with and without a day', () => {
    expect(parseWire('date 2020-10 NTB utenriks\n\nTekst.').header).toEqual({
      year: 2020,
      month: 10,
      day: undefined,
      agency: 'NTB',
      category: 'utenriks',
    });
    const withDay = parseWire('\uFEFF date 2021-05-17 NTB innenriks\r\n\r\nTekst.').header;
    expect(withDay).toMatchObject({ year: 2021, month: 5, day: 17, category: 'innenriks' });
    expect(headerNoon(withDay)?.toISOString()).toBe('2021-05-17T10:00:00.000Z');
    expect(headerNoon(parseWire('date 2020-10 NTB utenriks\n\nTekst.').header)).toBeUndefined();
  });

  it('refuses a text without the header or without paragraphs', () => {
    expect(() => parseWire('Oslo (NTB): Tekst.')).toThrow(/first line must be the wire header/);
    expect(() => parseWire('date 2020-10-10 NTB sport\n\n')).toThrow(/no paragraphs/);
  });

  it('joins wrapped lines and classifies blocks', () => {
    const wire = parseWire(
      [
        'date 2022-03-01 NTB politikk',
        '',
        'Stortinget vedtok budsjettet',
        'etter en lang natt.',
        '',
        'Enighet i natt',
        '',
        '- Dette er en god dag, sier lederen.',
        '',
        '17. mai blir det fest.',
      ].join('\n'),
    );
    expect(wire.blocks).toEqual([
      { kind: 'paragraph', text: 'Stortinget vedtok budsjettet etter en lang natt.' },
      { kind: 'subheading', text: 'Enighet i natt' },
      { kind: 'paragraph', text: '- Dette er en god dag, sier lederen.' },
      { kind: 'paragraph', text: '17. mai blir det fest.' },
    ]);
    expect(wireToMarkdown(wire.blocks)).toBe(
      [
        'Stortinget vedtok budsjettet etter en lang natt.',
        '## Enighet i natt',
        '– Dette er en god dag, sier lederen.',
        '17\\. mai blir det fest.',
      ].join('\n\n'),
    );
  });
});
