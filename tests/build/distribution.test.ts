// Feeds, sitemaps and structured data, parsed as feed readers and search engines would.
import { spawnSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, listFiles, readPage, type BuildResult } from '../helpers/build';
import { SITE } from '../sites';

const SITE_URL = 'https://nyheter.example.no';
const NTB = '2020/10/10/angrep-og-motangrep-da-vapenhvilen-i-nagorno-karabakh-skulle-tre-i-kraft/';
const NTB_URL = `${SITE_URL}/${NTB}`;
const TITLE = 'Angrep og motangrep da våpenhvilen i Nagorno-Karabakh skulle tre i kraft';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Parsed XML, after libxml2's xmllint (Debian's libxml2-utils) found it well-formed. */
function xml(build: { outDir: string }, file: string) {
  const path = join(build.outDir, file);
  const lint = spawnSync('xmllint', ['--noout', path], { encoding: 'utf8' });
  if (lint.error)
    throw new Error(`xmllint is missing (apt-get install libxml2-utils): ${lint.error.message}`);
  expect(lint.stderr, `${file} is well-formed XML`).toBe('');
  expect(lint.status, `${file} is well-formed XML`).toBe(0);
  return parser.parse(readFileSync(path, 'utf8'));
}
const json = (build: { outDir: string }, file: string) =>
  JSON.parse(readFileSync(join(build.outDir, file), 'utf8'));
const newsUrls = (build: { outDir: string }) =>
  asList<{ loc: string }>(xml(build, 'news-sitemap.xml').urlset.url).map((u) => u.loc);

/** content/ as an operator builds it, built once per run by tests/sites.ts. */
const site = SITE;
let later: BuildResult;
let subPath: BuildResult;
let dates: BuildResult;

beforeAll(async () => {
  [later, subPath, dates] = await Promise.all([
    buildSiteAsync('dist-later', { SITE_URL, BUILD_NOW: '2020-10-13T08:00:00+02:00' }),
    buildSiteAsync('dist-subpath', {
      SITE_URL,
      BASE_PATH: '/nyheter/',
      BUILD_NOW: '2020-10-11T08:00:00+02:00',
    }),
    buildSiteAsync('dist-dates', {
      SITE_URL,
      CONTENT_DIR: 'tests/fixtures/dates',
      BUILD_NOW: '2020-10-26T08:00:00+01:00',
    }),
  ]);
  for (const build of [later, subPath, dates]) if (build.status !== 0) throw new Error(build.output);
});

