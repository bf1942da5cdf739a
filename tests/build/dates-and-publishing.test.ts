// Fixture content in tests/fixtures/dates, built in New York time: dates must follow Oslo.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  brokenLinks,
  buildSiteAsync,
  linksIn,
  listFiles,
  OUTPUT_ROOT,
  readPage,
  type BuildResult,
} from '../helpers/build';
import { serveWithNginx } from '../../scripts/nginx-server';
import { axeViolations, launchBrowser } from '../helpers/browser';
import { htmlProblems } from '../helpers/html-quality';
import { nuErrors } from '../helpers/nu-checker';

const BUILD_NOW = '2020-11-01T12:00:00+01:00';
const contentDir = join(OUTPUT_ROOT, 'content-dates');
let site: BuildResult;
let subPath: BuildResult;

/** The committed fixtures plus 23 generated sport articles, enough to paginate. */
function prepareContent() {
  cpSync('tests/fixtures/dates', contentDir, { recursive: true });
  mkdirSync(join(contentDir, 'articles/sport'), { recursive: true });
  for (let i = 1; i <= 23; i++) {
    const hh = String(i % 24).padStart(2, '0');
    writeFileSync(
      join(contentDir, 'articles/sport', `kamp-${i}.md`),
      `---\ntitle: Kamp nummer ${i}\ndate: 2020-10-20T${hh}:05:00+02:00\ncategory: sport\n---\n\nReferat fra kamp ${i}.\n`,
    );
  }
}

beforeAll(async () => {
  prepareContent();
  const env = {
    CONTENT_DIR: contentDir,
    TZ: 'America/New_York',
    BUILD_NOW,
    // A careless shell: none of these may publish drafts or move links (see src/lib/build/flags.ts).
    NODE_ENV: 'development',
    DEV: '1',
    BASE_URL: '/elsewhere/',
  };
  [site, subPath] = await Promise.all([
    buildSiteAsync('dates', env),
    buildSiteAsync('dates-subpath', {
      ...env,
      BASE_PATH: '/nyheter/',
      SITE_URL: 'https://nyheter.example.no',
    }),
  ]);
  if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  if (subPath.status !== 0) throw new Error(`sub-path build failed:\n${subPath.output}`);
});

const daysOf = (title: string): string[] =>
  listFiles(site.outDir)
    .filter((f) => /^\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(f))
    .filter((f) => readFileSync(join(site.outDir, f), 'utf8').includes(`>${title}</a>`))
    .map((f) => f.slice(0, 10));

describe('dates are bucketed in Oslo time whatever the machine zone', () => {
  it('00:30+02:00 is on the Oslo day only', () => {
    expect(daysOf('Midnattsmøte i Oslo')).toEqual(['2020/10/11']);
    expect(readPage(site.outDir, '/2020/10/11/midnattsmote-i-oslo/')).toContain('kl. 00.30');
  });

  it('22:15Z is on the next Oslo day', () => {
    expect(daysOf('Sen kveld i London')).toEqual(['2020/10/10']);
  });

  it('a time without offset is Oslo time', () => {
    expect(daysOf('Sent møte uten tidssone')).toEqual(['2020/10/12']);
    expect(readPage(site.outDir, '/2020/10/12/sent-mote-uten-tidssone/')).toContain(
      '<time datetime="2020-10-12T23:30:00+02:00">mandag 12. oktober 2020 kl. 23.30</time>',
    );
  });

  it('01:30Z on the night summer time ends shows kl. 02.30', () => {
    const html = readPage(site.outDir, '/2020/10/25/klokken-stilles-tilbake/');
    expect(html).toContain(
      '<time datetime="2020-10-25T02:30:00+01:00">søndag 25. oktober 2020 kl. 02.30</time>',
    );
  });
});

describe('URLs', () => {
  it('gives Norwegian titles an ASCII slug', () => {
    const files = listFiles(site.outDir).filter((f) => f.includes('alesund') && f.endsWith('.html'));
    expect(files).toEqual([
      '2020/10/13/okende-spenning-for-motet-i-alesund-aerlig-talt/index.html',
      // Topics and bylines follow the same rule: "Ålesund", "Åse Ødegård".
      'tema/alesund/2020/10/index.html',
      'tema/alesund/index.html',
    ]);
    expect(listFiles(site.outDir)).toContain('av/ase-odegard/index.html');
  });

  it('has no percent-encoded or non-ASCII link anywhere', () => {
    for (const file of listFiles(site.outDir).filter((f) => f.endsWith('.html'))) {
      for (const link of linksIn(readFileSync(join(site.outDir, file), 'utf8'))) {
        expect(link, `${file}: ${link}`).not.toMatch(/%|[^\x20-\x7e]/);
      }
    }
  });

  it('has no broken internal link', () => {
    expect(brokenLinks(site.outDir, '/')).toEqual([]);
  });
});

