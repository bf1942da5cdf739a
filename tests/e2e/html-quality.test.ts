// Every built page is valid HTML and every internal link and asset resolves, at the root and
// under /nyheter/. The last block proves these checks (and axe) do fail on a broken page.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, listFiles, OUTPUT_ROOT } from '../helpers/build';
import { axeViolations, launchBrowser } from '../helpers/browser';
import { htmlProblems } from '../helpers/html-quality';
import { nuErrors } from '../helpers/nu-checker';
import { serveWithNginx } from '../../scripts/nginx-server';
import { NTB_PATH, SITES } from './sites';

for (const site of Object.values(SITES)) {
  describe(`built site at ${site.base}`, () => {
    const pages = listFiles(site.outDir).filter((f) => f.endsWith('.html'));

    it('has every page kind', () => {
      expect(pages).toEqual(
        expect.arrayContaining([
          'index.html',
          '404.html',
          `${NTB_PATH}index.html`,
          'utenriks/index.html',
          '2020/index.html',
        ]),
      );
    });

    it('passes html-validate on every page', async () => {
      const problems = (await Promise.all(pages.map((p) => htmlProblems(join(site.outDir, p))))).flat();
      expect(problems).toEqual([]);
    });

    it('passes the W3C Nu Html Checker on every page (every page kind), with 0 errors', () => {
      expect(pages.length).toBeGreaterThan(20);
      expect(
        nuErrors(
          pages.map((p) => join(site.outDir, p)),
          site.outDir,
        ),
      ).toEqual([]);
    }, 60_000);

    it('has no broken internal link or asset', () => {
      expect(brokenLinks(site.outDir, site.base)).toEqual([]);
    });
  });
}

describe('the checks fail on a broken page', () => {
  const brokenDir = join(OUTPUT_ROOT, 'e2e-broken');
  const page = `${NTB_PATH}index.html`;

  beforeAll(() => {
    rmSync(brokenDir, { recursive: true, force: true });
    cpSync(SITES.root.outDir, brokenDir, { recursive: true });
    const file = join(brokenDir, page);
    const html = readFileSync(file, 'utf8').replace(
      '</main>',
      '<img src="/_astro/mangler.png"><a href="/2020/10/09/finnes-ikke/">død lenke</a></main>',
    );
    writeFileSync(file, html);
    // The page's precompressed twins are the unbroken build's: nginx would send those.
    for (const twin of [`${file}.gz`, `${file}.br`]) rmSync(twin, { force: true });
  });
  afterAll(() => rmSync(brokenDir, { recursive: true, force: true }));

  it('html-validate reports the image without alt text', async () => {
    const problems = await htmlProblems(join(brokenDir, page));
    expect(problems.some((p) => p.includes('wcag/h37'))).toBe(true);
  });

  it('the Nu checker reports the image without alt text and a script after </html>', () => {
    const file = join(brokenDir, page);
    writeFileSync(file, `${readFileSync(file, 'utf8')}<script>1</script>`);
    const errors = nuErrors([file], brokenDir);
    expect(errors.some((e) => e.startsWith(`${page}:`) && /img.*alt/i.test(e))).toBe(true);
    expect(errors.some((e) => /Stray start tag .?script/.test(e))).toBe(true);
  }, 60_000);

  it('the link check reports the missing image and page', () => {
    expect(brokenLinks(brokenDir, '/')).toEqual(
      expect.arrayContaining([`${page} → /_astro/mangler.png`, `${page} → /2020/10/09/finnes-ikke/`]),
    );
  });

  it('axe reports the image without alt text', async () => {
    const server = await serveWithNginx(brokenDir, '/');
    const browser = await launchBrowser();
    try {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(`${server.url}${NTB_PATH}`);
      expect((await axeViolations(tab)).some((v) => v.startsWith('image-alt'))).toBe(true);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
