// Issue 26: the IPTC wire formats read into one shape, and the mapping to an article.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWireFile } from '../../src/lib/editor/wire-formats';
import { WireFormatError, type WireItem } from '../../src/lib/editor/wire-item';
import { parseWireCategories, wireToArticle } from '../../src/lib/editor/wire-article';
import { wireHtmlToMarkdown } from '../../src/lib/editor/wire-markdown';
import { importWireFile } from '../../src/lib/editor/wire-import';

const DIR = 'tests/fixtures/wire-iptc';
const fixture = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');
const item = (name: string): WireItem => {
  const file = readWireFile(fixture(name));
  if (file.kind !== 'iptc') throw new Error(`${name} is not IPTC`);
  return file.item;
};
const SLUGS = ['innenriks', 'utenriks', 'politikk', 'okonomi', 'sport'];
const categories = parseWireCategories(fixture('wire-categories.yaml'), 'wire-categories.yaml', SLUGS);
const article = (name: string) => wireToArticle(item(name), categories, 'content/wire-categories.yaml');

describe('reading the formats', () => {
  it('tells each format by its content', () => {
    expect(item('ntb-v1.json').format).toBe('ninjs 2');
    expect(item('ninjs3-embargo.json').format).toBe('ninjs 3');
    expect(item('ninjs1-script.json').format).toBe('ninjs 1');
    expect(item('newsml-nitf.xml').format).toBe('NewsML-G2');
    expect(readWireFile('date 2020-10-10 NTB utenriks\n\nTekst.').kind).toBe('ntb-text');
  });

  it('reads ninjs 2: id, version, times, status, texts, subjects, places and the picture', () => {
    expect(item('ntb-v1.json')).toEqual({
      format: 'ninjs 2',
      id: 'urn:ntb:20201010:karabakh-vapenhvile',
      version: 1,
      firstCreated: new Date('2020-10-10T08:40:00Z'),
      versionCreated: new Date('2020-10-10T08:40:00Z'),
      embargoedUntil: undefined,
      pubStatus: 'usable',
      headline: 'Våpenhvile i Nagorno-Karabakh trer i kraft',
      lede: 'Armenia og Aserbajdsjan er enige om en våpenhvile fra lørdag.',
      byline: 'NTB',
      dateline: 'MOSKVA',
      language: 'nb-NO',
      subjects: ['Utenriks', 'Krig og konflikter'],
      places: ['Aserbajdsjan', 'Armenia'],
      bodyHtml: expect.stringContaining('<h2>Samtaler i Moskva</h2>') as string,
      pictures: [
        {
          href: 'lavrov.jpg',
          caption: 'Sergej Lavrov ledet samtalene.',
          credit: 'Foto: Ola Nordmann / NTB',
          alt: 'Sergej Lavrov ved et bord',
        },
      ],
    });
  });

  it('reads ninjs 3 (camelCase) with its embargo, and a kill', () => {
    const embargoed = item('ninjs3-embargo.json');
    expect(embargoed.embargoedUntil).toEqual(new Date('2020-10-12T06:00:00Z'));
    expect(embargoed.language).toBe('nn');
    expect(item('ntb-v3-kill.json').pubStatus).toBe('canceled');
    expect(item('withheld.json').pubStatus).toBe('withheld');
  });

  it('reads NewsML-G2 with NITF: guid, version, status, meta and the media reference', () => {
    const g2 = item('newsml-nitf.xml');
    expect(g2).toMatchObject({
      id: 'urn:newsml:ntb.no:20201012:100234',
      version: 1,
      pubStatus: 'usable',
      headline: 'Ny bro over Otra åpner før jul',
      lede: 'Den nye brua over Otra i Kristiansand åpner for trafikk i desember.',
      byline: 'Kari Nordmann, NTB',
      dateline: 'KRISTIANSAND',
      language: 'nb-NO',
      subjects: ['Innenriks', 'Transport'],
      places: ['Agder'],
    });
    expect(g2.pictures).toEqual([
      {
        href: 'otra-bro.jpg',
        caption: 'Brua skal åpne før jul.',
        credit: 'Foto: Ola Nordmann / NTB',
        alt: 'Den nye brua over Otra',
      },
    ]);
  });

  it('names what is broken', () => {
    expect(() => readWireFile(fixture('broken.json'))).toThrow(/^The file is broken JSON: /);
    expect(() => readWireFile(fixture('broken.xml'))).toThrow(/^The XML is broken at line \d+, column \d+/);
    expect(() => readWireFile('<rss><channel/></rss>')).toThrow('not NewsML-G2');
    expect(() => readWireFile('{"headlines": []}')).toThrow('has no "uri"');
    expect(() => readWireFile('{"uri": "x", "pubstatus": "deleted"}')).toThrow(
      'Unknown publishing status "deleted"',
    );
    expect(() => readWireFile('{"uri": "x", "versioncreated": "10.10.2020"}')).toThrow(WireFormatError);
  });
});

