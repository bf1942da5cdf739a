/**
 * Lighthouse (mobile preset) against the built site served by nginx with the shipped config:
 *   npm run build && npm run lighthouse            (CHROME_PATH defaults to /usr/bin/chromium)
 * Audits the front page, the NTB article, a category page, a topic page, the search page, /om/ and
 * /rettelser/, and the photo and corrected fixture articles and the live story where the build has them (the browser tests' build does:
 * OUT_DIR=tests/output/e2e/dist npm run lighthouse), and prints the four category scores of
 * each. Exits 1 when a page cannot be audited.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveWithNginx } from './nginx-server.ts';

const dist = resolve(process.env.OUT_DIR || 'dist');
const base = process.env.BASE_PATH || '/';
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
/** The article with a lead photo and two body photos (tests/fixtures/photos/). */
const PHOTO_ARTICLE = '2020/10/09/lavrov-samlet-partene-til-samtaler-i-moskva/';
/** A corrected article and an opinion piece (tests/fixtures/accountability/). */
const CORRECTED_ARTICLE = '2020/10/07/ferjeselskap-innstiller-avganger-etter-streik/';
/** A running live story with its entries and update script (tests/fixtures/live/). */
const LIVE_STORY = '2020/10/31/ekstremvaeret-frida-herjer-pa-vestlandet/';
const PAGES: [string, string][] = [
  ['front page', ''],
  ['NTB article', '2020/10/10/angrep-og-motangrep-da-vapenhvilen-i-nagorno-karabakh-skulle-tre-i-kraft/'],
  ['category', 'utenriks/'],
  ['topic', 'tema/nagorno-karabakh/'],
  ['search', 'sok/?q=Stepanakert'],
  ...(existsSync(`${dist}/${PHOTO_ARTICLE}index.html`)
    ? [['photo article', PHOTO_ARTICLE] as [string, string]]
    : []),
  ...(existsSync(`${dist}/${CORRECTED_ARTICLE}index.html`)
    ? [['corrected article', CORRECTED_ARTICLE] as [string, string]]
    : []),
  ...(existsSync(`${dist}/${LIVE_STORY}index.html`) ? [['live story', LIVE_STORY] as [string, string]] : []),
  ['about (/om/)', 'om/'],
  ['corrections log', 'rettelser/'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

if (!existsSync(`${dist}/index.html`)) {
  console.error(`No built site in ${dist}: run npm run build first.`);
  process.exit(1);
}

const server = await serveWithNginx(dist, base);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const rows: string[][] = [];
let failed = false;
const notes: string[] = [];
try {
  for (const [name, path] of PAGES) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    const categories = result?.lhr.categories;
    if (!categories) {
      failed = true;
      rows.push([name, 'no result']);
      continue;
    }
    rows.push([name, ...CATEGORIES.map((c) => String(Math.round((categories[c]?.score ?? 0) * 100)))]);
    // Say what cost points, so a score below 100 can be acted on.
    for (const c of CATEGORIES) {
      for (const ref of categories[c]?.auditRefs ?? []) {
        const audit = result.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          notes.push(`${name} / ${c}: ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
  }
} finally {
  chrome.kill();
  await server.stop();
}

console.log('\nLighthouse (mobile), scores out of 100:\n');
console.log(['page', ...CATEGORIES].join(' | '));
for (const row of rows) console.log(row.join(' | '));
if (notes.length > 0) console.log(`\nBelow 100 because of:\n${notes.map((n) => `- ${n}`).join('\n')}`);
process.exitCode = failed ? 1 : 0;
