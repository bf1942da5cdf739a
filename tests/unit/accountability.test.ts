import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTICLE_TYPES, isOpinion, typeLabel, typeName } from '../../src/lib/content/article-types';
import {
  changeTimes,
  correctionDateProblems,
  correctionId,
  lastUpdated,
  renderCorrection,
  renderCorrections,
} from '../../src/lib/content/corrections';
import { parsePublication } from '../../src/lib/content/publication';
import { parseAuthors } from '../../src/lib/content/authors';
import { articleSchema } from '../../src/lib/content/schema';
import { fieldPath } from '../../src/lib/content/errors';

const NOW = new Date('2020-10-12T12:00:00Z');
const schema = articleSchema(['utenriks'], undefined, NOW);
const base = { title: 'Sak', date: '2020-10-10T10:40:00+02:00', category: 'utenriks' };
const messages = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`);
};

describe('article types', () => {
  it('defaults to news, which has no label; every other kind is labelled', () => {
    expect(schema.parse(base).type).toBe('nyhet');
    expect(typeLabel('nyhet')).toBeUndefined();
    expect(typeName('nyhet')).toBe('Nyhet');
    for (const type of ARTICLE_TYPES.filter((t) => t !== 'nyhet')) expect(typeLabel(type)).toMatch(/^[A-Z]/);
    expect(typeLabel('kommentar')).toBe('Kommentar');
    expect(isOpinion('leder')).toBe(true);
    expect(isOpinion('analyse')).toBe(false);
  });

  it('refuses an unknown type, listing the allowed ones', () => {
    expect(messages({ ...base, type: 'kronikk' })).toEqual([
      'type: "type" must be one of: nyhet, kommentar, leder, analyse, debatt, anmeldelse, reportasje, intervju (not "kronikk"). Leave it out for news (nyhet).',
    ]);
  });
});

describe('corrections', () => {
  it('renders inline Markdown, sanitised, and a plain-text twin', () => {
    const c = renderCorrection({
      date: NOW,
      text: 'Vi skrev "Jerevan" [feil](https://x.no/a) <script>alert(1)</script><img src=x onerror=alert(1)> *før*.',
    });
    // Raw HTML is dropped as markup; what was between the tags stays, as text.
    expect(c.html).toBe('<p>Vi skrev «Jerevan» <a href="https://x.no/a">feil</a> alert(1) <em>før</em>.</p>');
    expect(c.text).toBe('Vi skrev «Jerevan» feil alert(1) før.');
    expect(renderCorrection({ date: NOW, text: '[x](javascript:alert(1))' }).html).toBe('<p><a>x</a></p>');
  });

  it('sorts newest first and makes the newest the update time', () => {
    const older = { date: new Date('2020-10-11T07:00:00Z'), text: 'a' };
    const newer = { date: new Date('2020-10-12T07:00:00Z'), text: 'b' };
    expect(renderCorrections([older, newer]).map((c) => c.text)).toEqual(['b', 'a']);
    expect(lastUpdated(undefined, [older, newer])).toEqual(newer.date);
    expect(lastUpdated(new Date('2020-10-13T00:00:00Z'), [older])).toEqual(new Date('2020-10-13T00:00:00Z'));
    expect(lastUpdated(undefined, [])).toBeUndefined();
    expect(correctionId(new Date('2020-10-11T07:15:00Z'))).toBe('rettelse-20201011t0915');
  });

  it('shows "Rettet" with the newest correction, and "Oppdatert" only for a later written update', () => {
    const at = (iso: string) => new Date(iso);
    const corrections = [{ date: at('2020-10-12T07:00:00Z') }, { date: at('2020-10-11T07:00:00Z') }];
    expect(changeTimes({ updated: at('2020-10-12T07:00:00Z'), corrections })).toEqual({
      updated: undefined,
      corrected: at('2020-10-12T07:00:00Z'),
    });
    expect(changeTimes({ updated: at('2020-10-13T07:00:00Z'), corrections })).toEqual({
      updated: at('2020-10-13T07:00:00Z'),
      corrected: at('2020-10-12T07:00:00Z'),
    });
    expect(changeTimes({ updated: at('2020-10-13T07:00:00Z'), corrections: [] })).toEqual({
      updated: at('2020-10-13T07:00:00Z'),
      corrected: undefined,
    });
  });

  it('refuses a correction before publication or in the future, naming the entry', () => {
    expect(
      messages({
        ...base,
        corrections: [
          { date: '2020-10-11T09:00:00+02:00', text: 'God.' },
          { date: '2020-10-09T09:00:00+02:00', text: 'For tidlig.' },
          { date: '2020-10-13T09:00:00+02:00', text: 'For sent.' },
        ],
      }),
    ).toEqual([
      'corrections[2].date: The correction is dated before "date": a correction follows publication. Fix its date.',
      'corrections[3].date: The correction is dated in the future. Date it when it is made (the time it is published).',
    ]);
    expect(messages({ ...base, corrections: [{ text: 'Uten dato.' }] })[0]).toMatch(
      /^corrections\[1\]\.date: "corrections.date" is required/,
    );
    expect(messages({ ...base, corrections: 'feil' })[0]).toMatch(
      /^corrections: "corrections" must be a list/,
    );
    expect(correctionDateProblems(new Date(0), [], NOW)).toEqual([]);
  });
});

describe('site.yaml', () => {
  const publicDir = mkdtempSync(join(tmpdir(), 'public-'));
  writeFileSync(join(publicDir, 'logo.svg'), '<svg/>');
  const good = [
    'name: Testavisa',
    'responsibleEditor: Kari Nordmann',
    'owner: Testavisa AS',
    'address: Postboks 1, 0101 Oslo',
    'email: red@testavisa.no',
    'logo: /logo.svg',
    'codes: [vaer-varsom, pfu]',
  ].join('\n');

  it('reads a good file', () => {
    expect(parsePublication(good, 'site.yaml', publicDir)).toMatchObject({
      name: 'Testavisa',
      responsibleEditor: 'Kari Nordmann',
      codes: ['vaer-varsom', 'pfu'],
    });
  });

  it('names the file, each bad field and the fix', () => {
    const bad = good
      .replace('responsibleEditor: Kari Nordmann\n', '')
      .replace('red@testavisa.no', 'ikke-en-adresse')
      .replace('[vaer-varsom, pfu]', '[vaer-varsom, kodeks]')
      .concat('\nredaktor: Ola');
    const error = (() => {
      try {
        parsePublication(bad, 'content/site.yaml', publicDir);
      } catch (e) {
        return String(e);
      }
    })();
    expect(error).toContain('content/site.yaml → redaktor: not a setting. The settings are: name,');
    expect(error).toContain(
      'content/site.yaml → responsibleEditor: "responsibleEditor" is required. Add a line such as responsibleEditor: Kari Nordmann.',
    );
    expect(error).toContain('content/site.yaml → email: "email" is not an e-mail address');
    expect(error).toContain(
      'content/site.yaml → codes[2]: "codes" lists "kodeks"; the codes are: vaer-varsom, redaktorplakaten, pfu.',
    );
  });

  it('refuses a logo that is not in public/, and broken YAML', () => {
    expect(() => parsePublication(good.replace('/logo.svg', '/mangler.png'), 'site.yaml', publicDir)).toThrow(
      'site.yaml → logo: /mangler.png is not in public/. Put the file there or fix the path.',
    );
    expect(() => parsePublication('name: [', 'site.yaml', publicDir)).toThrow(/^site.yaml: not valid YAML/);
  });
});

describe('authors.yaml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'authors-'));
  writeFileSync(join(dir, 'kari.jpg'), 'x');
  const file = join(dir, 'authors.yaml');

  it('reads profiles, slugged as their bylines are, with the photo beside the file', () => {
    const [kari, ola] = parseAuthors(
      '- name: Kari Nordmann\n  role: Kommentator\n  photo:\n    src: kari.jpg\n    alt: Kari\n- name: Ola Ødegård\n',
      file,
    );
    expect(kari).toMatchObject({
      slug: 'kari-nordmann',
      role: 'Kommentator',
      photoFile: join(dir, 'kari.jpg'),
    });
    expect(ola).toMatchObject({ slug: 'ola-odegard', photoFile: undefined });
    expect(parseAuthors('', file)).toEqual([]);
  });

  it('names the entry, the field and the fix', () => {
    const error = (() => {
      try {
        parseAuthors(
          '- name: Kari Nordmann\n  epost: kari@x.no\n- name: Kari Nordmann\n- role: Uten navn\n- name: Per\n  email: ikke\n',
          'authors.yaml',
        );
      } catch (e) {
        return String(e);
      }
    })();
    expect(error).toContain('authors.yaml → entry 1 (Kari Nordmann): epost is not a profile field.');
    expect(error).toContain('authors.yaml → entry 3 → name: "name" is required.');
    expect(error).toContain('authors.yaml → entry 4 (Per) → email: "email" is not an e-mail address');
    expect(() => parseAuthors('name: Kari', 'authors.yaml')).toThrow(/expected a list of people/);
    expect(() => parseAuthors('- name: Kari Nordmann\n- name: kari nordmann\n', 'authors.yaml')).toThrow(
      'authors.yaml → entry 2 (kari nordmann): "kari nordmann" has a profile already (entry 1). Keep one.',
    );
  });
});