describe('the article a story becomes', () => {
  it('maps every field', () => {
    expect(article('ntb-v1.json')).toEqual({
      wire: { id: 'urn:ntb:20201010:karabakh-vapenhvile', version: 1 },
      action: 'publish',
      title: 'Våpenhvile i Nagorno-Karabakh trer i kraft',
      date: new Date('2020-10-10T08:40:00Z'),
      updated: undefined,
      category: 'utenriks',
      lede: 'Armenia og Aserbajdsjan er enige om en våpenhvile fra lørdag.',
      byline: 'NTB',
      dateline: 'MOSKVA',
      lang: 'nb',
      tags: ['Krig og konflikter', 'Aserbajdsjan', 'Armenia'],
      body: 'Våpenhvilen skal gjøre det mulig å utveksle fanger og falne, opplyste Russlands utenriksminister Sergej Lavrov.\n\n## Samtaler i Moskva\n\nSamtalene varte i over ti timer.',
      picture: {
        href: 'lavrov.jpg',
        caption: 'Sergej Lavrov ledet samtalene.',
        credit: 'Foto: Ola Nordmann / NTB',
        alt: 'Sergej Lavrov ved et bord',
      },
    });
  });

  it('keeps the first publication time and takes a later version’s as updated', () => {
    const v2 = article('ntb-v2.json');
    expect(v2.date).toEqual(new Date('2020-10-10T08:40:00Z'));
    expect(v2.updated).toEqual(new Date('2020-10-10T11:15:00Z'));
    expect(v2.wire.version).toBe(2);
  });

  it('publishes an embargoed story at its embargo, and holds a withheld one as a draft', () => {
    const embargoed = article('ninjs3-embargo.json');
    expect(embargoed.date).toEqual(new Date('2020-10-12T06:00:00Z'));
    expect(embargoed).toMatchObject({ lang: 'nn', byline: 'Kari Nordmann', category: 'politikk' });
    expect(article('withheld.json').action).toBe('draft');
    expect(article('ntb-v3-kill.json').action).toBe('kill');
  });

  it('leaves no script, handler or javascript: link in the text, and keeps real links', () => {
    const { body } = article('ninjs1-script.json');
    expect(body).toBe('Avsnitt med lenke og [ekte lenke](https://www.ntb.no/).\n\nSiste avsnitt.');
    const g2 = article('newsml-nitf.xml').body;
    expect(g2).toContain('## Bedre for syklister');
    expect(g2).toContain('Brua får egne felt for _syklister_ og gående.');
    expect(g2).not.toMatch(/script|alert|onclick|otra-bro/);
  });

  it('escapes text that Markdown would misread', () => {
    expect(wireHtmlToMarkdown('<p>17. mai</p><p>- sitat</p><p># x</p>')).toBe(
      '17\\. mai\n\n\\- sitat\n\n\\# x',
    );
  });

  it('refuses a story without a headline, without a fitting category, or not in Norwegian', () => {
    expect(() => article('no-headline.json')).toThrow('has no headline');
    expect(() => article('unknown-category.json')).toThrow(
      'No category fits the story\'s subjects ("Hagestell"). Map one in content/wire-categories.yaml, e.g. "Hagestell: innenriks".',
    );
    const english = { ...item('ntb-v1.json'), language: 'en' };
    expect(() => wireToArticle(english, categories, 'x.yaml')).toThrow(
      '"en", not bokmål (nb) or nynorsk (nn)',
    );
    expect(wireToArticle({ ...english, language: 'no' }, categories, 'x.yaml').lang).toBeUndefined();
  });

  it('refuses a mapping to something that is not a category', () => {
    expect(() => parseWireCategories('Innenriks: verden\n', 'w.yaml', SLUGS)).toThrow(
      'w.yaml → Innenriks: "verden" is not a category',
    );
  });
});

describe('importing a file', () => {
  it('reports a remote-only picture and never fetches it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wire-'));
    const doc = JSON.parse(fixture('ntb-v1.json')) as {
      associations: { featuremedia: { renditions: { original: { href: string } } } };
    };
    doc.associations.featuremedia.renditions.original.href = 'https://images.example/lavrov.jpg';
    writeFileSync(join(dir, 'story.json'), JSON.stringify(doc));
    const context = {
      articlesDir: join(dir, 'articles'),
      categories,
      mappingFile: 'w.yaml',
      index: new Map(),
    };
    const result = importWireFile(join(dir, 'story.json'), context);
    expect(result.outcome).toBe('created');
    expect(result.notes).toEqual([
      'The picture https://images.example/lavrov.jpg is remote only: it was not fetched (put the file beside the wire file).',
    ]);
    expect(readFileSync(result.path as string, 'utf8')).not.toContain('image:');
    // The index now knows the story: the same version again changes nothing.
    expect(importWireFile(join(dir, 'story.json'), context).outcome).toBe('unchanged');
  });
});
