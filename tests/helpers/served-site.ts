/**
 * What most browser test files start with: Chromium, and one built site served by nginx with the
 * shipped configuration, started before the file's tests and stopped after them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveWithNginx, type RunningServer } from '../../scripts/nginx-server';
import { launchBrowser } from './browser';
import { OUTPUT_ROOT } from './build';

/** Where browser tests save the screenshots a person looks at. */
export const SCREENSHOTS = join(OUTPUT_ROOT, 'screenshots');

export interface ServedSite {
  /** Set once the file's tests run (beforeAll). */
  browser: Browser;
  server: RunningServer;
}

export function servedSite(site: { outDir: string; base: string }): ServedSite {
  const held = {} as ServedSite;
  beforeAll(async () => {
    held.browser = await launchBrowser();
    held.server = await serveWithNginx(site.outDir, site.base);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await held.browser?.close();
    await held.server?.stop();
  });
  return held;
}
