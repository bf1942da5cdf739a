// Issue 24: corrections, article types, the responsible editor (site.yaml, /om/, the footer) and
// author profiles, on the browser tests' site (tests/fixtures/accountability/ is part of it), and
// the errors each bad input fails the build with.
import { XMLParser } from 'fast-xml-parser';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, listFiles, OUTPUT_ROOT, readPage, type BuildResult } from '../helpers/build';
import { NYNORSK_PATH, SITES } from '../e2e/sites';
import { googleStructuredData, jsonLdBlocks } from '../helpers/structured-data';

const site = SITES.root;
const CORRECTED = '/2020/10/07/ferjeselskap-innstiller-avganger-etter-streik/';
const OPINION = '/2020/10/07/streiken-viser-hvor-sarbar-kysten-er/';
const ANALYSIS = '/2020/10/06/tre-grunner-til-at-forhandlingene-stanset/';
const ORIGIN = 'https://nyheter.example.no';
/** The nynorsk fixture (issue 27) has a correction too, the newest. */
const NYNORSK = `/${NYNORSK_PATH}`;

const ld = jsonLdBlocks;
/** Text of a fragment without tags (and Astro's scoping attributes). */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,:;»])/g, '$1')
    .replace(/([«]) /g, '$1')
    .trim();
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const file = (path: string) => readFileSync(join(site.outDir, path), 'utf8');

describe('a corrected article', () => {
  const html = () => readPage(site.outDir, CORRECTED);

  it('shows each correction under the text, newest first, dated, with its anchor', () => {
    const section =
      /<section class="corrections" id="rettelser"[^>]*>(.*?)<\/section>/.exec(html())?.[1] ?? '';
    expect(section).toMatch(/<h2 [^>]*>Rettelser<\/h2>/);
    const items = [...section.matchAll(/<li id="([^"]+)"[^>]*>(.*?)<\/li>/g)].map((m) => [
      m[1],
      text(m[2] ?? ''),
    ]);
    expect(items).toEqual([
      [
        'rettelse-20201010t1100',
        'Rettelse lørdag 10. oktober 2020 kl. 11.00 Saken sa at streiken gjaldt «ett selskap»; den gjelder tre selskaper.',
      ],
      [
        'rettelse-20201008t0915',
        'Rettelse torsdag 8. oktober 2020 kl. 09.15 En tidligere versjon av saken oppga at 14 avganger var innstilt. Riktig tall er 41.',
      ],
    ]);
    expect(section).toContain('<time datetime="2020-10-10T11:00:00+02:00">');
    // Inline Markdown in the note: emphasis and a link, nothing else.
    expect(section).toContain('<strong>41</strong>');
    expect(section).toContain('<a href="https://www.example.no/streik">tre selskaper</a>');
  });

  it('says "Rettet" with the newest correction in the meta line, linking the notes', () => {
    const meta = /<p class="meta"[^>]*>(.*?)<\/p>/.exec(html())?.[1] ?? '';
    expect(meta).toMatch(
      /<a href="#rettelser"[^>]*>Rettet<\/a> <time datetime="2020-10-10T11:00:00\+02:00">/,
    );
    // The correction is the update: no second "Oppdatert" at the same time.
    expect(meta).not.toContain('Oppdatert');
  });

  it('has CorrectionComments, the newest as dateModified, and the organisation as publisher', () => {
    const [article] = ld(html());
    expect(article?.['@type']).toBe('NewsArticle');
    expect(article?.dateModified).toBe('2020-10-10T11:00:00+02:00');
    expect(article?.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'Saken sa at streiken gjaldt «ett selskap»; den gjelder tre selskaper.',
        datePublished: '2020-10-10T11:00:00+02:00',
      },
      {
        '@type': 'CorrectionComment',
        text: 'En tidligere versjon av saken oppga at 14 avganger var innstilt. Riktig tall er 41.',
        datePublished: '2020-10-08T09:15:00+02:00',
      },
    ]);
    expect(article?.publisher).toMatchObject({ '@id': `${ORIGIN}/#organisasjon`, name: 'Nyhetsleseren' });
  });

  it('keeps its feed item id, with the later update and the note, in every format', () => {
    const url = `${ORIGIN}${CORRECTED}`;
    const atom = parser.parse(file('atom.xml')) as { feed: { entry: Record<string, unknown>[] } };
    const entry = atom.feed.entry.find((e) => e.id === url);
    expect(entry?.published).toBe('2020-10-07T14:00:00+02:00');
    expect(entry?.updated).toBe('2020-10-10T11:00:00+02:00');
    expect(String((entry?.content as { '#text': string })['#text'])).toContain(
      '<strong>Rettelse lørdag 10. oktober 2020 kl. 11.00:</strong>',
    );
    const rss = parser.parse(file('rss.xml')) as { rss: { channel: { item: Record<string, unknown>[] } } };
    const item = rss.rss.channel.item.find((i) => i.link === url);
    expect((item?.guid as { '#text': string })['#text']).toBe(url);
    expect(item?.['atom:updated']).toBe('2020-10-10T11:00:00+02:00');
    expect(String(item?.['content:encoded'])).toContain('Riktig tall er <strong>41</strong>.');
    const json = JSON.parse(file('feed.json')) as { items: Record<string, string>[] };
    const jsonItem = json.items.find((i) => i.id === url);
    expect(jsonItem?.date_modified).toBe('2020-10-10T11:00:00+02:00');
    expect(jsonItem?.content_html).toContain('Saken sa at streiken gjaldt «ett selskap»');
  });
});

