// Photos as readers, search engines, link previews and feed readers get them, built from the
// fixture in tests/fixtures/photos/ (a lead photo and two body images in a folder per article,
// and an article with its photo beside it) under /nyheter/, from a CONTENT_DIR outside the
// project. Every photo there carries a camera make, model and GPS position, which must never
// reach the site. The dev server shows the same photos.
import { XMLParser } from 'fast-xml-parser';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAMERA, writePhoto } from '../../scripts/bench/photos';
import { freePort } from '../../scripts/nginx-server';
import { astroCommand, buildSite, listFiles, readPage, type BuildResult } from '../helpers/build';
import {
  fileOf,
  imageFiles,
  imageInfo,
  metadataLeft,
  picturesIn,
  SHARP_FORMAT,
  srcsetEntries,
  typeOfFile,
  type FoundPicture,
} from '../helpers/images';
import { originalsIn } from '../../src/lib/images/drop-originals';

const require = createRequire(import.meta.url);
const { structuredDataTest } = require('structured-data-testing-tool') as {
  structuredDataTest(
    html: string,
    options: unknown,
  ): Promise<{ passed: unknown[]; failed: { test: string }[] }>;
};
const { Google, Twitter, Facebook } = require('structured-data-testing-tool/presets') as Record<
  string,
  unknown
>;

const SITE_URL = 'https://nyheter.example.no';
const BASE = '/nyheter/';
// Outside the project, as a newsroom's content checkout usually is.
const content = mkdtempSync(join(tmpdir(), 'nyheter-foto-'));
const articles = join(content, 'articles');
const LAVROV = '2020/10/09/lavrov-samlet-partene-til-samtaler-i-moskva/';
const BESIDE = '2020/10/09/vapenhvilen-brutt-etter-fa-timer/';
const PLAIN = '2020/10/09/uten-bilde/';
const TRACES = [CAMERA.make, CAMERA.model];
const ODD = '2020/10/08/bilder-med-rare-navn/';
const ODD_NAMES = {
  lead: 'Bilde av Fjord.JPG',
  norwegian: 'Ærlig talt – Ålesund.jpeg',
  nfd: 'Sjø og ås.jpg'.normalize('NFD'),
};

let build: BuildResult;
let page: string;
let pictures: FoundPicture[];
const file = (url: string) => fileOf(build.outDir, BASE, url);

