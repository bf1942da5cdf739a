// The real site: the NTB report from content/ built as `npm run build` would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks, listFiles, OUTPUT_ROOT, readPage } from '../helpers/build';
import { SITE } from '../sites';
import { REQUIRED_CATEGORIES } from '../helpers/categories';

const NTB = '/2020/10/10/angrep-og-motangrep-da-vapenhvilen-i-nagorno-karabakh-skulle-tre-i-kraft/';
/** Built once per run by tests/sites.ts (in New York time), shared with other test files. */
const site = SITE;

describe('the build of content/', () => {
  it('reads no collection it has nothing in (no author profiles, no live story): Astro would warn', () => {
    const log = readFileSync(join(OUTPUT_ROOT, site.name, 'build.log'), 'utf8');
    expect(log).toContain('Complete!');
    expect(log).not.toMatch(/collection "\w+" does not exist or is empty/);
  });
});

describe('the NTB report', () => {
  it('is at its Oslo-date URL with its three subheadings', () => {
    const html = readPage(site.outDir, NTB);
    const h2 = [...html.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(
      expect.arrayContaining(['Fredssamtaler i Moskva', '– Siste mulighet', 'Stormakter involvert']),
    );
    expect(html).toMatch(
      /<h1[^>]*>Angrep og motangrep da våpenhvilen i Nagorno-Karabakh skulle tre i kraft<\/h1>/,
    );
  });

  it('keeps the quote paragraphs as paragraphs starting with a dash', () => {
    const html = readPage(site.outDir, NTB);
    expect(html).toContain('<p>– Armenske væpnede styrker gjennomfører intense artilleriangrep');
    expect(html).not.toMatch(/<(ul|ol)>\s*<li>Armenske/);
  });

  it('shows the publication time in Oslo time, in Norwegian', () => {
    const html = readPage(site.outDir, NTB);
    expect(html).toContain(
      '<time datetime="2020-10-10T10:40:00+02:00">lørdag 10. oktober 2020 kl. 10.40</time>',
    );
    expect(html).toMatch(/Av <a href="\/av\/ntb\/"[^>]*>NTB<\/a>/);
    expect(html).toContain('<html lang="nb">');
  });

  it('ships no script (JSON-LD excepted); only the search page has JavaScript', () => {
    const js = listFiles(site.outDir).filter((f) => f.endsWith('.js') && !f.startsWith('pagefind/'));
    const pages = listFiles(site.outDir)
      .filter((f) => f.endsWith('.html'))
      .map((file) => ({ file, html: readFileSync(join(site.outDir, file), 'utf8') }));
    // Astro bundles every component's script; a live story's (LiveUpdates) is on no page here.
    const used = js.filter((file) => pages.some(({ html }) => html.includes(file)));
    expect(used).toHaveLength(1);
    for (const { file, html } of pages)
      expect(html.includes(used[0] ?? ''), file).toBe(file === 'sok/index.html');
    const html = readPage(site.outDir, NTB);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.every((attrs) => attrs?.includes('application/ld+json'))).toBe(true);
  });
});

describe('index pages lead to it', () => {
  it.each(['/', '/utenriks/', '/2020/10/10/'])('%s links to the article', (path) => {
    expect(readPage(site.outDir, path)).toContain(`href="${NTB}"`);
  });

  it('month and year pages lead to the day', () => {
    expect(readPage(site.outDir, '/2020/10/')).toContain('href="/2020/10/10/"');
    expect(readPage(site.outDir, '/2020/')).toContain('href="/2020/10/"');
  });

  it('every category has a page, even when it is empty', () => {
    for (const slug of REQUIRED_CATEGORIES) {
      expect(readPage(site.outDir, `/${slug}/`)).toContain('<h1');
    }
    expect(readPage(site.outDir, '/okonomi/')).toMatch(/<h1[^>]*>Økonomi<\/h1>/);
  });

  it('has a 404 page', () => {
    expect(readPage(site.outDir, '/404.html')).toContain('Fant ikke siden');
  });

  it('has no broken internal link', () => {
    expect(brokenLinks(site.outDir, '/')).toEqual([]);
  });
});
