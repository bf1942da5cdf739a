// Issue 24 as a reader meets it, in Chromium against nginx: corrections under the text and in
// the log, the opinion label, /om/, an author's page and the type filter in search; axe in light
// and dark, and screenshots of each page at 375 and 1280 px.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, collectErrors, hasHorizontalScroll, VIEWPORTS } from '../helpers/browser';
import { SITES } from './sites';
import { SCREENSHOTS, servedSite } from '../helpers/served-site';

const site = SITES.root;
const CORRECTED = '2020/10/07/ferjeselskap-innstiller-avganger-etter-streik/';
const OPINION = '2020/10/07/streiken-viser-hvor-sarbar-kysten-er/';
const PAGES: [string, string][] = [
  ['rettet-sak', CORRECTED],
  ['kommentar', OPINION],
  ['om', 'om/'],
  ['rettelser', 'rettelser/'],
  ['forfatter', 'av/kari-nordmann/'],
];
const served = servedSite(site);

describe('accountability pages', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const viewport of ['phone', 'desktop'] as const) {
      it(`axe finds nothing and nothing scrolls sideways, ${colorScheme}, ${viewport}`, async () => {
        const context = await served.browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme });
        const page = await context.newPage();
        const errors = collectErrors(page);
        for (const [name, path] of PAGES) {
          await page.goto(`${served.server.url}${path}`);
          expect(await axeViolations(page), `${colorScheme} ${path}`).toEqual([]);
          expect(await hasHorizontalScroll(page), path).toBe(false);
          await page.screenshot({
            path: join(SCREENSHOTS, `${viewport}-${colorScheme}-${name}.png`),
            fullPage: true,
          });
        }
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('a reader', () => {
  it('follows "Rettet" to the notes, the footer to /om/ and the log back to the note', async () => {
    const context = await served.browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${served.server.url}${CORRECTED}`);
    await page.getByRole('link', { name: 'Rettet', exact: true }).click();
    await page.waitForURL(`${served.server.url}${CORRECTED}#rettelser`);
    const notes = page.getByRole('region', { name: 'Rettelser' });
    await expect.poll(() => notes.isVisible()).toBe(true);
    expect(await notes.locator('li').first().innerText()).toContain('Saken sa at streiken gjaldt');
    expect(
      await page.evaluate(() => document.getElementById('rettelser')?.getBoundingClientRect().top),
    ).toBeLessThan(VIEWPORTS.phone.height);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Om oss' }).click();
    await page.waitForURL(`${served.server.url}om/`);
    expect(await page.locator('h1').innerText()).toBe('Om Nyhetsleseren');
    await page.getByRole('link', { name: 'Se alle rettelser' }).click();
    await page.waitForURL(`${served.server.url}rettelser/`);
    await page.locator('.log li h2 a').nth(2).click();
    await page.waitForURL(`${served.server.url}${CORRECTED}#rettelse-20201008t0915`);
    const note = page.locator('#rettelse-20201008t0915');
    expect(await note.innerText()).toContain('Riktig tall er 41.');
    // In view, with the room :target leaves above it (not cut by the window's top edge).
    await expect
      .poll(() => note.evaluate((el) => el.getBoundingClientRect().top), { timeout: 5000 })
      .toBeGreaterThanOrEqual(8);
    expect(await note.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(
      VIEWPORTS.phone.height / 2,
    );
    await context.close();
  });

  it('sees the opinion label in search results and narrows search to a type', async () => {
    const context = await served.browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const POLL = { timeout: 15_000 };
    await page.goto(`${served.server.url}sok/?q=streik`);
    const titles = () => page.locator('#search-results li h2').allInnerTexts();
    await expect.poll(async () => (await titles()).length, POLL).toBeGreaterThan(1);
    expect(await titles()).toContain('KOMMENTAR Streiken viser hvor sårbar kysten er');
    await page.getByLabel('Sakstype', { exact: true }).selectOption('Kommentar');
    await expect.poll(titles, POLL).toEqual(['KOMMENTAR Streiken viser hvor sårbar kysten er']);
    expect(page.url()).toBe(`${served.server.url}sok/?q=streik`);
    await page.getByLabel('Sakstype', { exact: true }).selectOption('Analyse');
    await expect.poll(titles, POLL).toEqual(['ANALYSE Tre grunner til at forhandlingene stanset']);
    await context.close();
  });
});
