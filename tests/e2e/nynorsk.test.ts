// Issue 27 as a reader meets it, in Chromium against nginx: the nynorsk article (axe in light and
// dark at 375 and 1280 px, the Nu checker, hyphenation by its language), and search that finds it
// by a nynorsk word from the bokmål search page, says it is nynorsk and filters by language.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, collectErrors, hasHorizontalScroll, VIEWPORTS } from '../helpers/browser';
import { nuErrors } from '../helpers/nu-checker';
import { NYNORSK_PATH, SITES } from './sites';
import { SCREENSHOTS, servedSite } from '../helpers/served-site';

const site = SITES.root;
const TITLE = 'Ferjestreiken held fram på Vestlandet';
// Pagefind loads its index on the first search: seconds on a slow or busy machine.
const POLL = { timeout: 15_000 };

const served = servedSite(site);

describe('the nynorsk article', () => {
  it('passes the W3C Nu checker with 0 errors', () => {
    expect(nuErrors([join(site.outDir, NYNORSK_PATH, 'index.html')], site.outDir)).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const viewport of ['phone', 'desktop'] as const) {
      it(`axe finds nothing and nothing scrolls sideways, ${colorScheme}, ${viewport}`, async () => {
        const context = await served.browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme });
        const page = await context.newPage();
        const errors = collectErrors(page);
        await page.goto(`${served.server.url}${NYNORSK_PATH}`);
        expect(await page.locator('html').getAttribute('lang')).toBe('nn');
        expect(await axeViolations(page)).toEqual([]);
        expect(await hasHorizontalScroll(page)).toBe(false);
        await page.screenshot({
          path: join(SCREENSHOTS, `${viewport}-${colorScheme}-nynorsk.png`),
          fullPage: true,
        });
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  it('reads as nynorsk, hyphenated by its language, with the chrome in bokmål', async () => {
    const page = await (await served.browser.newContext({ viewport: VIEWPORTS.phone })).newPage();
    await page.goto(`${served.server.url}${NYNORSK_PATH}`);
    await expect
      .poll(() => page.locator('.article .meta time').first().innerText())
      .toBe('laurdag 10. oktober 2020 kl. 10.40');
    const paragraph = page.locator('.article .body p').first();
    // The browser takes the paragraph's language from <html lang="nn">, and hyphenates by it.
    expect(await paragraph.evaluate((p) => p.closest('[lang]')?.getAttribute('lang'))).toBe('nn');
    expect(await paragraph.evaluate((p) => getComputedStyle(p).hyphens)).toBe('auto');
    expect(await page.locator('.article h1').evaluate((h) => getComputedStyle(h).hyphens)).toBe('manual');
    const menu = page.getByRole('navigation', { name: 'Emner' });
    expect(await menu.evaluate((nav) => nav.closest('[lang]')?.getAttribute('lang'))).toBe('nb');
    // "Les òg" leads on to a bokmål story, marked as such.
    const related = page.getByRole('region', { name: 'Les òg' });
    await related.getByRole('link', { name: 'Ferjeselskap innstiller avganger etter streik' }).click();
    await page.waitForURL(`${served.server.url}2020/10/07/ferjeselskap-innstiller-avganger-etter-streik/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await page.context().close();
  });
});

describe('search across both written standards', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = await (await served.browser.newContext({ viewport: VIEWPORTS.phone })).newPage();
    errors = collectErrors(page);
  });
  afterAll(async () => {
    await page?.context().close();
  });
  const results = () => page.locator('#search-results li h2 a').allInnerTexts();

  it('finds the nynorsk article by a nynorsk word from the search page, marked nynorsk', async () => {
    await page.goto(`${served.server.url}sok/`);
    await page.getByLabel('Søk i nyhetene').fill('pendlarane');
    await expect.poll(results, POLL).toEqual([TITLE]);
    const item = page.locator('#search-results li').first();
    expect(await item.locator('.meta').innerText()).toBe('lørdag 10. oktober 2020 kl. 10.40 · Nynorsk');
    expect(await item.locator('h2 a').getAttribute('lang')).toBe('nn');
    await item.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`${served.server.url}${NYNORSK_PATH}`);
  });

  it('stems nynorsk: "ferjesamband" finds "ferjesambanda"', async () => {
    await page.goto(`${served.server.url}sok/?q=ferjesamband`);
    await expect.poll(results, POLL).toContain(TITLE);
  });

  it('narrows by language, and keeps the choice in the address', async () => {
    await page.goto(`${served.server.url}sok/?q=streik`);
    await expect.poll(async () => (await results()).length, POLL).toBeGreaterThan(1);
    const all = await results();
    expect(all).toContain(TITLE);
    await page.getByLabel('Språk', { exact: true }).selectOption('Nynorsk');
    await expect.poll(results, POLL).toEqual([TITLE]);
    await page.getByLabel('Språk', { exact: true }).selectOption('Bokmål');
    await expect.poll(results, POLL).toEqual(all.filter((title) => title !== TITLE));
    // No bokmål result carries a language hint.
    expect(await page.locator('#search-results .lang-hint').count()).toBe(0);
    await page.getByRole('button', { name: 'Søk' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sprak')).toBe('Bokmål');
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
