// Issue 25 as a reader meets it, in Chromium against nginx: a running and an ended live story
// (the Nu checker, axe light and dark at 375 and 1280 px, screenshots), the page without script,
// search that leads to an entry, and an entry published while the page is open: offered, shown on
// request, with nothing moving before the reader asks.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, OUTPUT_ROOT } from '../helpers/build';
import {
  axeViolations,
  collectErrors,
  hasHorizontalScroll,
  layoutShifts,
  VIEWPORTS,
} from '../helpers/browser';
import { nuErrors } from '../helpers/nu-checker';
import { serveWithNginx, type RunningServer } from '../../scripts/nginx-server';
import { ENDED_LIVE_PATH, LIVE_PATH, SITES } from './sites';
import { SCREENSHOTS, servedSite } from '../helpers/served-site';

const site = SITES.root;
const POLL = { timeout: 15_000 };
/** The entries' anchors in page order. */
const ANCHORS = '.live-entry h3[id]';

const served = servedSite(site);

describe('live stories', () => {
  it('pass the W3C Nu checker with 0 errors', () => {
    const files = [LIVE_PATH, ENDED_LIVE_PATH].map((path) => join(site.outDir, path, 'index.html'));
    expect(nuErrors(files, site.outDir)).toEqual([]);
  });

  for (const [name, path] of [
    ['running', LIVE_PATH],
    ['ended', ENDED_LIVE_PATH],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of ['phone', 'desktop'] as const) {
        it(`axe finds nothing and nothing scrolls sideways: ${name}, ${colorScheme}, ${viewport}`, async () => {
          const context = await served.browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme });
          const page = await context.newPage();
          const errors = collectErrors(page);
          await page.goto(`${served.server.url}${path}`);
          expect(await axeViolations(page)).toEqual([]);
          expect(await hasHorizontalScroll(page)).toBe(false);
          await page.screenshot({
            path: join(SCREENSHOTS, `${viewport}-${colorScheme}-live-${name}.png`),
            fullPage: true,
          });
          expect(errors).toEqual([]);
          await context.close();
        });
      }
    }
  }

  it('reads completely without script', async () => {
    const context = await served.browser.newContext({ viewport: VIEWPORTS.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.server.url}${LIVE_PATH}`);
    expect(await page.locator(ANCHORS).evaluateAll((hs) => hs.map((h) => h.id))).toEqual([
      'oppdatering-2115-beredskap',
      'oppdatering-0945-ras',
      'oppdatering-0020-strombrudd',
      'oppdatering-2350-vinden-oker',
    ]);
    expect(await page.locator('.live-status').innerText()).toBe(
      'DIREKTE Sist oppdatert 1. nov. 2020 kl. 09.45',
    );
    expect(await page.locator('.live-new button').count()).toBe(0);
    // An entry's link works as a shared link does: the page opens at the entry.
    await page.goto(`${served.server.url}${LIVE_PATH}#oppdatering-0020-strombrudd`);
    const top = await page
      .locator('#oppdatering-0020-strombrudd')
      .evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(60);
    await context.close();
  });

  it('is found by a word in an entry, and search leads to that entry', async () => {
    const context = await served.browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${served.server.url}sok/?q=jordras`);
    const result = page.locator('#search-results li').first();
    await expect
      .poll(() => result.locator('h2 a').getAttribute('href'), POLL)
      .toBe(`/${LIVE_PATH}#oppdatering-0945-ras`);
    expect(await result.locator('.meta').innerText()).toContain(
      '· 1. nov. 2020 kl. 09.45 Jordras stenger E39',
    );
    expect(await result.locator('mark').first().innerText()).toMatch(/jordras/i);
    await result.locator('h2 a').click();
    await page.waitForURL(`${served.server.url}${LIVE_PATH}#oppdatering-0945-ras`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('an entry published while the page is open', () => {
  const name = 'live-publish';
  const content = join(OUTPUT_ROOT, 'content-live-publish');
  const env = { CONTENT_DIR: content, SITE_URL: 'https://nyheter.example.no' };
  let published: RunningServer;
  beforeAll(async () => {
    rmSync(content, { recursive: true, force: true });
    cpSync('tests/fixtures/live/articles', join(content, 'articles'), { recursive: true });
    const first = await buildSiteAsync(name, { ...env, BUILD_NOW: '2020-11-01T12:00:00+01:00' });
    if (first.status !== 0) throw new Error(first.output);
    published = await serveWithNginx(first.outDir, '/');
  }, 180_000);
  afterAll(async () => {
    await published?.stop();
  });

  // The phone's reader sees the new entry and the embargoed one fall due; the desktop's, later, one more.
  for (const [viewport, time] of [
    ['phone', '19.00'],
    ['desktop', '19.10'],
  ] as const) {
    it(`is offered without a layout shift and shown on request (${viewport})`, async () => {
      const anchor = `oppdatering-${time.replace('.', '')}-${viewport}`;
      const context = await served.browser.newContext({ viewport: VIEWPORTS[viewport] });
      const page = await context.newPage();
      const errors = collectErrors(page);
      // The page's own clock, so its 45 s checks run when the test says.
      await page.clock.install();
      await page.goto(`${published.url}${LIVE_PATH}`);
      const before = await page.locator(ANCHORS).evaluateAll((hs) => hs.map((h) => h.id));
      expect(before).not.toContain(anchor);
      // The reader is reading the second entry.
      await page.locator('#oppdatering-0945-ras').scrollIntoViewIfNeeded();
      const reading = () =>
        page.locator('#oppdatering-0945-ras').evaluate((h) => Math.round(h.getBoundingClientRect().top));
      const readingAt = await reading();
      // Nothing new yet: a check offers nothing.
      await page.clock.runFor(46_000);
      await page.waitForTimeout(300);
      expect(await page.locator('.live-new button').count()).toBe(0);

      // The newsroom publishes: a new entry, and the embargoed one falls due (a rebuild, as npm
      // run build does it, into the folder nginx serves).
      writeFileSync(
        join(content, 'articles/2020/uvaer/oppdateringer', `${anchor.replace('oppdatering-', '')}.md`),
        `---\ndate: 2020-11-01T${time.replace('.', ':')}:00+01:00\n---\n\nStrømmen er tilbake i Stavanger (${viewport}).\n`,
      );
      const rebuilt = await buildSiteAsync(
        name,
        { ...env, BUILD_NOW: '2020-11-01T19:30:00+01:00' },
        { rebuild: true },
      );
      expect(rebuilt.status, rebuilt.output).toBe(0);

      await page.clock.runFor(46_000);
      const button = page.locator('.live-new button');
      await expect.poll(() => button.count(), POLL).toBe(1);
      expect(await button.innerText()).toBe(
        viewport === 'phone' ? '2 nye oppdateringer – vis' : '1 ny oppdatering – vis',
      );
      // Offered in the space kept for it: nothing moved, and the reader is where they were.
      expect(await layoutShifts(page)).toEqual([]);
      expect(await reading()).toBe(readingAt);
      expect(await axeViolations(page)).toEqual([]);

      await button.click();
      await expect.poll(() => page.locator(ANCHORS).count(), POLL).toBeGreaterThan(before.length);
      const after = await page.locator(ANCHORS).evaluateAll((hs) => hs.map((h) => h.id));
      // The pinned entry stays first; the new one is the newest after it.
      expect(after.slice(0, 2)).toEqual(['oppdatering-2115-beredskap', anchor]);
      if (viewport === 'phone') expect(after[2]).toBe('oppdatering-1800-kveld');
      expect(after).toEqual(expect.arrayContaining(before));
      // Focus moves to the newest entry, for keyboard and screen reader users; the offer is gone.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(anchor);
      expect(await button.count()).toBe(0);
      expect(await page.locator('.live-status').innerText()).toBe(
        `DIREKTE Sist oppdatert 1. nov. 2020 kl. ${time}`,
      );
      if (viewport === 'phone')
        await page.screenshot({ path: join(SCREENSHOTS, 'phone-light-live-after-update.png') });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
