// Issue 25: live coverage ("Direkte"). The running and the ended story of tests/fixtures/live/ in
// the browser tests' site (built once per run, BUILD_NOW 1 November 12.00), the bad entries of
// tests/fixtures/live-bad/, and the editor's tools.
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, listFiles, OUTPUT_ROOT, readPage, type BuildResult } from '../helpers/build';
import { ENDED_LIVE_PATH, LIVE_PATH, SITES } from '../e2e/sites';
import { googleStructuredData, jsonLdBlocks } from '../helpers/structured-data';

const site = SITES.root;
const STORY = `/${LIVE_PATH}`;
const ORIGIN = 'https://nyheter.example.no';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** The entries' anchors in page order. */
const anchors = (html: string) => [...html.matchAll(/<h3 id="(oppdatering-[^"]+)"/g)].map((m) => m[1]);

describe('a running live story', () => {
  let html: string;
  beforeAll(() => {
    html = readPage(site.outDir, STORY);
  });

  it('shows "Direkte", when it was last updated, the intro and the entries: pinned first, then newest first', () => {
    const status = html.slice(
      html.indexOf('<p class="live-status"'),
      html.indexOf('</p>', html.indexOf('<p class="live-status"')),
    );
    expect(text(status)).toBe('Direkte Sist oppdatert 1. nov. 2020 kl. 09.45');
    expect(html.indexOf('Meteorologisk institutt har sendt ut rødt farevarsel')).toBeLessThan(
      html.indexOf('class="live-entries"'),
    );
    expect(anchors(html)).toEqual([
      'oppdatering-2115-beredskap',
      'oppdatering-0945-ras',
      'oppdatering-0020-strombrudd',
      'oppdatering-2350-vinden-oker',
    ]);
    expect(html).toMatch(/<article class="live-entry pinned" aria-labelledby="oppdatering-2115-beredskap"/);
    expect(html).toContain('Festet øverst');
    // Each entry's time links to the entry itself.
    expect(html).toMatch(
      /<a class="entry-time" href="#oppdatering-0945-ras"[^>]*><time datetime="2020-11-01T09:45:00\+01:00">/,
    );
  });

  it('shows Oslo times: the time alone on the story’s first day, the date too after midnight', () => {
    // The time and the title are two words in the heading (search and screen readers read it whole).
    const heading = html.slice(
      html.indexOf('<h3 id="oppdatering-2350-vinden-oker"'),
      html.indexOf('</h3>', html.indexOf('<h3 id="oppdatering-2350-vinden-oker"')),
    );
    expect(text(heading)).toBe('kl. 23.50 Vinden øker på kysten');
    expect(heading).toMatch(/<\/a> <span class="entry-title"[^>]*>Vinden øker på kysten<\/span>$/);
    expect(html).toContain('<time datetime="2020-10-31T23:50:00+01:00">kl. 23.50</time>');
    expect(html).toContain('<time datetime="2020-11-01T00:20:00+01:00">1. nov. 2020 kl. 00.20</time>');
  });

  it('gives an entry its byline, title and photo through the image pipeline', () => {
    const ras = html.slice(
      html.indexOf('id="oppdatering-0945-ras"'),
      html.indexOf('id="oppdatering-0020-strombrudd"'),
    );
    expect(text(ras)).toContain('Jordras stenger E39');
    expect(ras).toContain('Av Ola Nordmann');
    expect(ras).toMatch(/<source type="image\/avif" srcset="\/_astro\/ras\.[\w-]+\.avif 360w/);
    expect(ras).toContain('alt="En fjord med fjell og en vei langs vannet"');
    expect(ras).toContain('<span class="credit">Foto: Kari Nordmann / NTB</span>');
  });

  it('offers new entries by script, and never refreshes itself', () => {
    expect(html).not.toMatch(/http-equiv="refresh"/i);
    expect(html).toMatch(
      new RegExp(
        `<p class="live-new" aria-live="polite" data-live-feed="${STORY}feed.json" data-live-poll="45000"`,
      ),
    );
    expect(html).toMatch(/<script type="module" src="\/_astro\/LiveUpdates[^"]+\.js"><\/script>/);
    expect(html).toMatch(
      new RegExp(
        `<link rel="alternate" type="application/feed\\+json" title="[^"]+ – direkte – [^"]+" href="${STORY}feed.json">`,
      ),
    );
  });

  it('is a LiveBlogPosting with its entries as BlogPostings at their anchors', async () => {
    const post = jsonLdBlocks(html).find((block) => block['@type'] === 'LiveBlogPosting');
    expect(post).toMatchObject({
      headline: 'Ekstremværet «Frida» herjer på Vestlandet',
      datePublished: '2020-10-31T20:00:00+01:00',
      dateModified: '2020-11-01T09:45:00+01:00',
      coverageStartTime: '2020-10-31T20:00:00+01:00',
    });
    expect(post).not.toHaveProperty('coverageEndTime');
    const updates = post?.liveBlogUpdate as Record<string, unknown>[];
    expect(updates.map((u) => u.url)).toEqual(anchors(html).map((a) => `${ORIGIN}${STORY}#${a}`));
    expect(updates[1]).toEqual({
      '@type': 'BlogPosting',
      headline: 'Jordras stenger E39',
      datePublished: '2020-11-01T09:45:00+01:00',
      articleBody:
        'Et jordras har stengt E39 i begge retninger. Ingen personer er meldt savnet, opplyser politiet.',
      author: { '@type': 'Person', name: 'Ola Nordmann' },
      url: `${ORIGIN}${STORY}#oppdatering-0945-ras`,
    });
    // Without a title, the start of the text.
    expect(updates[2]?.headline).toMatch(/^Over 20 000 kunder er uten strøm i Rogaland/);
    const { passed, failed } = await googleStructuredData(html, 'LiveBlogPosting');
    expect(failed).toEqual([]);
    expect(passed.length).toBeGreaterThan(0);
  });

  it('has its own feeds of entries, newest first, each at its anchor', () => {
    const json = JSON.parse(readFileSync(join(site.outDir, LIVE_PATH, 'feed.json'), 'utf8')) as {
      title: string;
      home_page_url: string;
      items: {
        id: string;
        url: string;
        title: string;
        date_published: string;
        content_html: string;
        image?: string;
      }[];
    };
    expect(json.title).toBe('Ekstremværet «Frida» herjer på Vestlandet – direkte');
    expect(json.home_page_url).toBe(`${ORIGIN}${STORY}`);
    const byTime = ['0945-ras', '0020-strombrudd', '2350-vinden-oker', '2115-beredskap'].map(
      (name) => `${ORIGIN}${STORY}#oppdatering-${name}`,
    );
    expect(json.items.map((i) => i.url)).toEqual(byTime);
    expect(json.items[1]?.title).toBe('Oppdatering kl. 00.20');
    expect(json.items[0]?.image).toMatch(new RegExp(`^${ORIGIN}/_astro/ras\\.[\\w-]+\\.jpg$`));
    const rss = parser.parse(readFileSync(join(site.outDir, LIVE_PATH, 'rss.xml'), 'utf8')) as {
      rss: { channel: { item: { link: string; pubDate: string }[] } };
    };
    expect(rss.rss.channel.item.map((i) => i.link)).toEqual(byTime);
    expect(rss.rss.channel.item[0]?.pubDate).toBe('Sun, 01 Nov 2020 08:45:00 GMT');
    const atom = parser.parse(readFileSync(join(site.outDir, LIVE_PATH, 'atom.xml'), 'utf8')) as {
      feed: { entry: { id: string; published: string }[] };
    };
    expect(atom.feed.entry.map((e) => e.id)).toEqual(byTime);
  });

  it('is marked "Direkte" in lists and sorted by its latest entry, in its own day', () => {
    const front = readPage(site.outDir, '/');
    // The newest story on the site by its latest entry (09.45 on 1 November): the lead.
    const lead = front.slice(
      front.indexOf('<article class="lead-story"'),
      front.indexOf('</article>', front.indexOf('<article class="lead-story"')),
    );
    expect(lead).toContain(`href="${STORY}"`);
    expect(text(lead)).toContain('Direkte Ekstremværet «Frida» herjer på Vestlandet');
    const category = readPage(site.outDir, '/innenriks/');
    expect(category).toMatch(new RegExp(`<span class="type-label live">Direkte</span> <a href="${STORY}"`));
    expect(readPage(site.outDir, '/2020/10/31/')).toContain(`href="${STORY}"`);
    // Its day and month are those of its publication, whatever the time of its latest entry.
    expect(listFiles(site.outDir).some((file) => file.startsWith('2020/11/'))).toBe(false);
  });

  it('is one item of the site feed, updated by its latest entry', () => {
    const feed = JSON.parse(readFileSync(join(site.outDir, 'feed.json'), 'utf8')) as {
      items: { url: string; date_published: string; date_modified?: string }[];
    };
    const items = feed.items.filter((i) => i.url.startsWith(`${ORIGIN}${STORY}`));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      date_published: '2020-10-31T20:00:00+01:00',
      date_modified: '2020-11-01T09:45:00+01:00',
    });
  });

  it('leaves no trace of a draft or an embargoed entry anywhere in the output', () => {
    const hits: string[] = [];
    for (const file of listFiles(site.outDir)) {
      if (/\.(br|gz|avif|webp|jpg|png|svg|dcb|woff2?)$/.test(file)) continue;
      let bytes = readFileSync(join(site.outDir, file));
      if (file.startsWith('pagefind/') && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      const content = bytes.toString('utf8');
      for (const secret of [
        'aldri skal ut',
        'oppdatering-1030-utkast',
        'Uværet løyer',
        'oppdatering-1800-kveld',
      ]) {
        if (content.includes(secret)) hits.push(`${file}: ${secret}`);
      }
    }
    expect(hits).toEqual([]);
    // The build knows when the embargoed entry is due (npm run build rebuilds then).
    const next = JSON.parse(
      readFileSync(join(OUTPUT_ROOT, site.name, 'cache', 'next-change.json'), 'utf8'),
    ) as unknown;
    expect(next).toEqual({
      next: { at: '2020-11-01T17:00:00.000Z', what: 'a live entry is due, or live coverage ends' },
    });
  });
});