beforeAll(async () => {
  rmSync(content, { recursive: true, force: true });
  cpSync('tests/fixtures/photos/articles', articles, { recursive: true });
  // An article without a photo, an embargoed one and a draft with photos of their own: those
  // photos must appear nowhere until the articles are published.
  writeFileSync(
    join(articles, 'uten-bilde.md'),
    '---\ntitle: Uten bilde\ndate: 2020-10-09T12:00:00+02:00\ncategory: utenriks\nbyline: NTB\n---\n\nEn sak uten bilde.\n',
  );
  await writePhoto(join(articles, 'sperret', 'hemmelig.jpg'), { width: 1400, height: 900, seed: 301 });
  writeFileSync(
    join(articles, 'sperret', 'index.md'),
    '---\ntitle: Sperret sak\ndate: 2020-11-20T08:00:00+01:00\ncategory: utenriks\nbyline: NTB\nimage:\n  src: ./hemmelig.jpg\n  alt: Et sperret bilde\n  credit: "Foto: NTB"\n---\n\nSperret til 20. november.\n',
  );
  await writePhoto(join(articles, 'utkast', 'skisse.png'), {
    width: 900,
    height: 600,
    seed: 302,
    format: 'png',
  });
  writeFileSync(
    join(articles, 'utkast', 'index.md'),
    '---\ntitle: Utkast med bilde\ndate: 2020-10-01T08:00:00+02:00\ncategory: utenriks\nbyline: NTB\ndraft: true\n---\n\nUtkast.\n\n![En skisse](./skisse.png)\n',
  );
  // A transparent WebP (a cut-out graphic): its JPEGs must not turn the transparency black.
  const disc = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><circle cx="800" cy="500" r="300" fill="#b00020"/></svg>`;
  mkdirSync(join(articles, 'grafikk'), { recursive: true });
  await sharp(Buffer.from(disc))
    .webp({ lossless: true })
    .toFile(join(articles, 'grafikk', 'sirkel.webp'));
  writeFileSync(
    join(articles, 'grafikk', 'index.md'),
    '---\ntitle: Grafikk med gjennomsiktig bakgrunn\ndate: 2020-10-08T08:00:00+02:00\ncategory: kultur\nbyline: NTB\nimage:\n  src: ./sirkel.webp\n  alt: En rød sirkel\n  credit: "Grafikk: NTB"\n---\n\nTekst.\n',
  );
  // Photos named as editors name them: spaces and capitals, æøå, and a name written in NFD (as
  // macOS writes file names). The article refers to each by its real name.
  mkdirSync(join(articles, 'navn'), { recursive: true });
  await writePhoto(join(articles, 'navn', ODD_NAMES.lead), { width: 1400, height: 933, seed: 41 });
  await writePhoto(join(articles, 'navn', ODD_NAMES.norwegian), { width: 1200, height: 800, seed: 42 });
  await writePhoto(join(articles, 'navn', ODD_NAMES.nfd), { width: 1200, height: 800, seed: 43 });
  writeFileSync(
    join(articles, 'navn', 'index.md'),
    `---\ntitle: Bilder med rare navn\ndate: 2020-10-08T09:00:00+02:00\ncategory: sport\nbyline: NTB\nimage:\n  src: "./${ODD_NAMES.lead}"\n  alt: En fjord\n  credit: "Foto: NTB"\n---\n\nTekst.\n\n![Ålesund fra lufta](<./${ODD_NAMES.norwegian}> "Foto: NTB")\n\n![Sjø og ås](<./${ODD_NAMES.nfd}> "Foto: NTB")\n`,
  );
  build = buildSite('photos', {
    CONTENT_DIR: content,
    SITE_URL,
    BASE_PATH: BASE,
    BUILD_NOW: '2020-11-01T12:00:00+01:00',
  });
  if (build.status !== 0) throw new Error(build.output.slice(-5000));
  page = readPage(build.outDir, LAVROV);
  pictures = picturesIn(page);
});

describe('photo names', () => {
  it('are published as ASCII slugs, whatever the file was called, and the page shows every photo', () => {
    const odd = picturesIn(readPage(build.outDir, ODD));
    expect(odd).toHaveLength(3);
    const urls = odd.flatMap((p) => [
      p.img.src ?? '',
      ...p.sources.flatMap((s) => srcsetEntries(s.srcset).map((e) => e.url)),
    ]);
    const names = urls.map((url) => url.split('/').at(-1) ?? '');
    const stems = [...new Set(names.map((n) => n.split('.')[0]))].sort();
    expect(stems).toEqual(['aerlig-talt-alesund', 'bilde-av-fjord', 'sjo-og-as']);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+\.[\w-]+_[\w-]+\.(avif|webp|jpg)$/);
    // Each URL is a file in the output: the page shows the photos.
    for (const url of urls) expect(existsSync(file(url)), url).toBe(true);
    // Nowhere in the output is an editor's file name (escaped or not).
    const everything = listFiles(build.outDir).join('\n');
    expect(everything).not.toMatch(/Bilde|Fjord|%20| |Ærlig|Sj/);
  });
});

describe('the lead photo', () => {
  it('stands under the headline as a figure with the caption, then the credit', () => {
    expect(page).toMatch(/<\/h1><figure class="figure lead"><picture>/);
    expect(pictures[0]?.figure).toEqual({
      classes: ['figure', 'lead'],
      caption: 'Lavrov ledet samtalene fredag. Foto: Ola Nordmann / NTB',
      credit: 'Foto: Ola Nordmann / NTB',
    });
  });

  it('has AVIF and WebP sources with the column widths and sizes, and a JPEG fallback', async () => {
    const lead = pictures[0] as FoundPicture;
    expect(lead.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
    const sizes = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';
    for (const { srcset } of lead.sources) {
      expect(srcsetEntries(srcset).map((e) => e.width)).toEqual([360, 720, 1080, 1344]);
    }
    expect(lead.sources.every((s) => s.sizes === sizes)).toBe(true);
    // One fallback file for browsers without WebP (and readers of <img src>): 1080 px.
    const fallback = await imageInfo(file(lead.img.src ?? ''));
    expect([fallback.format, fallback.width, fallback.height]).toEqual(['jpeg', 1080, 720]);
    expect(lead.img).not.toHaveProperty('srcSet');
    expect(lead.img).toMatchObject({
      width: '1344',
      height: '896',
      alt: 'Sergej Lavrov ved et bord i Moskva',
      loading: 'eager',
      fetchPriority: 'high',
    });
    expect(typeOfFile(lead.img.src ?? '')).toBe('image/jpeg');
  });
});

describe('body images', () => {
  it('are lazy figures whose caption is the Markdown title, credit split off', () => {
    const [map, soldiers] = pictures.slice(1);
    expect(map?.figure?.caption).toBe(
      'Nagorno-Karabakh ligger i Aserbajdsjan, men styres av armenere. Grafikk: NTB',
    );
    expect(map?.figure?.credit).toBe('Grafikk: NTB');
    expect(soldiers?.figure?.credit).toBe('Foto: Kari Hansen / NTB');
    for (const body of [map, soldiers])
      expect(body?.img).toMatchObject({ loading: 'lazy', decoding: 'async' });
    expect(map?.img.alt).toBe('Kart over Nagorno-Karabakh og nabolandene Armenia og Aserbajdsjan');
  });

  it('keep PNG as the fallback of a PNG graphic', () => {
    expect(typeOfFile(pictures[1]?.img.src ?? '')).toBe('image/png');
  });

  it('are shown upright: the EXIF orientation of a phone photo is applied', async () => {
    const soldiers = pictures[2] as FoundPicture;
    expect(soldiers.img).toMatchObject({ width: '1000', height: '1500' });
    expect(soldiers.figure?.classes).toContain('portrait');
    expect(soldiers.sources[0]?.sizes).toBe('(min-width: 44rem) 31.5rem, calc(100vw - 2rem)');
    // The fixture has a red bar along the top of the picture as it should be seen.
    const { data, info } = await sharp(file(soldiers.img.src ?? ''))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    const [r = 0, g = 255, b = 255] = pixel(info.width >> 1, 3);
    expect([info.width, info.height]).toEqual([1000, 1500]);
    expect(r).toBeGreaterThan(180);
    expect(g + b).toBeLessThan(90);
    expect(pixel(info.width >> 1, info.height - 4)[0]).toBeLessThan(180);
  });
});

describe('every image on the page', () => {
  it('is a file of exactly the width its srcset says, in the format its source says', async () => {
    let checked = 0;
    for (const picture of pictures) {
      const aspect = Number(picture.img.width) / Number(picture.img.height);
      const sets = picture.sources.map((s) => ({ type: s.type, srcset: s.srcset }));
      // The fallback is one file, of the same shape.
      const fallback = await imageInfo(file(picture.img.src ?? ''));
      expect(fallback.format).toBe(SHARP_FORMAT[typeOfFile(picture.img.src ?? '')]);
      expect(Math.abs((fallback.height ?? 0) - (fallback.width ?? 0) / aspect)).toBeLessThanOrEqual(1);
      for (const { type, srcset } of sets) {
        for (const { url, width } of srcsetEntries(srcset)) {
          const info = await imageInfo(file(url));
          expect(info.format, url).toBe(SHARP_FORMAT[type]);
          expect(info.width, url).toBe(width);
          expect(Math.abs((info.height ?? 0) - width / aspect), url).toBeLessThanOrEqual(1);
          checked++;
        }
      }
    }
    // Lead (4 widths), map (4), portrait (3) and the related story's thumbnail (3), two formats each.
    expect(pictures).toHaveLength(4);
    expect(checked).toBe(28);
  });

  it('carries no camera metadata, and no original photo is published', async () => {
    const published = imageFiles(build.outDir);
    expect(published.length).toBeGreaterThan(50);
    for (const path of published) expect(await metadataLeft(path, TRACES), path).toEqual([]);
    expect(originalsIn(published, imageFiles(content))).toEqual([]);
  });
});

describe('unpublished articles', () => {
  it('leave no trace of their photos: no page, no copy, no original', () => {
    expect(build.output).toMatch(/Removed [12] original photo\(s\) no published page shows/);
    const published = imageFiles(build.outDir);
    expect(published.filter((p) => /hemmelig|skisse/.test(p))).toEqual([]);
    const secret = [join(articles, 'sperret', 'hemmelig.jpg'), join(articles, 'utkast', 'skisse.png')];
    expect(originalsIn(published, secret)).toEqual([]);
  });
});

describe('a transparent photo', () => {
  it('gets a white ground in every JPEG made of it, the fallback included', async () => {
    const html = readPage(build.outDir, '2020/10/08/grafikk-med-gjennomsiktig-bakgrunn/');
    const share = /<meta property="og:image" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const fallback = picturesIn(html)[0]?.img.src ?? '';
    expect(typeOfFile(fallback)).toBe('image/jpeg');
    for (const url of [share, fallback]) {
      const corner = await sharp(file(url))
        .extract({ left: 0, top: 0, width: 1, height: 1 })
        .raw()
        .toBuffer();
      expect([...corner], url).toEqual([255, 255, 255]);
    }
  });
});

describe('link previews and search engines', () => {
  const meta = (property: string) =>
    new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`).exec(page)?.[1];

  it('get a 1200×630 JPEG with its size and alt text, and a large card', async () => {
    const url = meta('og:image') ?? '';
    expect(url.startsWith(`${SITE_URL}${BASE}_astro/`)).toBe(true);
    const info = await imageInfo(file(url));
    expect([info.format, info.width, info.height]).toEqual(['jpeg', 1200, 630]);
    expect([meta('og:image:width'), meta('og:image:height'), meta('og:image:type')]).toEqual([
      '1200',
      '630',
      'image/jpeg',
    ]);
    expect(meta('og:image:alt')).toBe('Sergej Lavrov ved et bord i Moskva');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('twitter:image')).toBe(url);
  });

  it('get NewsArticle images at least 1200 px wide in 16:9, 4:3 and 1:1, with caption and credit', async () => {
    const [, ld] = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(page) ?? [];
    const images = (JSON.parse(ld ?? '{}') as { image: Record<string, unknown>[] }).image;
    expect(images.map((i) => (i.width as number) / (i.height as number))).toEqual([16 / 9, 4 / 3, 1]);
    for (const image of images) {
      expect(image).toMatchObject({
        '@type': 'ImageObject',
        caption: 'Lavrov ledet samtalene fredag.',
        creditText: 'Foto: Ola Nordmann / NTB',
      });
      expect(image.width).toBeGreaterThanOrEqual(1200);
      const info = await imageInfo(file(image.url as string));
      expect([info.width, info.height]).toEqual([image.width, image.height]);
    }
  });

  it('pass the structured-data tester’s Google, Twitter and Facebook presets', async () => {
    const result = await structuredDataTest(page, {
      presets: [Google, Twitter, Facebook],
      schemas: ['NewsArticle'],
    }).catch((error: { res: { failed: { test: string }[] } }) => error.res);
    expect(result.failed.map((f) => f.test)).toEqual([]);
    // The same tester does fail an article without a photo (Google needs `image`): it can fail.
    const plain = await structuredDataTest(readPage(build.outDir, PLAIN), {
      presets: [Google],
      schemas: ['NewsArticle'],
    }).catch((error: { res: { failed: { test: string }[] } }) => error.res);
    expect(plain.failed.map((f) => f.test)).toContain('NewsArticle[0].image');
  });
});

