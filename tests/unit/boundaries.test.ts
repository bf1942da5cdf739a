// The boundaries a one-character bug would move, each pinned in the fastest layer that sees it
// (issue 28: these mutants survived every test; `npm run mutants` applies them again).
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { buildArchive } from '../../src/lib/archive/archive';
import { articleStaticPaths, listingPages, MONTH_DAY_STORIES } from '../../src/lib/archive/routes';
import { pageKeys } from '../../src/lib/build/cache-key';
import { dcbTwinHash } from '../../src/lib/build/output-files';
import { parseDateTime } from '../../src/lib/dates';
import { nginxConfig, nginxServer } from '../../src/lib/deploy/nginx';
import { newsArticleLd } from '../../src/lib/distribution/structured-data';
import { dropOriginalImages } from '../../src/lib/images/drop-originals';
import { inspectImage } from '../../src/lib/images/image-file-check';
import { COLUMN_IMAGE, outputFor } from '../../src/lib/images/layout';
import { deepestNesting } from '../../src/lib/markdown/nesting';
import rehypeRequireAlt from '../../src/lib/markdown/rehype-require-alt';
import { makeArticle } from '../helpers/articles';

describe('photos', () => {
  it('a square photo is not a portrait; one pixel taller is', () => {
    expect(outputFor({ width: 1000, height: 1000 }, COLUMN_IMAGE).portrait).toBe(false);
    expect(outputFor({ width: 1000, height: 1001 }, COLUMN_IMAGE).portrait).toBe(true);
  });

  it('EXIF orientations 5 to 8 turn the photo a quarter (5 included), 1 to 4 do not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orientering-'));
    for (const orientation of [4, 5]) {
      const path = join(dir, `${orientation}.jpg`);
      const photo = sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080' } });
      writeFileSync(path, await photo.jpeg().withMetadata({ orientation }).toBuffer());
      const check = await inspectImage(path);
      expect(check.ok && [check.facts.width, check.facts.height], `orientation ${orientation}`).toEqual(
        orientation === 5 ? [200, 300] : [300, 200],
      );
    }
  });

  it('an alt text of only spaces is no alt text', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'img', properties: { src: 'a.jpg', alt: '   ' }, children: [] }],
    };
    const fail = (reason: string): never => {
      throw new Error(reason);
    };
    expect(() => rehypeRequireAlt()(tree, { fail })).toThrow(/a\.jpg has no alt text/);
  });

  it('an original with an upper-case extension (.JPG) is removed from the output too', () => {
    const root = mkdtempSync(join(tmpdir(), 'originaler-'));
    const content = join(root, 'content');
    const dist = join(root, 'dist');
    mkdirSync(content);
    mkdirSync(join(dist, '_astro'), { recursive: true });
    const bytes = Buffer.from('samme bilde, byte for byte');
    writeFileSync(join(content, 'Foto.JPG'), bytes);
    writeFileSync(join(dist, '_astro', 'foto.abc123.JPG'), bytes);
    const hook = dropOriginalImages({ contentDir: content }).hooks['astro:build:done'] as (options: {
      dir: URL;
      logger: { info(message: string): void };
    }) => void;
    hook({ dir: pathToFileURL(`${dist}/`), logger: { info: () => undefined } });
    expect(existsSync(join(dist, '_astro', 'foto.abc123.JPG'))).toBe(false);
  });
});

