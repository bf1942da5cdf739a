// Measured quality of the built site: accessibility in light and dark, layout stability,
// no JavaScript outside search, page and CSS budgets, print styles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it, type ExpectStatic } from 'vitest';
import { listFiles, readPage } from '../helpers/build';
import {
  axeViolations,
  collectErrors,
  layoutShifts,
  throttleCpu,
  VIEWPORTS,
  type ViewportName,
} from '../helpers/browser';
import { LIVE_PATH, LONG_READ_PATH, NTB_PATH, NTB_TITLE, PHOTO_PATH, SITES } from './sites';
import { servedSite } from '../helpers/served-site';

const site = SITES.root;
const PAGE_KINDS = [
  '',
  NTB_PATH,
  PHOTO_PATH,
  'utenriks/',
  '2020/10/10/',
  '2020/10/',
  '2020/',
  'sok/?q=Stepanakert',
  'finnes/ikke/',
];
const served = servedSite(site);

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  return (await served.browser.newContext({ viewport: VIEWPORTS.phone, ...options })).newPage();
}

describe('accessibility in both colour schemes', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const viewport of ['phone', 'desktop'] as const) {
      it(`axe finds nothing, ${colorScheme} scheme, ${viewport}`, async () => {
        const page = await newPage({ colorScheme, viewport: VIEWPORTS[viewport] });
        const errors = collectErrors(page);
        for (const path of PAGE_KINDS) {
          await page.goto(`${served.server.url}${path}`);
          if (path.startsWith('sok/')) await page.locator('#search-results li').first().waitFor();
          expect(await axeViolations(page), `${colorScheme} ${path || '/'}`).toEqual([]);
        }
        expect(errors.filter((e) => !e.includes('404 (Not Found)'))).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('dark mode follows prefers-color-scheme without script', async () => {
    const dark = await newPage({ colorScheme: 'dark' });
    await dark.goto(`${served.server.url}${NTB_PATH}`);
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(18, 18, 18)',
    );
    const light = await newPage({ colorScheme: 'light' });
    await light.goto(`${served.server.url}${NTB_PATH}`);
    expect(await light.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    await dark.context().close();
    await light.context().close();
  });
});

/**
 * Nothing may move while a page loads, on any machine: each page is loaded with its CPU slowed six
 * times (a cheap phone, a busy CI runner) and the search index answering late, so what a fast
 * machine hides (results arriving after the first paint) shows here. The pages wait on timers and
 * the throttled renderer, not on this machine's CPU, so they are loaded side by side.
 */
describe.concurrent('layout stability on a slow machine', () => {
  const SEARCH_DELAY_MS = 250;
  /** A page on a slow CPU whose Pagefind files arrive late (`late` matches ones later still). */
  async function slowPage(viewport: ViewportName, late?: { match: RegExp; ms: number }): Promise<Page> {
    const page = await newPage({ viewport: VIEWPORTS[viewport] });
    await throttleCpu(page);
    await page.route(/\/pagefind\//, async (route) => {
      const ms = late?.match.test(route.request().url()) ? late.ms : SEARCH_DELAY_MS;
      await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    });
    return page;
  }
  const status = (page: Page) => () => page.locator('#search-status').innerText();
  const headlines = (page: Page) => () => page.locator('#search-results li h2').allInnerTexts();
  const POLL = { timeout: 30_000 };

  it('the check sees a shift once the page is parsed (a banner pushed in late)', async ({ expect }) => {
    const page = await slowPage('phone');
    await page.route(`${served.server.url}skyver/`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>t</title><p>Første avsnitt</p><p>Andre avsnitt</p>
          <script>setTimeout(() => document.body.prepend(Object.assign(document.createElement('div'),
            { textContent: 'Banner', style: 'height:80px' })), 300)</script>`,
      }),
    );
    await page.goto(`${served.server.url}skyver/`);
    await page.waitForTimeout(1000);
    expect(await layoutShifts(page)).toEqual([expect.stringMatching(/^0\.\d+ at \d+ ms: /)]);
    await page.context().close();
  });

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`nothing moves on any page kind but search, ${viewport}`, async ({ expect }) => {
      const page = await slowPage(viewport);
      for (const path of ['', NTB_PATH, PHOTO_PATH, 'utenriks/', '2020/10/', 'finnes/ikke/']) {
        await page.goto(`${served.server.url}${path}`);
        await page.waitForTimeout(500);
        expect(await layoutShifts(page), `/${path}`).toEqual([]);
      }
      await page.context().close();
    });

    /** Search scenarios: how the page is opened and what it shows when it has settled. */
    const scenarios: {
      name: string;
      query: string;
      late?: { match: RegExp; ms: number };
      failIndex?: boolean;
      settled: (page: Page, expect: ExpectStatic) => Promise<void>;
    }[] = [
      {
        name: 'while results load and arrive',
        query: 'Stepanakert',
        settled: (page, expect) => expect.poll(status(page), POLL).toBe('1 treff.'),
      },
      {
        name: 'when a search finds nothing',
        query: 'ZYXWVUTKAST',
        settled: (page, expect) => expect.poll(status(page), POLL).toBe('Ingen treff.'),
      },
      {
        name: 'when the search index cannot be loaded',
        query: 'Stepanakert',
        failIndex: true,
        settled: (page, expect) =>
          expect.poll(status(page), POLL).toMatch(/^Søket er midlertidig utilgjengelig/),
      },
      {
        // The 2019 index arrives seconds after the 2020 one: results wait for both.
        name: 'when an older search shard answers late',
        query: 'm%C3%B8tet',
        late: { match: /\/pagefind\/2019\//, ms: 1500 },
        settled: (page, expect) =>
          expect.poll(headlines(page), POLL).toContain('Nyttårsmøtet i Bodø ble utsatt'),
      },
      {
        name: 'when a second search replaces the results',
        query: 'm%C3%B8tet',
        settled: async (page, expect) => {
          await expect.poll(status(page), POLL).toMatch(/^\d+ treff\.$/);
          // Other queries, from the menu and the field: results arrive long after the input.
          await page.getByLabel('År', { exact: true }).selectOption('2019');
          await expect.poll(status(page), POLL).toBe('1 treff.');
          await page.getByLabel('Søk i nyhetene').fill('Stepanakert');
          await page.getByLabel('År', { exact: true }).selectOption('');
          await expect.poll(headlines(page), POLL).toEqual([NTB_TITLE]);
        },
      },
    ];
    it.for(scenarios)(`nothing moves on the search page $name, ${viewport}`, async (scenario, { expect }) => {
      const page = await slowPage(viewport, scenario.late);
      if (scenario.failIndex)
        await page.route(/\/pagefind\/indexes\.json$/, (route) => route.fulfill({ status: 503, body: '' }));
      await page.goto(`${served.server.url}sok/?q=${scenario.query}`);
      await scenario.settled(page, expect);
      await page.waitForTimeout(500);
      expect(await layoutShifts(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('JavaScript only where a feature needs it', () => {
  it('loads no script on any page but search', async () => {
    const page = await newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    for (const path of PAGE_KINDS.filter((p) => !p.startsWith('sok/'))) {
      await page.goto(`${served.server.url}${path}`);
    }
    expect(scripts).toEqual([]);
    await page.goto(`${served.server.url}sok/?q=Stepanakert`);
    await page.locator('#search-results li').first().waitFor();
    expect(scripts.some((s) => /\/pagefind\/\d{4}\/pagefind\.js$/.test(s))).toBe(true);
    await page.context().close();
  });

  it('has no executable script element in any built page but search and a running live story', () => {
    for (const file of listFiles(site.outDir).filter((f) => f.endsWith('.html') && !f.startsWith('sok/'))) {
      const html = readFileSync(join(site.outDir, file), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
      // The running story offers new entries (src/scripts/live-updates.ts): one module, nothing else.
      const allowed =
        file === `${LIVE_PATH}index.html` ? [/^ type="module" src="\/_astro\/LiveUpdates[^"]+\.js"$/] : [];
      const executable = scripts.filter((attrs) => !attrs.includes('application/ld+json'));
      expect(executable.length, file).toBe(allowed.length);
      executable.forEach((attrs, i) => expect(attrs, file).toMatch(allowed[i] as RegExp));
    }
  });
});

describe('budgets', () => {
  it('article page HTML is at most 30 KB plus its body text', () => {
    const html = readPage(site.outDir, `/${NTB_PATH}`);
    const body = /<div class="body[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    const bodyText = body.replace(/<[^>]+>/g, '');
    expect(bodyText.length).toBeGreaterThan(2000);
    expect(Buffer.byteLength(html) - Buffer.byteLength(bodyText)).toBeLessThanOrEqual(30 * 1024);
  });

  it('all CSS together is at most 15 KB gzipped', () => {
    const css = listFiles(site.outDir).filter((f) => f.endsWith('.css') && f.startsWith('_astro/'));
    expect(css.length).toBeGreaterThan(0);
    const gzipped = css.reduce((sum, f) => sum + gzipSync(readFileSync(join(site.outDir, f))).length, 0);
    expect(gzipped).toBeLessThanOrEqual(15 * 1024);
  });
});

describe('print', () => {
  it('prints the article, byline, date and address without navigation', async () => {
    const page = await newPage();
    await page.goto(`${served.server.url}${NTB_PATH}`);
    await page.emulateMedia({ media: 'print' });
    const visible = (selector: string) => page.locator(selector).first().isVisible();
    expect(await visible('h1')).toBe(true);
    expect(await visible('.byline')).toBe(true);
    expect(await visible('.body')).toBe(true);
    expect(await visible('.print-only')).toBe(true);
    expect(await page.locator('.print-only').innerText()).toContain(`/${NTB_PATH}`);
    for (const nav of ['.site-header nav', '.search-link', '.site-footer', 'article footer']) {
      expect(await visible(nav), nav).toBe(false);
    }
    // A long read's reading time and contents box are for the screen.
    await page.goto(`${served.server.url}${LONG_READ_PATH}`);
    expect(await visible('.reading-time')).toBe(false);
    expect(await visible('.toc')).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await visible('.reading-time')).toBe(true);
    expect(await visible('.print-only')).toBe(false);
    await page.context().close();
  });
});

describe('article and archive features', () => {
  it('shows reading time and a table of contents on a long read only', () => {
    const html = readPage(site.outDir, `/${LONG_READ_PATH}`);
    expect(html).toMatch(/> · \d+ min lesing</);
    expect(html).toMatch(/<nav class="toc"[^>]*aria-labelledby="toc-heading"/);
    for (const id of ['kvotene', 'havnene', 'framtiden']) {
      expect(html).toContain(`href="#${id}"`);
      expect(html).toContain(`id="${id}"`);
    }
    // The NTB report has three subheadings too, but reads in two minutes.
    const ntb = readPage(site.outDir, `/${NTB_PATH}`);
    expect(ntb).toContain('id="fredssamtaler-i-moskva"');
    expect(ntb).not.toMatch(/min lesing|class="toc"/);
  });

  it('month pages show a calendar of the days with news', () => {
    const html = readPage(site.outDir, '/2020/10/');
    expect(html).toMatch(/<caption[^>]*>Kalender for oktober 2020<\/caption>/);
    // October 2020 starts on a Thursday: three blank cells before the 1st.
    expect(html).toMatch(/<tbody[^>]*><tr[^>]*>(<td[^>]*><\/td>){3}<td[^>]*>1<\/td>/);
    expect(html).toMatch(/<a href="\/2020\/10\/10\/" aria-label="10\. oktober 2020: 3 saker"[^>]*>10<\/a>/);
  });
});