describe('the corrections log', () => {
  it('/rettelser/ lists every correction newest first, each linking its note', () => {
    const html = readPage(site.outDir, '/rettelser/');
    const links = [...html.matchAll(/<li[^>]*><h2[^>]*><a href="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(links).toEqual([
      `${NYNORSK}#rettelse-20201010t1600`,
      `${CORRECTED}#rettelse-20201010t1100`,
      `${CORRECTED}#rettelse-20201008t0915`,
    ]);
    // Each anchor is on its article page.
    for (const link of links) {
      const [path = '', anchor] = link.split('#');
      expect(readPage(site.outDir, path)).toContain(`id="${anchor}"`);
    }
    expect(html).toContain('href="/rettelser/rss.xml"');
  });

  it('has RSS, Atom and JSON feeds, an item per correction', () => {
    const atom = parser.parse(file('rettelser/atom.xml')) as {
      feed: { title: string; entry: { id: string; title: string }[] };
    };
    expect(atom.feed.title).toBe('Rettelser – Nyhetsleseren');
    expect(atom.feed.entry.map((e) => [e.id, e.title])).toEqual([
      [`${ORIGIN}${NYNORSK}#rettelse-20201010t1600`, 'Rettelse: Ferjestreiken held fram på Vestlandet'],
      [
        `${ORIGIN}${CORRECTED}#rettelse-20201010t1100`,
        'Rettelse: Ferjeselskap innstiller avganger etter streik',
      ],
      [
        `${ORIGIN}${CORRECTED}#rettelse-20201008t0915`,
        'Rettelse: Ferjeselskap innstiller avganger etter streik',
      ],
    ]);
    const rss = parser.parse(file('rettelser/rss.xml')) as { rss: { channel: { item: unknown[] } } };
    expect(rss.rss.channel.item).toHaveLength(3);
    const json = JSON.parse(file('rettelser/feed.json')) as { items: { date_published: string }[] };
    expect(json.items.map((i) => i.date_published)).toEqual([
      '2020-10-10T16:00:00+02:00',
      '2020-10-10T11:00:00+02:00',
      '2020-10-08T09:15:00+02:00',
    ]);
  });
});