describe('feeds', () => {
  it.each(['rss.xml', 'utenriks/rss.xml', 'tema/nagorno-karabakh/rss.xml'])(
    '%s is RSS 2.0 with the full article',
    (file) => {
      const channel = xml(site, file).rss.channel;
      expect(channel.language).toBe('nb');
      const [item] = asList(channel.item);
      expect(item.title).toBe(TITLE);
      expect(item.link).toBe(NTB_URL);
      expect(new Date(item.pubDate).toISOString()).toBe('2020-10-10T08:40:00.000Z');
      expect(item['content:encoded']).toContain(
        '<h2 id="fredssamtaler-i-moskva">Fredssamtaler i Moskva</h2>',
      );
      expect(item['content:encoded']).toContain('Frankrikes president Emmanuel Macron.');
      expect(item['dc:creator']).toBe('NTB');
    },
  );

  it.each(['atom.xml', 'utenriks/atom.xml', 'tema/nagorno-karabakh/atom.xml'])(
    '%s is Atom 1.0 with Oslo-offset dates',
    (file) => {
      const feed = xml(site, file).feed;
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      const [entry] = asList(feed.entry);
      expect(entry.id).toBe(NTB_URL);
      expect(entry.link['@href']).toBe(NTB_URL);
      expect(entry.published).toBe('2020-10-10T10:40:00+02:00');
      expect(entry.updated).toBe('2020-10-10T10:40:00+02:00');
      expect(entry.content['#text']).toContain('– Siste mulighet');
    },
  );

  it.each(['feed.json', 'utenriks/feed.json', 'tema/nagorno-karabakh/feed.json'])(
    '%s is JSON Feed 1.1',
    (file) => {
      const feed = json(site, file);
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`${SITE_URL}/${file}`);
      const [item] = feed.items;
      expect(item).toMatchObject({
        id: NTB_URL,
        url: NTB_URL,
        title: TITLE,
        date_published: '2020-10-10T10:40:00+02:00',
      });
      expect(item.content_html).toContain('<p>– Armenske væpnede styrker');
      expect(item.date_modified).toBeUndefined();
    },
  );

  it('a category feed has only its category, newest first', () => {
    expect(json(site, 'innenriks/feed.json').items).toEqual([]);
    const items = json(dates, 'innenriks/feed.json').items.map((i: { title: string }) => i.title);
    expect(items).toEqual([
      'Klokken stilles tilbake',
      'Økende spenning før møtet i Ålesund – ærlig talt',
      'Midnattsmøte i Oslo',
    ]);
  });

  it('shows an update as an update, keeping the publication date', () => {
    const path = '2020/10/13/okende-spenning-for-motet-i-alesund-aerlig-talt/';
    const item = json(dates, 'feed.json').items.find((i: { url: string }) => i.url.endsWith(path));
    expect(item).toMatchObject({
      date_published: '2020-10-13T09:00:00+02:00',
      date_modified: '2020-10-13T11:15:00+02:00',
    });
    const entry = asList(xml(dates, 'atom.xml').feed.entry).find((e: { id: string }) => e.id.endsWith(path));
    expect([entry.published, entry.updated]).toEqual([
      '2020-10-13T09:00:00+02:00',
      '2020-10-13T11:15:00+02:00',
    ]);
    const rssItem = asList(xml(dates, 'rss.xml').rss.channel.item).find((i: { link: string }) =>
      i.link.endsWith(path),
    );
    expect(new Date(rssItem.pubDate).toISOString()).toBe('2020-10-13T07:00:00.000Z');
    expect(rssItem['atom:updated']).toBe('2020-10-13T11:15:00+02:00');
  });

  it('every page advertises its feeds; category pages their own first', () => {
    const front = readPage(site.outDir, '/');
    expect(front).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Nyhetsleseren (RSS)" href="/rss.xml">',
    );
    expect(front).toContain('type="application/atom+xml"');
    expect(front).toContain('type="application/feed+json"');
    const category = readPage(site.outDir, '/utenriks/');
    expect(category.indexOf('href="/utenriks/rss.xml"')).toBeGreaterThan(-1);
    expect(category.indexOf('href="/utenriks/rss.xml"')).toBeLessThan(category.indexOf('href="/rss.xml"'));
    const topic = readPage(site.outDir, '/tema/nagorno-karabakh/');
    expect(topic).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Nagorno-Karabakh – Nyhetsleseren (RSS)" href="/tema/nagorno-karabakh/rss.xml">',
    );
  });

  it('a topic feed is titled by its topic and links to the topic page', () => {
    const feed = json(site, 'tema/nagorno-karabakh/feed.json');
    expect(feed).toMatchObject({
      title: 'Nagorno-Karabakh – Nyhetsleseren',
      home_page_url: `${SITE_URL}/tema/nagorno-karabakh/`,
    });
    const titles = json(dates, 'tema/alesund/feed.json').items.map((i: { title: string }) => i.title);
    expect(titles).toEqual(['Økende spenning før møtet i Ålesund – ærlig talt']);
  });
});

/** The URLs of every sitemap the index lists (but the news sitemap), parsed and checked by xmllint. */
function sitemapUrls(build: { outDir: string }, prefix = SITE_URL): { loc: string; lastmod?: string }[] {
  return asList<{ loc: string }>(xml(build, 'sitemap-index.xml').sitemapindex.sitemap)
    .map((s) => s.loc)
    .filter((loc) => !loc.endsWith('/news-sitemap.xml'))
    .flatMap((loc) => asList(xml(build, loc.slice(prefix.length + 1)).urlset.url));
}