describe('lists and search', () => {
  it('show a decorative 3:2 thumbnail for articles with a photo, and nothing for the others', async () => {
    const list = picturesIn(readPage(build.outDir, 'utenriks/'));
    expect(list).toHaveLength(2);
    for (const thumb of list) {
      expect(thumb.classes).toEqual(['thumb']);
      expect(thumb.img).toMatchObject({ alt: '', loading: 'lazy' });
      expect(thumb.sources.map((s) => s.sizes)).toEqual(['8rem', '8rem']);
      for (const { url, width } of srcsetEntries(thumb.sources[0]?.srcset ?? '')) {
        const info = await imageInfo(file(url));
        expect([info.width, info.height]).toEqual([width, Math.round((width * 2) / 3)]);
      }
    }
    const category = readPage(build.outDir, 'utenriks/');
    const plainItem = /<li[^>]*><article[^>]*>(?:(?!<\/li>).)*Uten bilde(?:(?!<\/li>).)*<\/li>/s.exec(
      category,
    )?.[0];
    expect(plainItem).toBeDefined();
    expect(plainItem).not.toContain('<picture');
  });

  it('give Pagefind the thumbnail as the result image', async () => {
    const url = /data-pagefind-meta="image:([^"]+)"/.exec(page)?.[1] ?? '';
    expect(url.startsWith(`${BASE}_astro/`)).toBe(true);
    const info = await imageInfo(file(url));
    expect([info.format, info.width, info.height]).toEqual(['webp', 256, 171]);
    // Set, empty, on an article without a photo: Pagefind would otherwise take any <img> on the page.
    expect(readPage(build.outDir, PLAIN)).toContain('data-pagefind-meta="image:"');
  });

  it('put the photo of a story beside its file (not in a folder) on its page too', () => {
    expect(picturesIn(readPage(build.outDir, BESIDE))[0]?.img.alt).toBe(
      'Røyk over byen Stepanakert ved solnedgang',
    );
  });

  it('warn that a photo has no credit', () => {
    expect(build.output).toContain('vapenhvile-brutt.md → image.credit: The photo has no credit.');
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  type Item = Record<string, unknown>;
  const item = (items: Item[], title: string): Item => items.find((i) => i.title === title) ?? {};
  const TITLE = 'Lavrov samlet partene til samtaler i Moskva';
  const ARTICLE_URL = `${SITE_URL}${BASE}${LAVROV}`;

  it('carry every image as one absolute JPEG, and no placeholder or relative link', async () => {
    const rss = parser.parse(readFileSync(join(build.outDir, 'rss.xml'), 'utf8')).rss.channel.item;
    const html = String(item(rss, TITLE)['content:encoded']);
    expect(html).not.toMatch(/data-article-image|__ASTRO_IMAGE_|<picture|src="\.|href="\.|src="\//);
    const images = [...html.matchAll(/<img src="([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]*)">/g)];
    expect(images.map((m) => m[4])).toEqual([
      'Kart over Nagorno-Karabakh og nabolandene Armenia og Aserbajdsjan',
      'Armenske soldater i en skyttergrav',
    ]);
    for (const [, url, width, height] of images) {
      expect(url?.startsWith(`${SITE_URL}${BASE}_astro/`)).toBe(true);
      const info = await imageInfo(file(url ?? ''));
      expect([info.format, String(info.width), String(info.height)]).toEqual(['jpeg', width, height]);
    }
    // A path-relative link in the article ("../") points at the day page from the feed too.
    expect(html).toContain(`<a href="${SITE_URL}${BASE}2020/10/09/">flere saker fra dagen</a>`);
    expect(html).toContain(
      `<figcaption>Soldatene holdt stillingene natt til lørdag. <span class="credit">Foto: Kari Hansen / NTB</span></figcaption>`,
    );
  });

  it('name the lead photo: media:content in RSS, an enclosure link in Atom, image in JSON Feed', async () => {
    const rss = parser.parse(readFileSync(join(build.outDir, 'utenriks/rss.xml'), 'utf8')).rss.channel.item;
    const media = item(rss, TITLE)['media:content'] as Record<string, string>;
    expect(media).toMatchObject({
      '@type': 'image/jpeg',
      '@medium': 'image',
      'media:credit': 'Foto: Ola Nordmann / NTB',
    });
    const info = await imageInfo(file(media['@url'] ?? ''));
    expect([String(info.width), String(info.height)]).toEqual([media['@width'], media['@height']]);
    expect(item(rss, 'Uten bilde')['media:content']).toBeUndefined();

    const atom = parser.parse(readFileSync(join(build.outDir, 'atom.xml'), 'utf8')).feed.entry;
    const entry = (atom as Record<string, unknown>[]).find((e) => e.title === TITLE) as {
      link: Record<string, string>[];
    };
    expect(entry.link).toContainEqual({ '@rel': 'enclosure', '@type': 'image/jpeg', '@href': media['@url'] });

    const json = JSON.parse(readFileSync(join(build.outDir, 'feed.json'), 'utf8')) as {
      items: Record<string, unknown>[];
    };
    expect(json.items.find((i) => i.url === ARTICLE_URL)?.image).toBe(media['@url']);
  });
});

describe('the dev server', () => {
  it('shows the photos from a CONTENT_DIR outside the project, and an article as soon as it is saved', async () => {
    const port = await freePort();
    const astro = astroCommand('photos-dev', 'dev');
    const dev = spawn(astro.bin, [...astro.args, '--port', String(port), '--host', '127.0.0.1'], {
      env: {
        // As an editor starts it: not in Vitest's test mode (NODE_ENV=test serves no pages).
        ...Object.fromEntries(
          Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')),
        ),
        CONTENT_DIR: content,
        BUILD_NOW: '2020-11-01T12:00:00+01:00',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      // Its output goes into the failure message.
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    dev.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    dev.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      const url = `http://127.0.0.1:${port}/${LAVROV}`;
      let html = '';
      // The dev server takes a few seconds to start and sync the content.
      for (let tries = 0; tries < 120 && !html; tries++) {
        html = await fetch(url)
          .then(async (r) => (r.ok ? r.text() : ((log += `\nHTTP ${r.status} for ${url}`), '')))
          .catch(() => '');
        if (!html) await new Promise((done) => setTimeout(done, 500));
      }
      const [lead] = picturesIn(html);
      expect(lead?.img.alt, log.slice(-3000)).toBe('Sergej Lavrov ved et bord i Moskva');
      for (const src of [lead?.img.src ?? '', srcsetEntries(lead?.sources[0]?.srcset ?? '')[0]?.url ?? '']) {
        const response = await fetch(new URL(src, url));
        expect(response.status, src).toBe(200);
        // Astro's dev endpoint labels AVIF as image/heif; browsers go by the bytes.
        expect(response.headers.get('content-type'), src).toMatch(/^image\/(jpeg|avif|heif)$/);
        const bytes = Buffer.from(await response.arrayBuffer());
        expect((await sharp(bytes).metadata()).format, src).toMatch(/^(jpeg|heif)$/);
      }
      // An editor saves a change: the dev server serves it (the content store is read again).
      const file = join(articles, '2020', '10', 'lavrov-i-moskva', 'index.md');
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, `${original.trimEnd()}\n\nEndret i redigeringen.\n`);
      let edited = '';
      for (let tries = 0; tries < 120 && !edited.includes('Endret i redigeringen.'); tries++) {
        await new Promise((done) => setTimeout(done, 250));
        edited = await fetch(url)
          .then((r) => r.text())
          .catch(() => '');
      }
      expect(edited, log.slice(-3000)).toContain('<p>Endret i redigeringen.</p>');
      // The store's file waits for a quiet editor (assumption 9): the dev server found the door.
      expect(log).not.toContain('assumption 9');
      // A save that breaks the article (no title): the error is logged with the file and field,
      // and the page stays as last saved, never broken or gone.
      writeFileSync(file, original.replace(/^title: .*\n/m, ''));
      for (let tries = 0; tries < 120 && !/index\.md → title/.test(log); tries++) {
        await new Promise((done) => setTimeout(done, 250));
      }
      expect(log).toMatch(/lavrov-i-moskva\/index\.md → title/);
      const kept = await fetch(url).then((r) => r.text());
      expect(kept, log.slice(-3000)).toContain('<p>Endret i redigeringen.</p>');
      writeFileSync(file, original);

      // A new article is served, and its page is gone once its file is (the fast path for a
      // save, src/lib/build/astro-internals/dev-store.ts).
      const served = async (path: string, done: (status: number, html: string) => boolean) => {
        let last = { status: 0, html: '' };
        for (let tries = 0; tries < 120 && !done(last.status, last.html); tries++) {
          await new Promise((wait) => setTimeout(wait, 250));
          last = await fetch(`http://127.0.0.1:${port}/${path}`)
            .then(async (r) => ({ status: r.status, html: await r.text() }))
            .catch(() => ({ status: 0, html: '' }));
        }
        return last;
      };
      const fresh = join(articles, '2020', '10', 'ny-sak-i-redigeringen.md');
      writeFileSync(
        fresh,
        '---\ntitle: Ny sak i redigeringen\ndate: 2020-10-10T09:00:00+02:00\ncategory: utenriks\nbyline: NTB\n---\n\nFørste versjon av saken.\n',
      );
      const FRESH = '2020/10/10/ny-sak-i-redigeringen/';
      const added = await served(FRESH, (status) => status === 200);
      expect(added.html, log.slice(-3000)).toContain('<p>Første versjon av saken.</p>');
      // The front page lists it as soon as the article is served.
      expect(await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text())).toContain(
        'Ny sak i redigeringen',
      );
      // A photo new to the article: served once Astro has listed the import (the slower path).
      copyFileSync(
        join(articles, '2020', '10', 'vapenhvile-brutt-bilde.jpg'),
        join(articles, '2020', '10', 'ny-sak-bilde.jpg'),
      );
      writeFileSync(
        fresh,
        readFileSync(fresh, 'utf8').replace(
          'byline: NTB\n',
          'byline: NTB\nimage:\n  src: ./ny-sak-bilde.jpg\n  alt: Soldater ved en veisperring\n',
        ),
      );
      const withPhoto = await served(
        FRESH,
        (status, html) => status === 200 && html.includes('Soldater ved en veisperring'),
      );
      expect(picturesIn(withPhoto.html)[0]?.img.alt, log.slice(-3000)).toBe('Soldater ved en veisperring');
      rmSync(fresh);
      expect((await served(FRESH, (status) => status === 404)).status, log.slice(-3000)).toBe(404);
    } finally {
      if (dev.pid) process.kill(-dev.pid, 'SIGTERM');
    }
  }, 90_000);
});
