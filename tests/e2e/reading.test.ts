// A reader in Chromium, on a phone and on a desktop, against the built site served by nginx,
// at the root and under /nyheter/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  collectErrors,
  dictionaryFetched,
  hasHorizontalScroll,
  launchBrowser,
  VIEWPORTS,
  type ViewportName,
} from '../helpers/browser';
import { serveWithNginx, type RunningServer } from '../../scripts/nginx-server';
import { NTB_PATH, NTB_TITLE, SITES } from './sites';
import { SCREENSHOTS } from '../helpers/served-site';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const h1 = (page: Page) => page.locator('h1').first().innerText();

for (const site of Object.values(SITES)) {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    describe(`${viewport} at ${site.base}`, () => {
      let server: RunningServer;
      let context: BrowserContext;
      let page: Page;
      let errors: string[];
      const visited = new Set<string>();
      const url = (path = '') => `${server.url}${path}`;

      /** Every page the flows reach must fit the screen. */
      async function checkLayout() {
        visited.add(page.url());
        expect(await hasHorizontalScroll(page), `horizontal scroll on ${page.url()}`).toBe(false);
      }

      beforeAll(async () => {
        server = await serveWithNginx(site.outDir, site.base);
        context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'nb-NO' });
        page = await context.newPage();
        errors = collectErrors(page);
      });
      afterAll(async () => {
        await context?.close();
        await server?.stop();
      });

      it('front page → article → its category → back', async () => {
        await page.goto(url());
        await checkLayout();
        if (site.base === '/') {
          await page.screenshot({ path: join(SCREENSHOTS, `${viewport}-front.png`), fullPage: true });
        }
        await page.getByRole('link', { name: NTB_TITLE }).first().click();
        await page.waitForURL(url(NTB_PATH));
        expect(await h1(page)).toBe(NTB_TITLE);
        await checkLayout();
        if (site.base === '/') {
          await page.screenshot({ path: join(SCREENSHOTS, `${viewport}-article.png`), fullPage: true });
        }
        await page.locator('article .kicker a', { hasText: 'Utenriks' }).click();
        await page.waitForURL(url('utenriks/'));
        expect(await h1(page)).toBe('Utenriks');
        await checkLayout();
        await page.goBack();
        await page.waitForURL(url(NTB_PATH));
        expect(await h1(page)).toBe(NTB_TITLE);
      });

      it('article → its day → month → year, and between days', async () => {
        await page.goto(url(NTB_PATH));
        await page.getByRole('link', { name: 'Flere saker fra lørdag 10. oktober 2020' }).click();
        await page.waitForURL(url('2020/10/10/'));
        expect(await h1(page)).toBe('Nyheter lørdag 10. oktober 2020');
        await checkLayout();

        await page.getByRole('link', { name: /^Neste dag med nyheter/ }).click();
        await page.waitForURL(url('2020/10/11/'));
        await checkLayout();
        await page.getByRole('link', { name: /^← Forrige dag med nyheter/ }).click();
        await page.waitForURL(url('2020/10/10/'));

        const crumbs = page.getByRole('navigation', { name: 'Brødsmulesti' });
        await crumbs.getByRole('link', { name: 'oktober' }).click();
        await page.waitForURL(url('2020/10/'));
        expect(await h1(page)).toBe('Nyheter i oktober 2020');
        await checkLayout();
        await page
          .getByRole('navigation', { name: 'Brødsmulesti' })
          .getByRole('link', { name: '2020' })
          .click();
        await page.waitForURL(url('2020/'));
        expect(await h1(page)).toBe('Nyheter i 2020');
        await checkLayout();
        await page.getByRole('link', { name: 'oktober 2020' }).click();
        await page.waitForURL(url('2020/10/'));
      });

      it('works by keyboard alone: skip link, visible focus, every control reachable', async () => {
        await page.goto(url(NTB_PATH));
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const box = el.getBoundingClientRect();
          return { text: el.textContent, inView: box.top >= 0 && box.bottom <= window.innerHeight };
        });
        expect(skip).toEqual({ text: 'Hopp til hovedinnholdet', inView: true });
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('innhold');

        // From the top, Tab must reach every link once, each with a visible focus indicator.
        await page.goto(url(NTB_PATH));
        const controls = await page
          .locator('a[href], button, input, select, textarea, [tabindex="0"]')
          .count();
        const reached = new Set<string>();
        for (let i = 0; i < controls + 2; i++) {
          await page.keyboard.press('Tab');
          const focus = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const index = [
              ...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]'),
            ].indexOf(el);
            return { index, visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
          });
          if (!focus) continue;
          expect(focus.visible, `focus indicator on control ${focus.index}`).toBe(true);
          reached.add(String(focus.index));
        }
        expect(reached.size).toBe(controls);
      });

      it('shows the 404 page with status 404, a search field and the latest stories', async () => {
        const response = await page.goto(url('finnes/ikke/'));
        expect(response?.status()).toBe(404);
        expect(await h1(page)).toBe('Fant ikke siden');
        await checkLayout();
        const latest = page.getByRole('region', { name: 'Siste nytt' });
        expect(await latest.getByRole('heading', { level: 3 }).count()).toBe(5);
        await page.getByLabel('Søk etter saken').fill('Stepanakert');
        await page.getByRole('button', { name: 'Søk' }).click();
        await page.waitForURL(url('sok/?q=Stepanakert'));
        expect(await h1(page)).toBe('Søk');
        await page.goto(url('finnes/ikke/'));
        await page.getByRole('link', { name: 'Gå til forsiden' }).click();
        await page.waitForURL(url());
      });

      it('shows the news on the first screen: a short header, and the NTB text high up', async () => {
        await page.goto(url(NTB_PATH));
        const header = await page.locator('header.site-header').boundingBox();
        const firstParagraph = await page.locator('article .body > p').first().boundingBox();
        if (!header || !firstParagraph) throw new Error('no header or body paragraph');
        if (viewport === 'phone') {
          expect(header.height, 'header height at 375 px').toBeLessThanOrEqual(120);
          // One row of categories, scrolled sideways rather than wrapped.
          const rows = await page
            .locator('header.site-header nav li')
            .evaluateAll((items) => new Set(items.map((li) => li.getBoundingClientRect().top)).size);
          expect(rows).toBe(1);
        }
        expect(firstParagraph.y, 'top of the first paragraph').toBeLessThan(600);
        // The category shows once in the article (the kicker), with no breadcrumb trail above it.
        expect(await page.locator('main nav[aria-label="Brødsmulesti"]').count()).toBe(0);
        expect(
          await page.locator('article.article > header').getByText('Utenriks', { exact: true }).count(),
        ).toBe(1);
        // One meta line: byline, date (no reading time or contents box for a two-minute story).
        expect(await page.locator('article header .meta').innerText()).toBe(
          'Av NTB · lørdag 10. oktober 2020 kl. 10.40',
        );
        expect(await page.locator('.toc').count()).toBe(0);
      });

      it('shows each story once on the front page', async () => {
        await page.goto(url());
        const stories = await page
          .locator('main article :is(h2, h3) a')
          .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
        expect(stories.length).toBeGreaterThan(5);
        expect(stories.filter((p, i) => stories.indexOf(p) !== i)).toEqual([]);
      });

      it('article → its topic → back, and → its byline', async () => {
        await page.goto(url(NTB_PATH));
        await page
          .getByRole('navigation', { name: 'Tema' })
          .getByRole('link', { name: 'Nagorno-Karabakh' })
          .click();
        await page.waitForURL(url('tema/nagorno-karabakh/'));
        expect(await h1(page)).toBe('Nagorno-Karabakh');
        await checkLayout();
        await expect(page.getByRole('link', { name: NTB_TITLE }).count()).resolves.toBe(1);
        await page
          .getByRole('navigation', { name: 'Brødsmulesti' })
          .getByRole('link', { name: 'Tema' })
          .click();
        await page.waitForURL(url('tema/'));
        await checkLayout();
        await page.getByRole('link', { name: 'Nagorno-Karabakh' }).click();
        await page.waitForURL(url('tema/nagorno-karabakh/'));

        await page.goto(url(NTB_PATH));
        await page.locator('article header .byline').getByRole('link', { name: 'NTB' }).click();
        await page.waitForURL(url('av/ntb/'));
        expect(await h1(page)).toBe('NTB');
        await checkLayout();
        await expect(page.getByRole('link', { name: NTB_TITLE }).count()).resolves.toBe(1);
      });

      it('has zero axe violations (WCAG 2.1 AA) on every page kind', async () => {
        const pages = [
          '',
          NTB_PATH,
          'utenriks/',
          '2020/10/10/',
          '2020/10/',
          '2020/',
          'tema/',
          'tema/nagorno-karabakh/',
          'av/ntb/',
          'finnes/ikke/',
        ];
        for (const path of pages) {
          await page.goto(url(path));
          expect(await axeViolations(page), `axe on ${path || '/'}`).toEqual([]);
        }
      });

      it('logged no console errors on any page', () => {
        expect(visited.size).toBeGreaterThan(5);
        // The 404 response itself is reported by Chromium as a failed resource load: expected.
        expect(errors.filter((e) => !e.includes('404 (Not Found)'))).toEqual([]);
      });
    });
  }
}