describe('article types', () => {
  it('labels an opinion piece above its headline, sets it apart and types it OpinionNewsArticle', () => {
    const html = readPage(site.outDir, OPINION);
    expect(html).toMatch(/<article class="article opinion"/);
    expect(html).toMatch(
      /<p class="kicker[^"]*"[^>]*><span class="type-label opinion">Kommentar<\/span> <a href="\/innenriks\/"/,
    );
    expect(ld(html)[0]?.['@type']).toBe('OpinionNewsArticle');
    expect(html).toContain('data-pagefind-filter="type:Kommentar"');
    expect(html).toContain('data-pagefind-meta="type:kommentar"');
  });

  it('types an analysis AnalysisNewsArticle, and plain news carries no label', () => {
    const html = readPage(site.outDir, ANALYSIS);
    expect(ld(html)[0]?.['@type']).toBe('AnalysisNewsArticle');
    expect(html).toContain('<span class="type-label">Analyse</span>');
    const header =
      /<header[^>]*><p class="kicker.*?<\/header>/.exec(readPage(site.outDir, CORRECTED))?.[0] ?? '';
    expect(header).toContain('Ferjeselskap innstiller avganger etter streik');
    expect(header).not.toContain('type-label');
  });

  it.each(['/innenriks/', '/2020/10/07/', '/tema/streik/', '/av/kari-nordmann/'])(
    'labels them in the list on %s',
    (path) => {
      const html = readPage(site.outDir, path);
      expect(html).toMatch(
        /<span class="type-label opinion">Kommentar<\/span> <a href="\/2020\/10\/07\/streiken-viser-hvor-sarbar-kysten-er\/"/,
      );
    },
  );

  it('offers a type filter on the search page with the kinds the site has', () => {
    const html = readPage(site.outDir, '/sok/');
    const options = /<select id="type"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? '';
    expect([...options.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '',
      'Nyhet',
      'Kommentar',
      'Analyse',
    ]);
  });
});

describe('who answers for the site', () => {
  it('every page’s footer names the responsible editor and links /om/, /rettelser/ and the newsroom', () => {
    const pages = listFiles(site.outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const footer = /<footer class="site-footer"[^>]*>(.*?)<\/footer>/.exec(file(page))?.[1] ?? '';
      expect(text(footer), page).toContain('Ansvarlig redaktør: Kari Nordmann.');
      expect(footer, page).toMatch(/href="\/om\/"[^>]*>Om oss</);
      expect(footer, page).toMatch(/href="\/rettelser\/"[^>]*>Rettelser</);
      expect(footer, page).toContain('href="mailto:redaksjonen@nyheter.example.no"');
      expect(text(footer), page).toContain(
        'Nyhetsleseren arbeider etter Vær Varsom-plakatens regler for god presseskikk.',
      );
    }
  });

  it('/om/ has the editors, the press code, how to complain, the corrections policy and contacts', () => {
    const html = readPage(site.outDir, '/om/');
    const body = text(/<main[^>]*>(.*?)<\/main>/.exec(html)?.[1] ?? '');
    for (const expected of [
      'Om Nyhetsleseren',
      'Ansvarlig redaktør Kari Nordmann',
      'Nyhetsredaktør Ola Nordmann',
      'Nyhetsleseren arbeider etter Vær Varsom-plakatens regler for god presseskikk.',
      'Nyhetsleseren har forpliktet seg til å følge Redaktørplakaten.',
      'Slik klager du til PFU',
      'Se alle rettelser',
      'E-post redaksjonen@nyheter.example.no',
      'Telefon +47 22 00 00 00',
      'Nyhetsleseren eies av Nyhetsleseren AS.',
    ]) {
      expect(body).toContain(expected);
    }
    expect(html).toContain('href="tel:+4722000000"');
    expect(html).toContain('href="https://presse.no/pfu/"');
  });

  it('describes the publication as a NewsMediaOrganization on the front page and /om/', () => {
    for (const path of ['/', '/om/']) {
      const org = ld(readPage(site.outDir, path)).find((d) => d['@type'] === 'NewsMediaOrganization');
      expect(org, path).toMatchObject({
        '@id': `${ORIGIN}/#organisasjon`,
        name: 'Nyhetsleseren',
        logo: { '@type': 'ImageObject', url: `${ORIGIN}/logo.svg` },
        publishingPrinciples: `${ORIGIN}/om/#presseetikk`,
        correctionsPolicy: `${ORIGIN}/om/#rettelser`,
        ethicsPolicy: 'https://presse.no/pfu/etiske-regler/vaer-varsom-plakaten/',
        masthead: `${ORIGIN}/om/#redaksjonen`,
        ownershipFundingInfo: `${ORIGIN}/om/#eierskap`,
        contactPoint: { '@type': 'ContactPoint', email: 'redaksjonen@nyheter.example.no' },
      });
    }
    // Every anchor the policies point at is on /om/.
    const about = readPage(site.outDir, '/om/');
    for (const id of ['presseetikk', 'rettelser', 'redaksjonen', 'eierskap', 'kontakt']) {
      expect(about).toContain(`id="${id}"`);
    }
  });

  it('lists /om/ and /rettelser/ in the sitemap of undated pages', () => {
    const sider = file('sitemaps/sider.xml');
    expect(sider).toContain(`<loc>${ORIGIN}/om/</loc>`);
    expect(sider).toContain(`<loc>${ORIGIN}/rettelser/</loc>`);
  });
});