describe('sitemaps and robots.txt', () => {
  it('has a sitemap index listing the undated pages, each month and the news sitemap', () => {
    const index = asList<{ loc: string; lastmod?: string }>(
      xml(site, 'sitemap-index.xml').sitemapindex.sitemap,
    );
    expect(index.map((s) => s.loc)).toEqual(
      expect.arrayContaining([
        `${SITE_URL}/sitemaps/sider.xml`,
        `${SITE_URL}/sitemaps/2020-10.xml`,
        `${SITE_URL}/news-sitemap.xml`,
      ]),
    );
    // A month's sitemap carries the latest change among its articles.
    expect(index.find((s) => s.loc.endsWith('/2020-10.xml'))?.lastmod).toMatch(/^2020-10-\d\dT/);
  });

  it('lists the article with its absolute URL and lastmod in its month, lists in the undated sitemap', () => {
    const october = asList<{ loc: string; lastmod?: string }>(xml(site, 'sitemaps/2020-10.xml').urlset.url);
    const article = october.find((u) => u.loc === NTB_URL);
    expect(article?.lastmod && new Date(article.lastmod).toISOString()).toBe('2020-10-10T08:40:00.000Z');
    expect(october.map((u) => u.loc)).toEqual(
      expect.arrayContaining([
        `${SITE_URL}/2020/10/`,
        `${SITE_URL}/2020/10/10/`,
        `${SITE_URL}/utenriks/2020/10/`,
      ]),
    );
    const undated = asList<{ loc: string }>(xml(site, 'sitemaps/sider.xml').urlset.url).map((u) => u.loc);
    expect(undated).toEqual(
      expect.arrayContaining([`${SITE_URL}/`, `${SITE_URL}/utenriks/`, `${SITE_URL}/2020/`]),
    );
    const updated = sitemapUrls(dates).find((u) =>
      u.loc.endsWith('/okende-spenning-for-motet-i-alesund-aerlig-talt/'),
    );
    expect(updated?.lastmod && new Date(updated.lastmod).toISOString()).toBe('2020-10-13T09:15:00.000Z');
  });

  it('list every page of the site once, and nothing else (no 404 page)', () => {
    for (const build of [site, dates]) {
      const locs = sitemapUrls(build).map((u) => u.loc);
      const pages = listFiles(build.outDir)
        .filter((f) => f.endsWith('index.html'))
        .map((f) => `${SITE_URL}/${f.replace(/index\.html$/, '')}`);
      expect(new Set(locs).size).toBe(locs.length);
      expect([...locs].sort()).toEqual(pages.sort());
      expect(locs.some((loc) => loc.includes('404'))).toBe(false);
    }
  });

  it('has the NTB report in the news sitemap within 48 hours, and not after', () => {
    const news = xml(site, 'news-sitemap.xml').urlset;
    const url = asList(news.url)[0];
    expect(url.loc).toBe(NTB_URL);
    expect(url['news:news']['news:publication']).toEqual({
      'news:name': 'Nyhetsleseren',
      'news:language': 'nb',
    });
    expect(url['news:news']['news:publication_date']).toBe('2020-10-10T10:40:00+02:00');
    expect(url['news:news']['news:title']).toBe(TITLE);
    expect(newsUrls(later)).toEqual([]);
  });

  it('drops the article from the news sitemap only, with a later BUILD_NOW', () => {
    expect(asList(xml(later, 'rss.xml').rss.channel.item)).toHaveLength(1);
    expect(json(later, 'feed.json').items).toHaveLength(1);
    expect(sitemapUrls(later).map((u) => u.loc)).toContain(NTB_URL);
  });

  it('names the sitemaps in robots.txt', () => {
    expect(readFileSync(join(site.outDir, 'robots.txt'), 'utf8')).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap-index.xml\nSitemap: ${SITE_URL}/news-sitemap.xml\n`,
    );
  });
});

describe('article page metadata', () => {
  const ld = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1] ?? ''),
    );

  it('has NewsArticle JSON-LD with the required fields', () => {
    const [article, breadcrumbs] = ld(readPage(site.outDir, `/${NTB}`));
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: TITLE,
      datePublished: '2020-10-10T10:40:00+02:00',
      dateModified: '2020-10-10T10:40:00+02:00',
      author: [{ '@type': 'Organization', name: 'NTB', url: `${SITE_URL}/av/ntb/` }],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Nyhetsleseren',
        logo: { '@type': 'ImageObject', url: `${SITE_URL}/logo.svg` },
      },
      articleSection: 'Utenriks',
      inLanguage: 'nb',
      mainEntityOfPage: { '@type': 'WebPage', '@id': NTB_URL },
    });
    expect(breadcrumbs['@type']).toBe('BreadcrumbList');
    expect(breadcrumbs.itemListElement.map((i: { item: string }) => i.item)).toEqual([
      `${SITE_URL}/`,
      `${SITE_URL}/utenriks/`,
      NTB_URL,
    ]);
  });

  it('has dateline and dateModified from the front-matter when given', () => {
    const [article] = ld(
      readPage(dates.outDir, '/2020/10/13/okende-spenning-for-motet-i-alesund-aerlig-talt/'),
    );
    expect(article).toMatchObject({ dateline: 'ÅLESUND', dateModified: '2020-10-13T11:15:00+02:00' });
  });

  it('has an absolute canonical URL, Open Graph article meta and a CSP without unsafe-inline', () => {
    const html = readPage(site.outDir, `/${NTB}`);
    expect(html).toContain(`<link rel="canonical" href="${NTB_URL}">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2020-10-10T10:40:00+02:00">');
    expect(html).toContain('<meta property="article:modified_time" content="2020-10-10T10:40:00+02:00">');
    expect(html).toContain('<meta property="article:section" content="Utenriks">');
    expect(html).toContain('<meta property="article:tag" content="Armenia">');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('topic and byline pages', () => {
  const ld = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1] ?? ''),
    );

  it('are in the sitemap', () => {
    const locs = sitemapUrls(site).map((u) => u.loc);
    expect(locs).toEqual(
      expect.arrayContaining([
        `${SITE_URL}/tema/`,
        `${SITE_URL}/tema/nagorno-karabakh/`,
        `${SITE_URL}/av/`,
        `${SITE_URL}/av/ntb/`,
      ]),
    );
  });

  it('describe a topic page as a CollectionPage listing its stories', () => {
    const [page] = ld(readPage(site.outDir, '/tema/nagorno-karabakh/'));
    expect(page).toMatchObject({
      '@type': 'CollectionPage',
      name: 'Nagorno-Karabakh',
      url: `${SITE_URL}/tema/nagorno-karabakh/`,
      mainEntity: { '@type': 'ItemList', itemListElement: [{ position: 1, url: NTB_URL, name: TITLE }] },
    });
  });

  it('give a JSON-LD Person for each person of a byline and an Organization for the agency', () => {
    const html = readPage(dates.outDir, '/');
    const path = /href="(\/2020\/10\/[^"]+)"[^>]*>[^<]*Ålesund/.exec(html)?.[1];
    expect(path).toBeDefined();
    const [article] = ld(readPage(dates.outDir, path ?? ''));
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Kari Nordmann', url: `${SITE_URL}/av/kari-nordmann/` },
      { '@type': 'Person', name: 'Åse Ødegård', url: `${SITE_URL}/av/ase-odegard/` },
      { '@type': 'Organization', name: 'NTB', url: `${SITE_URL}/av/ntb/` },
    ]);
    // Each name links to its page, which lists the story.
    const page = readPage(dates.outDir, path ?? '');
    expect(page).toMatch(
      /Av <a href="\/av\/kari-nordmann\/"[^>]*>Kari Nordmann<\/a> og <a href="\/av\/ase-odegard\/"[^>]*>Åse Ødegård<\/a>, <a href="\/av\/ntb\/"[^>]*>NTB<\/a>/,
    );
    expect(readPage(dates.outDir, '/av/ase-odegard/')).toContain(`href="${path}"`);
  });
});

