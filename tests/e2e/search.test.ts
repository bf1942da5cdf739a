// Full-text search on the built site, served by nginx: Pagefind, Norwegian, with filters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser } from '../helpers/browser';
import { serveWithNginx, type RunningServer } from '../../scripts/nginx-server';
import { NTB_TITLE, SITES } from './sites';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const site of Object.values(SITES)) {
  describe(`search at ${site.base}`, () => {
    let server: RunningServer;
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      server = await serveWithNginx(site.outDir, site.base);
      page = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage();
      errors = collectErrors(page);
    });
    afterAll(async () => {
      await page?.context().close();
      await server?.stop();
    });

    const results = () => page.locator('#search-results li h2 a').allInnerTexts();
    // Pagefind loads its index on the first search: seconds on a slow or busy machine.
    const POLL = { timeout: 15_000 };
    const status = () => page.locator('#search-status').innerText();

    it('is linked from the header and finds the NTB report by "Stepanakert"', async () => {
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Søk', exact: true }).click();
      await page.waitForURL(`${server.url}sok/`);
      await page.getByLabel('Søk i nyhetene').fill('Stepanakert');
      await expect.poll(status, POLL).toBe('1 treff.');
      expect(await results()).toEqual([NTB_TITLE]);
      expect(await page.locator('#search-results li .meta').first().innerText()).toBe(
        'lørdag 10. oktober 2020 kl. 10.40',
      );
      expect(await page.locator('#search-results mark').first().innerText()).toMatch(/^Stepanakert/);
      await page.getByRole('link', { name: NTB_TITLE }).click();
      await page.waitForURL(
        `${server.url}2020/10/10/angrep-og-motangrep-da-vapenhvilen-i-nagorno-karabakh-skulle-tre-i-kraft/`,
      );
    });

    it('narrows results with the category and year filters', async () => {
      await page.goto(`${server.url}sok/?q=m%C3%B8tet`);
      await expect.poll(async () => (await results()).length, POLL).toBeGreaterThan(1);
      const all = await results();
      await page.getByLabel('Emne', { exact: true }).selectOption('Politikk');
      await expect.poll(results, POLL).toEqual(['Sent møte uten tidssone']);
      expect(all).toContain('Sent møte uten tidssone');
      await page.getByLabel('Emne', { exact: true }).selectOption('');
      await page.getByLabel('År', { exact: true }).selectOption('2020');
      await expect.poll(async () => (await results()).length, POLL).toBe(all.length - 1);
      await page.getByLabel('År', { exact: true }).selectOption('2019');
      await expect.poll(results, POLL).toEqual(['Nyttårsmøtet i Bodø ble utsatt']);
    });

    it('searches every year: one index per year, merged in the browser', async () => {
      // The 2019 article is in the 2019 index, the others in 2020's; one search finds both.
      expect(JSON.parse(readFileSync(join(site.outDir, 'pagefind', 'indexes.json'), 'utf8'))).toEqual([
        '2020/',
        '2019/',
      ]);
      await page.goto(`${server.url}sok/?q=m%C3%B8tet`);
      await expect.poll(results, POLL).toContain('Nyttårsmøtet i Bodø ble utsatt');
      expect(await results()).toContain('Sent møte uten tidssone');
    });

    it('never finds drafts or embargoed articles', async () => {
      for (const word of ['ZYXWVUTKAST', 'QWXYZEMBARGO', 'Zyxwv', 'Qwxyz']) {
        await page.goto(`${server.url}sok/?q=${word}`);
        await expect.poll(status, POLL).toBe('Ingen treff.');
      }
    });

    it('logged no console errors', () => {
      expect(errors).toEqual([]);
    });
  });
}