describe('author profiles', () => {
  it('shows a profile with its photo through the image pipeline, as a ProfilePage', () => {
    const html = readPage(site.outDir, '/av/kari-nordmann/');
    const profile = /<section class="profile"[^>]*>(.*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(text(profile)).toBe(
      'Kommentator Kari Nordmann skriver om samferdsel, arbeidsliv og livet langs kysten. E-post: kari.nordmann@nyheter.example.no',
    );
    expect(profile).toMatch(/<source type="image\/avif" srcset="\/_astro\/kari-nordmann\.[\w-]+\.avif 96w, /);
    expect(profile).toContain('alt="Illustrasjon av Kari Nordmann"');
    const page = ld(html)[0];
    expect(page?.['@type']).toBe('ProfilePage');
    expect(page?.mainEntity).toMatchObject({
      '@type': 'Person',
      name: 'Kari Nordmann',
      jobTitle: 'Kommentator',
      worksFor: { '@id': `${ORIGIN}/#organisasjon` },
    });
    expect(String((page?.mainEntity as { image: string }).image)).toMatch(
      /^https:\/\/nyheter\.example\.no\/_astro\/kari-nordmann\.[\w-]+\.jpg$/,
    );
    // The original photo is never published.
    expect(
      listFiles(join(site.outDir, '_astro')).filter(
        (f) => /^kari-nordmann\.[\w-]+\.jpe?g$/.test(f) && !/_/.test(f.split('.')[1] ?? ''),
      ),
    ).toEqual([]);
  });

  it('a profile without a photo shows its role; a byline without a profile stays a CollectionPage', () => {
    const ola = readPage(site.outDir, '/av/ola-nordmann/');
    expect(text(/<section class="profile"[^>]*>(.*?)<\/section>/.exec(ola)?.[1] ?? '')).toBe(
      'Nyhetsredaktør',
    );
    expect(ld(ola)[0]?.['@type']).toBe('ProfilePage');
    const ntb = readPage(site.outDir, '/av/ntb/');
    expect(ntb).not.toContain('class="profile"');
    expect(ld(ntb)[0]?.['@type']).toBe('CollectionPage');
  });
});

describe('structured data', () => {
  it.each([
    [CORRECTED, 'NewsArticle'],
    [OPINION, 'OpinionNewsArticle'],
    ['/om/', 'NewsMediaOrganization'],
    ['/av/kari-nordmann/', 'ProfilePage'],
  ])('%s passes the structured-data tester’s Google preset (%s)', async (path, schema) => {
    const result = await googleStructuredData(readPage(site.outDir, path), schema);
    expect(result.failed).toEqual([]);
    // The tester did look: it found the schema (a page without it fails this).
    expect(result.passed).toContain(`${schema}[0]`);
  });
});

describe('bad input fails the build, naming the file, the entry and the fix', () => {
  const NOW = { BUILD_NOW: '2020-11-01T12:00:00+01:00' };
  /** A content folder in tests/output: one good article plus `files`. */
  function contentWith(name: string, files: Record<string, string>): string {
    const dir = join(OUTPUT_ROOT, `content-${name}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'articles'), { recursive: true });
    cpSync(
      'tests/fixtures/accountability/articles/2020/rettet-sak.md',
      join(dir, 'articles', 'rettet-sak.md'),
    );
    for (const [path, source] of Object.entries(files)) writeFileSync(join(dir, path), source);
    return dir;
  }
  let articles: BuildResult;
  let siteYaml: BuildResult;
  let authorsYaml: BuildResult;
  beforeAll(async () => {
    const badSite = contentWith('bad-site-yaml', {
      'site.yaml':
        'name: Testavisa\nowner: Testavisa AS\naddress: Gata 1\nemail: ikke-en-adresse\nlogo: /logo.svg\nredaktor: Ola\n',
    });
    const badAuthors = contentWith('bad-authors-yaml', {
      'authors.yaml':
        '- name: Kari Nordmann\n  rolle: Kommentator\n- name: Ola Nordmann\n  photo:\n    src: mangler.jpg\n    alt: Ola\n',
    });
    [articles, siteYaml, authorsYaml] = await Promise.all([
      buildSiteAsync('accountability-bad', { ...NOW, CONTENT_DIR: 'tests/fixtures/accountability-bad' }),
      buildSiteAsync('bad-site-yaml', { ...NOW, CONTENT_DIR: badSite }),
      buildSiteAsync('bad-authors-yaml', { ...NOW, CONTENT_DIR: badAuthors }),
    ]);
  }, 120_000);

  it('a correction dated before publication or in the future, and an unknown type', () => {
    expect(articles.status).not.toBe(0);
    expect(articles.output).toContain(
      'articles/rettelse-for-publisering.md → corrections[2].date: The correction is dated before "date": a correction follows publication. Fix its date.',
    );
    expect(articles.output).toContain(
      'articles/rettelse-i-fremtiden.md → corrections[1].date: The correction is dated in the future. Date it when it is made (the time it is published).',
    );
    expect(articles.output).toContain(
      'articles/ukjent-type.md → type: "type" must be one of: nyhet, kommentar, leder, analyse, debatt, anmeldelse, reportasje, intervju (not "kronikk").',
    );
  });

  it('a broken site.yaml', () => {
    expect(siteYaml.status).not.toBe(0);
    expect(siteYaml.output).toMatch(
      /content-bad-site-yaml\/site\.yaml → redaktor: not a setting\. The settings are: name, /,
    );
    expect(siteYaml.output).toMatch(
      /site\.yaml → responsibleEditor: "responsibleEditor" is required\. Add a line such as responsibleEditor: Kari Nordmann\./,
    );
    expect(siteYaml.output).toMatch(/site\.yaml → email: "email" is not an e-mail address/);
  });

  it('a broken authors.yaml', () => {
    expect(authorsYaml.status).not.toBe(0);
    expect(authorsYaml.output).toMatch(
      /authors\.yaml → entry 1 \(Kari Nordmann\): rolle is not a profile field\. The fields are: name, role, bio, email, photo \(src, alt\)\./,
    );
    expect(authorsYaml.output).toMatch(
      /authors\.yaml → entry 2 \(Ola Nordmann\) → photo\.src: mangler\.jpg does not exist\. Put the photo beside authors\.yaml or fix the path\./,
    );
  });
});
