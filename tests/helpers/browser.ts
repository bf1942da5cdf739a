/** Debian's Chromium driven by playwright-core (browser downloads do not work here). */
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type Request, type Response } from 'playwright-core';

/**
 * Debian's Chromium headless shell (package chromium-headless-shell: the same Chromium release
 * and engine without the browser's own interface, as Playwright runs headless by default); it
 * takes about a third less CPU than the full browser, which the suite's time is bound by. The
 * full browser where the shell is not installed; CHROMIUM_PATH for any other.
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ||
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ||
  '/usr/bin/chromium';

export const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium-headless-shell (see .ci/run).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Console errors and uncaught exceptions seen on a page, for "no console errors" checks. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message} (${page.url()})`));
  return errors;
}

/**
 * The site's compression dictionary, once Chromium has fetched it and read it to the end (it
 * stores it then). Call before the navigation that announces it. Chromium fetches the dictionary
 * a `Link: rel=compression-dictionary` names from an idle callback (requestIdleCallback without
 * a timeout, in Blink's PreloadHelper). In headless Chromium about one fresh page in six gets no
 * idle time at all until some input arrives (measured: requestIdleCallback silent for 90 s while
 * requestAnimationFrame runs; one mouse move and it runs), which failed CI twice. A reader moves
 * the mouse or touches the screen; so does this helper, when no fetch has come after 3 s. A
 * failed fetch fails at once with Chromium's reason.
 */
export function dictionaryFetched(page: Page, timeout = 60_000): Promise<Response> {
  const isDictionary = (url: string) => url.endsWith('/ordbok.txt');
  return new Promise((resolve, reject) => {
    const failed = (request: Request) => {
      if (isDictionary(request.url()))
        reject(new Error(`fetching ${request.url()} failed: ${request.failure()?.errorText}`));
    };
    page.on('requestfailed', failed);
    const nudge = setInterval(
      () => void page.mouse.move(1, 1 + Math.random() * 10).catch(() => undefined),
      3000,
    );
    page
      .waitForResponse((response) => isDictionary(response.url()), { timeout })
      .then(async (response) => {
        await response.finished();
        resolve(response);
      }, reject)
      .finally(() => {
        clearInterval(nudge);
        page.off('requestfailed', failed);
      });
  });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe violations on the current page, one readable line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Every layout shift so far that counts towards CLS (not right after input, as Lighthouse counts
 * them), one line each with its score and the nodes that moved: an empty list is a CLS of 0, and
 * a failure names what moved. On a page slowed by `throttleCpu`, shifts up to the first frame
 * after the parser finished are left out (see there).
 */
export function layoutShifts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const shifts: string[] = [];
        const name = (node: Node | null) => {
          if (!(node instanceof Element)) return node?.nodeName ?? '(gone)';
          const id = node.id ? `#${node.id}` : '';
          const classes = [...node.classList].map((c) => `.${c}`).join('');
          return `${node.localName}${id}${classes}`;
        };
        const parsedFrame = (window as { __parsedFrame?: number }).__parsedFrame ?? 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
          })[]) {
            if (entry.hadRecentInput || entry.startTime <= parsedFrame) continue;
            const moved = entry.sources.map(
              (s) => `${name(s.node)} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`,
            );
            shifts.push(
              `${entry.value.toFixed(5)} at ${Math.round(entry.startTime)} ms: ${moved.join(', ')}`,
            );
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(shifts), 200);
      }),
  );
}

/**
 * A slower machine, as a cheap phone or a busy CI runner is: the page's CPU slowed `rate` times
 * through the Chrome DevTools Protocol. Timing bugs show up here that a fast machine hides.
 */
export async function throttleCpu(page: Page, rate = 6): Promise<void> {
  // So slowed, Chromium paints a page its parser has not finished (it yields on a time budget, at
  // any tag): a button whose label is not parsed yet, a heading half its length. That is the
  // browser streaming, not the page moving, and it lands anywhere, so it made these tests flaky.
  // What a page does once parsed (results, photos, updates arriving late) still counts: the time
  // of the first frame after parsing is noted for `layoutShifts`, which counts what comes after.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      requestAnimationFrame((frame) => {
        (window as { __parsedFrame?: number }).__parsedFrame = frame;
      });
    });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** True when the page is wider than the viewport (horizontal scrolling). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}