describe('the article page', () => {
  const path = '/2020/10/13/okende-spenning-for-motet-i-alesund-aerlig-talt/';

  it('shows lede, byline, dateline, published and updated times', () => {
    const html = readPage(site.outDir, path);
    expect(html).toContain('Partene møtes i Ålesund tirsdag, og tonen er skarpere enn på lenge.');
    expect(html).toMatch(/Av <a href="\/av\/kari-nordmann\/"[^>]*>Kari Nordmann<\/a> og /);
    expect(html).toContain('ÅLESUND');
    expect(html).toContain(
      '<time datetime="2020-10-13T09:00:00+02:00">tirsdag 13. oktober 2020 kl. 09.00</time>',
    );
    expect(html).toContain('Oppdatert <time datetime="2020-10-13T11:15:00+02:00">');
  });

  it('uses Norwegian typography', () => {
    const html = readPage(site.outDir, path);
    expect(html).toContain('«ingen grunn til optimisme»');
    expect(html).toContain('ordføreren – men');
  });

  it('links its category, its day, its topics and its neighbours in the category', () => {
    const html = readPage(site.outDir, path);
    expect(html).toContain('href="/innenriks/"');
    expect(html).toContain('href="/2020/10/13/"');
    expect(html).toMatch(/<a href="\/tema\/more-og-romsdal\/"[^>]*>Møre og Romsdal<\/a>/);
    // The category shows once, as the kicker: the trail is only in the JSON-LD.
    expect(html).not.toMatch(/aria-label="Brødsmulesti"/);
    expect(html).toContain('"@type":"BreadcrumbList"');
    // innenriks, newest first: sommertid (25.10), alesund (13.10), midnatt (11.10)
    expect(html).toMatch(/href="\/2020\/10\/25\/klokken-stilles-tilbake\/" rel="next"/);
    expect(html).toMatch(/href="\/2020\/10\/11\/midnattsmote-i-oslo\/" rel="prev"/);
  });
});

describe('index pages', () => {
  it('shows a list’s newest stories first, then keeps the rest by month, paginated within the month', () => {
    const first = readPage(site.outDir, '/sport/');
    expect(first.match(/>Kamp nummer \d+</g)).toHaveLength(20);
    // Where the list goes on (story 21 is on October's page 2), and the list's months.
    expect(first).toMatch(/href="\/sport\/2020\/10\/side\/2\/" rel="next"/);
    expect(first).toMatch(
      /<a href="\/sport\/2020\/10\/"[^>]*>oktober 2020<\/a> <span[^>]*>\(23 saker\)<\/span>/,
    );
    const october = readPage(site.outDir, '/sport/2020/10/');
    expect(october.match(/>Kamp nummer \d+</g)).toHaveLength(20);
    expect(october).toContain('<title>Sport: oktober 2020');
    const second = readPage(site.outDir, '/sport/2020/10/side/2/');
    expect(second.match(/>Kamp nummer \d+</g)).toHaveLength(3);
    expect(second).toContain('href="/sport/2020/10/" rel="prev"');
    const files = listFiles(site.outDir);
    expect(files).not.toContain('sport/2020/10/side/3/index.html');
    expect(
      files.filter(
        (f) => /(^|\/)side\/\d+\/index\.html$/.test(f) && !/^(sport\/2020\/10|2020\/10\/20)\//.test(f),
      ),
    ).toEqual([]);
    expect(readPage(site.outDir, '/2020/10/20/side/2/')).toContain('Kamp nummer 1<');
  });

  it('a list’s first page and its month pages pass html-validate, the Nu checker and axe (light and dark, phone and desktop)', async () => {
    const pages = ['sport/index.html', 'sport/2020/10/index.html', 'sport/2020/10/side/2/index.html'];
    const files = pages.map((p) => join(site.outDir, p));
    expect((await Promise.all(files.map((f) => htmlProblems(f)))).flat()).toEqual([]);
    expect(nuErrors(files, site.outDir)).toEqual([]);
    const server = await serveWithNginx(site.outDir, '/');
    const browser = await launchBrowser();
    try {
      for (const width of [375, 1280]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
          const page = await context.newPage();
          for (const path of pages.map((p) => p.replace(/index\.html$/, ''))) {
            await page.goto(`${server.url}${path}`);
            expect(await axeViolations(page), `${width} ${colorScheme} ${path}`).toEqual([]);
          }
          await context.close();
        }
      }
    } finally {
      await browser.close();
      await server.stop();
    }
    // Java (Nu) and a browser beside the other build tests on two cores: minutes, not seconds.
  }, 180_000);

  it('redirects the old numbered list pages, in _redirects and on nginx (also under a base path)', async () => {
    expect(readFileSync(join(site.outDir, '_redirects'), 'utf8')).toBe(
      '/sport/side/2/ /sport/2020/10/side/2/ 301\n',
    );
    expect(readFileSync(join(subPath.outDir, '_redirects'), 'utf8')).toBe(
      '/nyheter/sport/side/2/ /nyheter/sport/2020/10/side/2/ 301\n',
    );
    for (const [built, base] of [
      [site, '/'],
      [subPath, '/nyheter/'],
    ] as const) {
      const server = await serveWithNginx(built.outDir, base);
      try {
        const moved = await fetch(`${server.url}sport/side/2/`, { redirect: 'manual' });
        expect(moved.status).toBe(301);
        expect(moved.headers.get('location')).toBe(`${base}sport/2020/10/side/2/`);
        // Without the trailing slash: nginx adds it, then redirects again; a reader lands on the page.
        const followed = await fetch(`${server.url}sport/side/2`);
        expect(followed.url).toBe(`${server.url}sport/2020/10/side/2/`);
        expect((await followed.text()).match(/>Kamp nummer \d+</g)).toHaveLength(3);
        expect((await fetch(`${server.url}sport/side/3/`, { redirect: 'manual' })).status).toBe(404);
        for (const file of ['_redirects', '_redirects.nginx']) {
          expect((await fetch(`${server.url}${file}`)).status, file).toBe(404);
        }
      } finally {
        await server.stop();
      }
    }
  });

  it('day pages link to the nearest days with news', () => {
    const html = readPage(site.outDir, '/2020/10/12/');
    expect(html).toMatch(/href="\/2020\/10\/11\/" rel="prev"/);
    expect(html).toMatch(/href="\/2020\/10\/13\/" rel="next"/);
  });

  it('month and year pages summarise with counts', () => {
    const month = readPage(site.outDir, '/2020/10/');
    expect(month).toMatch(
      /href="\/2020\/10\/20\/"[^>]*>tirsdag 20\. oktober 2020<\/a> <span[^>]*>\(23 saker\)/,
    );
    const year = readPage(site.outDir, '/2020/');
    expect(year).toMatch(/href="\/2020\/10\/"[^>]*>oktober 2020<\/a> <span[^>]*>\(28 saker\)/);
  });
});