describe('under a sub-path', () => {
  const NTB_SUB = `${SITE_URL}/nyheter/${NTB}`;

  it('puts feed, sitemap and canonical URLs under /nyheter/', () => {
    expect(asList(xml(subPath, 'rss.xml').rss.channel.item)[0].link).toBe(NTB_SUB);
    expect(json(subPath, 'utenriks/feed.json').feed_url).toBe(`${SITE_URL}/nyheter/utenriks/feed.json`);
    expect(
      asList<{ loc: string }>(xml(subPath, 'sitemap-index.xml').sitemapindex.sitemap).map((s) => s.loc),
    ).toEqual(
      expect.arrayContaining([
        `${SITE_URL}/nyheter/sitemaps/sider.xml`,
        `${SITE_URL}/nyheter/news-sitemap.xml`,
      ]),
    );
    expect(sitemapUrls(subPath, `${SITE_URL}/nyheter`).map((u) => u.loc)).toContain(NTB_SUB);
    expect(newsUrls(subPath)).toEqual([NTB_SUB]);
    expect(readFileSync(join(subPath.outDir, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${SITE_URL}/nyheter/sitemap-index.xml`,
    );
    expect(readPage(subPath.outDir, `/${NTB}`)).toContain(`<link rel="canonical" href="${NTB_SUB}">`);
    expect(readPage(subPath.outDir, '/')).toContain('href="/nyheter/rss.xml"');
    expect(listFiles(subPath.outDir)).toContain('_headers');
  });
});