describe('a live story whose coverage ended', () => {
  it('says "Avsluttet", has coverageEndTime, and carries no script', () => {
    const html = readPage(site.outDir, `/${ENDED_LIVE_PATH}`);
    const status = html.slice(
      html.indexOf('<p class="live-status"'),
      html.indexOf('</p>', html.indexOf('<p class="live-status"')),
    );
    expect(text(status)).toBe('Avsluttet Sist oppdatert kl. 23.20');
    expect(anchors(html)).toEqual(['oppdatering-2320-avgjort', 'oppdatering-2115-forste-tall']);
    expect(html).not.toContain('<script type="module"');
    expect(html).not.toContain('live-new');
    const post = jsonLdBlocks(html).find((block) => block['@type'] === 'LiveBlogPosting');
    expect(post).toMatchObject({
      coverageStartTime: '2020-10-20T18:00:00+02:00',
      coverageEndTime: '2020-10-20T23:30:00+02:00',
    });
    // In lists it is a story like the others: no label.
    const list = readPage(site.outDir, '/politikk/');
    expect(list).toContain(`href="/${ENDED_LIVE_PATH}"`);
    expect(list).not.toContain('Direkte');
  });
});

describe('bad entries', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSiteAsync('live-bad', {
      CONTENT_DIR: 'tests/fixtures/live-bad',
      BUILD_NOW: '2020-11-01T12:00:00+01:00',
    });
  }, 180_000);

  it('fail the build, each named with its file, field and fix', () => {
    expect(build.status).not.toBe(0);
    const out = build.output;
    expect(out).toContain('articles/2020/storm/oppdateringer/uten-dato.md');
    expect(out).toMatch(/uten-dato\.md → date: "date" is required/);
    expect(out).toMatch(/for-tidlig\.md → date: The entry is dated before the coverage started/);
    expect(out).toMatch(/for-sent\.md → date: The entry is dated after the coverage ended/);
    expect(out).toMatch(
      /festet-b\.md → pinned: Only one entry can be pinned, and articles\/2020\/storm\/oppdateringer\/festet-a\.md is already/,
    );
    expect(out).toMatch(
      /ikke-live\/oppdateringer\/oppdatering\.md: The story beside this "oppdateringer" folder is not live\. Add live:/,
    );
    expect(out).toMatch(
      /foreldrelos\/oppdateringer\/oppdatering\.md: This entry is in an "oppdateringer" folder with no index\.md beside it/,
    );
  });

  it('are reported the same by npm run check:content, without a build', () => {
    const check = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      env: { ...process.env, CONTENT_DIR: 'tests/fixtures/live-bad' },
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    const errors = (text: string) => text.split('\n').filter((line) => line.trimStart().startsWith('✗'));
    expect(errors(check.stdout)).toEqual(errors(build.output));
    expect(errors(check.stdout)).toHaveLength(6);
    expect(check.stdout).toContain('2 article files and 7 live entries checked');
  });
});