describe('drafts and embargoed articles leave no trace', () => {
  it('appear in no file at all', () => {
    for (const file of listFiles(site.outDir)) {
      expect(file).not.toMatch(/zyxwv|qwxyz|utkast|embargo/i);
      const text = readFileSync(join(site.outDir, file), 'utf8');
      expect(text, file).not.toMatch(/zyxwv|qwxyz/i);
    }
  });

  it('the build names the next embargo, so a rebuild can be scheduled', () => {
    expect(site.output).toMatch(
      /\[embargo\] Next embargoed article: \S*articles\/2020\/embargo\.md at 2020-11-02T08:00:00\+01:00 \(mandag 2\. november 2020 kl\. 08\.00\)\. Rebuild after that time/,
    );
  });

  it('leave no empty month for the embargoed article', () => {
    expect(listFiles(site.outDir).some((f) => f.startsWith('2020/11/'))).toBe(false);
  });
});

describe('under a sub-path (BASE_PATH=/nyheter/)', () => {
  it('puts every internal link and asset under /nyheter/', () => {
    expect(brokenLinks(subPath.outDir, '/nyheter/')).toEqual([]);
    const html = readPage(subPath.outDir, '/');
    expect(html).toContain('href="/nyheter/2020/10/25/klokken-stilles-tilbake/"');
    expect(html).toMatch(/href="\/nyheter\/_astro\/[^"]+\.css"/);
  });

  it('gives site-relative links written in Markdown the base path', () => {
    expect(readPage(site.outDir, '/2020/10/13/okende-spenning-for-motet-i-alesund-aerlig-talt/')).toContain(
      '<a href="/2020/10/11/midnattsmote-i-oslo/">midnattsmøtet</a>',
    );
    expect(
      readPage(subPath.outDir, '/2020/10/13/okende-spenning-for-motet-i-alesund-aerlig-talt/'),
    ).toContain('<a href="/nyheter/2020/10/11/midnattsmote-i-oslo/">midnattsmøtet</a>');
  });

  it('has an absolute canonical URL from SITE_URL and BASE_PATH', () => {
    expect(readPage(subPath.outDir, '/2020/10/11/midnattsmote-i-oslo/')).toContain(
      '<link rel="canonical" href="https://nyheter.example.no/nyheter/2020/10/11/midnattsmote-i-oslo/">',
    );
  });
});
