// Issue 27: nynorsk beside bokmål. A nynorsk article in the browser tests' (bokmål) site
// (tests/fixtures/nynorsk/), and a nynorsk publication (site.yaml `language: nn`) with one bokmål
// article, built here (tests/fixtures/nynorsk-site/).
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSiteAsync, readPage, type BuildResult } from '../helpers/build';
import { NYNORSK_PATH, SITES } from '../e2e/sites';
import { googleStructuredData, jsonLdBlocks } from '../helpers/structured-data';

const site = SITES.root;
const ARTICLE = `/${NYNORSK_PATH}`;
const ORIGIN = 'https://nyheter.example.no';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

const ld = jsonLdBlocks;
/** The opening tag of the first element matching `pattern` (e.g. '<header class="site-header"'). */
const tag = (html: string, start: string) =>
  html.slice(html.indexOf(start), html.indexOf('>', html.indexOf(start)) + 1);
/** Text without tags, attributes or extra space. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('a nynorsk article in a bokmål site', () => {
  let html: string;
  beforeAll(() => {
    html = readPage(site.outDir, ARTICLE);
  });

  it('is a nynorsk page, with the site chrome marked as bokmål', () => {
    expect(tag(html, '<html')).toBe('<html lang="nn">');
    expect(html).toContain('<meta property="og:locale" content="nn_NO">');
    expect(tag(html, '<header class="site-header"')).toContain('lang="nb"');
    expect(tag(html, '<footer class="site-footer"')).toContain('lang="nb"');
    expect(tag(html, '<a class="skip-link"')).toContain('lang="nb"');
    // The chrome stays bokmål: its menu and footer are not translated by the article.
    expect(html).toContain('Hopp til hovedinnholdet');
    expect(html).toContain('Ansvarlig redaktør: Kari Nordmann');
  });

  it('has its dates and its own labels in nynorsk', () => {
    const meta = text(
      html.slice(html.indexOf('<p class="meta"'), html.indexOf('</p>', html.indexOf('<p class="meta"'))),
    );
    expect(meta).toBe(
      'Av NTB · laurdag 10. oktober 2020 kl. 10.40 · Retta laurdag 10. oktober 2020 kl. 16.00',
    );
    expect(html).toMatch(/<h2 id="rettelser-tittel"[^>]*>Retting<\/h2>/);
    expect(html).toMatch(/<h2 id="tema"[^>]*>Tema<\/h2>/);
    expect(html).toMatch(/<h2 id="relaterte"[^>]*>Les òg<\/h2>/);
    expect(html).toContain('Fleire saker frå laurdag 10. oktober 2020');
    expect(html).toContain('aria-label="Fleire saker i Innanriks"');
    expect(html).toMatch(/class="kicker article-kicker"[^>]*><a [^>]*>Innanriks<\/a>/);
    // Nothing the reader sees in the article is bokmål (the hidden search metadata is for the
    // bokmål search page).
    const main = html
      .slice(html.indexOf('<main'), html.indexOf('</main>'))
      .replace(/<span hidden [^>]*><\/span>/g, '');
    for (const bokmaal of [
      'lørdag',
      'Relaterte saker',
      'Flere saker',
      'Rettet',
      'Rettelse<',
      'Utenriks',
      'Innenriks<',
    ]) {
      expect(main, bokmaal).not.toContain(bokmaal);
    }
  });

  it('marks the bokmål stories it links to', () => {
    const related = html.slice(html.indexOf('id="relaterte"'));
    expect(related).toMatch(
      /<a href="\/2020\/10\/07\/ferjeselskap-innstiller-avganger-etter-streik\/" lang="nb"/,
    );
    // Dates in a list follow the page: the nynorsk page's short dates are nynorsk too.
    expect(html).toMatch(/<span class="label"[^>]*>Nyare sak<\/span> <span lang="nb"/);
  });

  it('says nn in its JSON-LD, and passes the structured-data tester’s Google preset', async () => {
    const [article] = ld(html);
    expect(article).toMatchObject({ '@type': 'NewsArticle', inLanguage: 'nn', articleSection: 'Innanriks' });
    const result = await googleStructuredData(html, 'NewsArticle');
    expect(result.failed).toEqual([]);
    expect(result.passed).toContain('NewsArticle[0]');
  });

  it('is searchable with a language filter and hint (Pagefind meta and filter)', () => {
    expect(html).toContain('data-pagefind-meta="lang:nn"');
    expect(html).toContain('data-pagefind-filter="språk:Nynorsk"');
    // The search page is bokmål, so the date it shows is too.
    expect(html).toContain('data-pagefind-meta="dato:lørdag 10. oktober 2020 kl. 10.40"');
    const search = readPage(site.outDir, '/sok/');
    expect(search).toMatch(
      /<select id="sprak" name="sprak"[^>]*><option value=""[^>]*>Alle<\/option><option value="Bokmål"[^>]*>Bokmål<\/option><option value="Nynorsk"/,
    );
  });

  it('is marked lang="nn" in the bokmål lists that show it, with dates in bokmål', () => {
    for (const path of ['/', '/2020/10/10/', '/innenriks/', '/tema/streik/']) {
      const list = readPage(site.outDir, path);
      expect(tag(list, '<html'), path).toBe('<html lang="nb">');
      expect(list, path).toMatch(
        new RegExp(`<a href="${ARTICLE}" lang="nn"[^>]*>\\s*Ferjestreiken held fram på Vestlandet\\s*</a>`),
      );
    }
    const day = readPage(site.outDir, '/2020/10/10/');
    expect(day).toMatch(/<p class="lede" lang="nn"[^>]*>\s*Ferjemannskapa på Vestlandet streikar framleis/);
    // The bokmål story beside it carries no lang of its own: it is the page's.
    expect(day).not.toMatch(/<(a|p) [^>]*lang="nb"/);
    expect(readPage(site.outDir, '/innenriks/')).toContain('10. okt. 2020 kl. 10.40');
  });

  it('has its correction marked nynorsk in the bokmål corrections log', () => {
    const log = readPage(site.outDir, '/rettelser/');
    expect(log).toMatch(
      new RegExp(`<a href="${ARTICLE}#rettelse-20201010t1600" lang="nn"[^>]*>\\s*Ferjestreiken held fram`),
    );
    expect(log).toMatch(/<div lang="nn"[^>]*><p>Ein tidlegare versjon av saka/);
  });

  it('carries its language per item in the feeds', () => {
    const atom = readFileSync(join(site.outDir, 'atom.xml'), 'utf8');
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb">');
    const entry = atom.slice(atom.indexOf(`<id>${ORIGIN}${ARTICLE}</id>`) - 40);
    expect(entry).toMatch(/^\s*<entry xml:lang="nn">/m);
    const rss = parser.parse(readFileSync(join(site.outDir, 'rss.xml'), 'utf8')) as {
      rss: { channel: { language: string; item: { link: string; 'dc:language'?: string }[] } };
    };
    expect(rss.rss.channel.language).toBe('nb');
    const items = rss.rss.channel.item;
    expect(items.find((i) => i.link === `${ORIGIN}${ARTICLE}`)?.['dc:language']).toBe('nn');
    expect(items.filter((i) => i['dc:language'] !== undefined)).toHaveLength(1);
    const json = JSON.parse(readFileSync(join(site.outDir, 'feed.json'), 'utf8')) as {
      language: string;
      items: { url: string; language?: string }[];
    };
    expect(json.language).toBe('nb');
    expect(json.items.filter((i) => i.language).map((i) => [i.url, i.language])).toEqual([
      [`${ORIGIN}${ARTICLE}`, 'nn'],
    ]);
  });
});

describe('a nynorsk publication (site.yaml language: nn) with a bokmål article', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSiteAsync('nynorsk-site', {
      CONTENT_DIR: 'tests/fixtures/nynorsk-site',
      SITE_URL: ORIGIN,
      // Within 48 hours of both stories: both are in the news sitemap.
      BUILD_NOW: '2020-10-11T08:00:00+02:00',
    });
  });

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('speaks nynorsk in its chrome, lists and dates', () => {
    const front = readPage(build.outDir, '/');
    expect(tag(front, '<html')).toBe('<html lang="nn">');
    expect(front).toContain('Hopp til hovudinnhaldet');
    expect(front).toContain('Ansvarleg redaktør: Kari Nordmann');
    expect(front).toContain('<meta property="og:locale" content="nn_NO">');
    // The menu names the categories in nynorsk where they have a nynorsk name.
    expect(front).toMatch(/<a href="\/innenriks\/"[^>]*>Innanriks<\/a><\/li>/);
    expect(front).toMatch(/<a href="\/2020\/10\/10\/ferjen-gar-igjen-etter-uvaeret\/" lang="nb"/);
    const day = readPage(build.outDir, '/2020/10/10/');
    expect(day).toContain('Nyheiter laurdag 10. oktober 2020');
    // An article without lang is the site's: nynorsk, and not marked in the nynorsk lists.
    expect(day).toMatch(/<a href="\/2020\/10\/10\/flaumen-stengde-vegen-over-fjellet\/"(?![^>]*lang=)[^>]*>/);
    expect(tag(readPage(build.outDir, '/2020/10/10/flaumen-stengde-vegen-over-fjellet/'), '<html')).toBe(
      '<html lang="nn">',
    );
  });

  it('gives the bokmål article a bokmål page inside the nynorsk chrome', () => {
    const html = readPage(build.outDir, '/2020/10/10/ferjen-gar-igjen-etter-uvaeret/');
    expect(tag(html, '<html')).toBe('<html lang="nb">');
    expect(tag(html, '<header class="site-header"')).toContain('lang="nn"');
    expect(tag(html, '<footer class="site-footer"')).toContain('lang="nn"');
    expect(html).toContain('lørdag 10. oktober 2020 kl. 23.50');
    expect(html).toContain('Flere saker fra lørdag 10. oktober 2020');
    expect(ld(html)[0]).toMatchObject({ inLanguage: 'nb' });
  });

  it('gives each story its language in the Google News sitemap, and the feeds the site’s', () => {
    const news = readFileSync(join(build.outDir, 'news-sitemap.xml'), 'utf8');
    const languages = [
      ...news.matchAll(/<loc>([^<]+)<\/loc>[\s\S]*?<news:language>(\w+)<\/news:language>/g),
    ].map((m) => [m[1], m[2]]);
    expect(languages).toEqual([
      [`${ORIGIN}/2020/10/10/ferjen-gar-igjen-etter-uvaeret/`, 'nb'],
      [`${ORIGIN}/2020/10/10/flaumen-stengde-vegen-over-fjellet/`, 'nn'],
    ]);
    const rss = readFileSync(join(build.outDir, 'rss.xml'), 'utf8');
    expect(rss).toContain('<language>nn</language>');
    expect(rss.match(/<dc:language>\w+<\/dc:language>/g)).toEqual(['<dc:language>nb</dc:language>']);
    expect(readFileSync(join(build.outDir, 'atom.xml'), 'utf8')).toContain('xml:lang="nn">');
  });
});