describe('npm run new -- --live and --entry', () => {
  const contentDir = join(OUTPUT_ROOT, 'content-live-tools');
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, ['scripts/new-article.ts', ...args], {
      env: { ...process.env, CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const folder = join(contentDir, 'articles/2020/11/flom-i-gudbrandsdalen');

  beforeAll(() => {
    rmSync(contentDir, { recursive: true, force: true });
    mkdirSync(contentDir, { recursive: true });
  });

  it('start a live story and add entries that build', async () => {
    const story = run([
      '--live',
      '--title',
      'Flom i Gudbrandsdalen',
      '--category',
      'innenriks',
      '--date',
      '2020-11-02T08:00',
    ]);
    expect(story.stderr).toBe('');
    expect(readFileSync(join(folder, 'index.md'), 'utf8')).toMatch(
      /^---\ntitle: "Flom i Gudbrandsdalen"\ndate: 2020-11-02T08:00:00\+01:00\ncategory: innenriks\nlive:\n {2}start: 2020-11-02T08:00:00\+01:00\ndraft: true\n---\n/,
    );
    // Published: as an editor does when the intro is written.
    writeFileSync(
      join(folder, 'index.md'),
      readFileSync(join(folder, 'index.md'), 'utf8').replace('draft: true\n', ''),
    );
    const first = run([
      '--entry',
      folder,
      '--title',
      'Vannet stiger',
      '--text',
      'Lågen flommer over.',
      '--date',
      '2020-11-02T08:30',
    ]);
    expect(first.stdout).toContain('URL: /2020/11/02/flom-i-gudbrandsdalen/#oppdatering-0830-vannet-stiger');
    const second = run([
      '--entry',
      folder,
      '--text',
      'Veien er stengt.',
      '--date',
      '2020-11-02T08:30',
      '--pinned',
    ]);
    expect(second.stdout).toContain('oppdateringer/0830.md');
    // A placeholder entry is a draft until written.
    const draft = run(['--entry', folder, '--date', '2020-11-02T09:00']);
    expect(readFileSync(join(folder, 'oppdateringer/0900.md'), 'utf8')).toContain('draft: true');
    expect(draft.status).toBe(0);
    expect(run(['--entry', folder, '--text', 'x', '--pinned']).stderr).toContain('is pinned already');
    expect(run(['--entry', folder, '--text', 'x', '--date', '2020-11-02T07:00']).stderr).toContain(
      'before the coverage started',
    );
    expect(run(['--entry', join(contentDir, 'articles'), '--text', 'x']).stderr).toContain('has no index.md');
    const build = await buildSiteAsync('live-tools', {
      CONTENT_DIR: contentDir,
      BUILD_NOW: '2020-11-02T10:00:00+01:00',
    });
    expect(build.status, build.output).toBe(0);
    const html = readPage(build.outDir, '/2020/11/02/flom-i-gudbrandsdalen/');
    expect(anchors(html)).toEqual(['oppdatering-0830', 'oppdatering-0830-vannet-stiger']);
    expect(html).not.toContain('Skriv oppdateringen her');
  }, 180_000);
});