for (const site of Object.values(SITES)) {
  describe(`a returning reader at ${site.base}`, () => {
    let server: RunningServer;
    let context: BrowserContext;
    beforeAll(async () => {
      server = await serveWithNginx(site.outDir, site.base);
      context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'nb-NO' });
    });
    afterAll(async () => {
      await context?.close();
      await server?.stop();
    });

    it('gets the next pages compressed against the dictionary the first page announced', async () => {
      const page = await context.newPage();
      const errors = collectErrors(page);
      const dictionary = dictionaryFetched(page);
      const first = await page.goto(server.url);
      // Nothing held yet: brotli, and the dictionary fetched when the page is idle; Chromium
      // stores it once read, and the next navigation uses it.
      expect(first?.headers()['content-encoding']).toBe('br');
      expect((await dictionary).status()).toBe(200);
      // Decoded to the whole page: its heading, and text from its end.
      for (const [path, title, text] of [
        [NTB_PATH, NTB_TITLE, 'Nagorno-Karabakh'],
        ['utenriks/', 'Utenriks', NTB_TITLE],
      ] as const) {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.headers()['content-encoding'], path).toBe('dcb');
        expect(await h1(page), path).toBe(title);
        expect(await page.locator('main').innerText(), path).toContain(text);
        expect(await page.locator('footer.site-footer').count(), path).toBe(1);
      }
      expect(errors).toEqual([]);
    });
  });
}