describe('serving', () => {
  const config = nginxServer({
    listen: '80',
    root: '/srv/www',
    base: '/',
    brotli: false,
    mimeTypes: '/etc/nginx/mime.types',
  });
  const dcbLocation = /location ~ \\\.dcb\$ \{([\s\S]*?)\n {4}\}/.exec(config)?.[1] ?? '';

  it('a .dcb page is HTML that varies on the dictionary the browser holds', () => {
    expect(dcbLocation).toContain('default_type text/html;');
    expect(dcbLocation).toContain('add_header Vary "Accept-Encoding, Available-Dictionary";');
    expect(dcbLocation).toContain('add_header Content-Encoding dcb;');
  });

  it('pages send one Vary line naming both headers (caches such as proxy_cache honour only one)', () => {
    const full = nginxConfig({ listen: '80', root: '/srv/www', base: '/' });
    expect(full).toContain(
      'map $uri $page_vary {\n        default Accept-Encoding;\n        "~\\.html$" "Accept-Encoding, Available-Dictionary";\n    }',
    );
    // Where that Vary is sent, gzip's own Vary line is off, and the 404 page gets it too.
    const page404 = /location = \/404\.html \{([\s\S]*?)\n {4}\}/.exec(config)?.[1] ?? '';
    for (const location of [page404, /location \/ \{([\s\S]*?)\n {4}\}/.exec(config)?.[1] ?? '']) {
      expect(location).toContain('gzip_vary off;');
      expect(location).toContain('add_header Vary $page_vary always;');
    }
  });

  it('reads the dictionary hash of a .dcb twin from its name', () => {
    const hash = 'Pk6JNRwnctDkbCcEFdcu0gfSLMP0qRY8YYONTqYlDmY=';
    expect(dcbTwinHash(`2020/10/index.html.${hash}.dcb`)).toBe(hash);
    expect(dcbTwinHash('2020/10/index.html.br')).toBeUndefined();
  });
});

describe('lists and keys', () => {
  const day = Array.from({ length: MONTH_DAY_STORIES + 2 }, (_, i) =>
    makeArticle(`d${i}`, `2020-10-10T${String(8 + i).padStart(2, '0')}:00:00+02:00`),
  );

  it(`a month page shows at most ${MONTH_DAY_STORIES} stories a day, and counts them all`, () => {
    const month = listingPages(
      buildArchive(day),
      [{ slug: 'utenriks', name: 'Utenriks', description: '' }],
      20,
    ).find((p) => p.path === '/2020/10/');
    expect(month?.kind).toBe('month');
    if (month?.kind !== 'month') return;
    expect(month.days[0]?.articles).toHaveLength(MONTH_DAY_STORIES);
    expect(month.days[0]?.count).toBe(MONTH_DAY_STORIES + 2);
  });

  it('a tie between two spellings of a topic goes to the newest', () => {
    const older = makeArticle('a', '2020-10-09T12:00:00+02:00', { tags: ['økonomi'] });
    const newer = makeArticle('b', '2020-10-10T12:00:00+02:00', { tags: ['Økonomi'] });
    expect(buildArchive([older, newer]).topics.get('okonomi')?.name).toBe('Økonomi');
    expect(buildArchive([newer, older]).topics.get('okonomi')?.name).toBe('Økonomi');
  });

  it("an article page's key changes when a body photo is replaced (its facts), not only its text", () => {
    const archive = buildArchive(day.slice(0, 1));
    const key = (digest: string) =>
      articleStaticPaths(
        archive,
        () => ({
          digest: 'tekst',
          data: { imageFacts: { body: [{ width: 10, height: 10, format: 'jpeg', digest }] } },
        }),
        pageKeys([]),
      )[0]?.cacheKey;
    expect(key('foto-1')).not.toBe(key('foto-2'));
  });
});

describe('parsing', () => {
  it('reads offsets with minutes (+05:30)', () => {
    const parsed = parseDateTime('2020-10-10T10:40:00+05:30');
    expect(parsed.ok && parsed.date.toISOString()).toBe('2020-10-10T05:10:00.000Z');
  });

  it('counts nesting from zero again after stray closing tags', () => {
    expect(deepestNesting('</div></div>\n<div><div><div>x</div></div></div>').depth).toBe(3);
  });

  it('types each person of a byline Person and each agency Organization', () => {
    const article = makeArticle('a', '2020-10-10T10:40:00+02:00', {
      byline: 'Ola Nordmann og Kari Nordmann, NTB',
    });
    const publication = {
      name: 'T',
      language: 'nb' as const,
      responsibleEditor: 'R',
      owner: 'O',
      address: 'A',
      email: 'e@x.no',
      logo: '/logo.svg',
      codes: [],
    };
    const ld = newsArticleLd(
      article,
      { slug: 'utenriks', name: 'Utenriks', description: '' },
      { publication },
    );
    expect(ld.author?.map((a) => [a.name, a['@type']])).toEqual([
      ['Ola Nordmann', 'Person'],
      ['Kari Nordmann', 'Person'],
      ['NTB', 'Organization'],
    ]);
  });
});
