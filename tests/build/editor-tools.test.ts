// `npm run new` and `npm run import` as an editor runs them: files land in CONTENT_DIR and build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT_ROOT, readPage } from '../helpers/build';

// A copy of ../shared/seeds/ntb-2020-10-utenriks-nagorno-karabakh.txt, so the tests stand alone.
const SEED = 'tests/fixtures/wire/ntb-2020-10-utenriks-nagorno-karabakh.txt';
const NTB_FILE = 'content/articles/2020/10/nagorno-karabakh-vapenhvile.md';
const TITLE = 'Angrep og motangrep da våpenhvilen i Nagorno-Karabakh skulle tre i kraft';
const contentDir = join(OUTPUT_ROOT, 'content-tools');

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, CONTENT_DIR: contentDir, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const importWire = (args: string[], env?: Record<string, string>) => run('scripts/import-wire.ts', args, env);
const newArticle = (args: string[], env?: Record<string, string>) => run('scripts/new-article.ts', args, env);
const bodyOf = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n/, '').trim();

beforeAll(() => {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
});

describe('npm run import', () => {
  const seedExists = existsSync(SEED);

  it('reproduces the NTB article from the seed wire text', () => {
    expect(seedExists, `${SEED} is missing`).toBe(true);
    const result = importWire([SEED, '--title', TITLE, '--date', '2020-10-10T10:40:00+02:00']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3 subheading(s)');
    expect(result.stdout).toContain(
      `URL: /2020/10/10/angrep-og-motangrep-da-vapenhvilen-i-nagorno-karabakh-skulle-tre-i-kraft/`,
    );
    const path = join(
      contentDir,
      'articles/2020/10/angrep-og-motangrep-da-vapenhvilen-i-nagorno-karabakh-skulle-tre-i-kraft.md',
    );
    const imported = readFileSync(path, 'utf8');
    expect(bodyOf(imported)).toBe(bodyOf(readFileSync(NTB_FILE, 'utf8')));
    expect(imported).toContain('category: utenriks\nbyline: "NTB"\n');
  });

  it('refuses to overwrite', () => {
    const result = importWire([SEED, '--title', TITLE, '--date', '2020-10-10T10:40:00+02:00']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists');
  });

  it('needs --date when the header has only a month, and --title always', () => {
    const noDate = importWire([SEED, '--title', 'Noe annet']);
    expect(noDate.status).toBe(1);
    expect(noDate.stderr).toContain('gives only the month (2020-10): give the publication time with --date');
    const noTitle = importWire([SEED, '--date', '2020-10-10T10:40']);
    expect(noTitle.status).toBe(1);
    expect(noTitle.stderr).toContain('has no headline: give one with --title');
  });

  it('uses 12:00 Oslo time for a header with a day, and says so', () => {
    const wire = join(OUTPUT_ROOT, 'wire-sport.txt');
    writeFileSync(
      wire,
      'date 2021-05-17 NTB sport\n\nNorge vant 3–1 på Ullevaal.\n\nJubel i Oslo\n\n- Dette var stort, sier treneren.\n',
    );
    const result = importWire([wire, '--title', 'Norge vant på nasjonaldagen']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('using 12:00 Oslo time (mandag 17. mai 2021 kl. 12.00)');
    const text = readFileSync(join(contentDir, 'articles/2021/05/norge-vant-pa-nasjonaldagen.md'), 'utf8');
    expect(text).toContain('date: 2021-05-17T12:00:00+02:00');
    expect(bodyOf(text)).toBe(
      'Norge vant 3–1 på Ullevaal.\n\n## Jubel i Oslo\n\n– Dette var stort, sier treneren.',
    );
  });

  it('refuses an unknown category and a file without the header', () => {
    const wire = join(OUTPUT_ROOT, 'wire-bad.txt');
    writeFileSync(wire, 'Oslo (NTB): Ingen topplinje.\n');
    expect(importWire([wire, '--title', 'X']).stderr).toContain('first line must be the wire header');
    const badCategory = importWire([
      SEED,
      '--title',
      'X',
      '--date',
      '2020-10-10T10:40',
      '--category',
      'verden',
    ]);
    expect(badCategory.stderr).toContain('--category "verden" is not a category');
  });
});

describe('a photo with the article', () => {
  const PHOTO = 'tests/fixtures/photos/articles/2020/10/vapenhvile-brutt-bilde.jpg';
  const photoArgs = ['--image', PHOTO, '--alt', 'Røyk over Stepanakert', '--credit', 'Foto: NTB'];

  it('is copied beside the imported article and becomes its lead photo', () => {
    const result = importWire([SEED, '--title', 'Med bilde', '--date', '2020-10-11T09:00', ...photoArgs]);
    expect(result.stderr).toBe('');
    const article = join(contentDir, 'articles/2020/10/med-bilde.md');
    expect(result.stdout).toContain(`Photo copied to ${join(contentDir, 'articles/2020/10/med-bilde.jpg')}`);
    expect(readFileSync(join(contentDir, 'articles/2020/10/med-bilde.jpg')).equals(readFileSync(PHOTO))).toBe(
      true,
    );
    expect(readFileSync(article, 'utf8')).toContain(
      'image:\n  src: "./med-bilde.jpg"\n  alt: "Røyk over Stepanakert"\n  credit: "Foto: NTB"\n',
    );
  });

  it('must be a readable photo with alt text; otherwise nothing is written', () => {
    const noAlt = newArticle(['--title', 'Uten alt', '--category', 'sport', '--image', PHOTO]);
    expect(noAlt.stderr).toContain('--alt is required with --image');
    const svg = join(contentDir, 'tegning.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const refused = newArticle(['--title', 'Tegning', '--category', 'sport', '--image', svg, '--alt', 'x']);
    expect(refused.stderr).toContain('is an SVG, which can carry script');
    expect(newArticle(['--title', 'Alt uten bilde', '--category', 'sport', '--alt', 'x']).stderr).toContain(
      'give it with --image',
    );
    const written = readdirSync(join(contentDir, 'articles'), { recursive: true, encoding: 'utf8' });
    expect(written.filter((f) => /(uten-alt|tegning|alt-uten-bilde)\./.test(f))).toEqual([]);
  });
});

describe('npm run new', () => {
  it('creates a draft with valid front-matter and prints path and URL', () => {
    const result = newArticle(
      [
        '--title',
        'Økende spenning i Ålesund',
        '--category',
        'innenriks',
        '--date',
        '2020-10-13T09:00',
        '--byline',
        'NTB',
      ],
      {
        BASE_PATH: '/nyheter/',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('articles/2020/10/okende-spenning-i-alesund.md');
    expect(result.stdout).toContain('URL: /nyheter/2020/10/13/okende-spenning-i-alesund/');
    const text = readFileSync(join(contentDir, 'articles/2020/10/okende-spenning-i-alesund.md'), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: "Økende spenning i Ålesund"\ndate: 2020-10-13T09:00:00\+02:00\ncategory: innenriks\nbyline: "NTB"\ndraft: true\n---\n/,
    );
    expect(
      newArticle([
        '--title',
        'Økende spenning i Ålesund',
        '--category',
        'innenriks',
        '--date',
        '2020-10-13T09:00',
      ]).status,
    ).toBe(1);
  });

  it('defaults the date to now and refuses bad options', () => {
    const result = newArticle(['--title', 'Nå', '--category', 'sport']);
    expect(result.status).toBe(0);
    expect(newArticle(['--category', 'sport']).stderr).toContain('--title is required');
    expect(newArticle(['--title', 'X', '--category', 'verden']).stderr).toContain('is not a category');
    expect(
      newArticle(['--title', 'X', '--category', 'sport', '--date', '2020-10-32T10:00']).stderr,
    ).toContain('not a real calendar date');
  });

  it('everything the tools wrote builds, and check:content agrees', () => {
    const check = run('scripts/check-content.ts', []);
    expect(check.stdout).toContain('0 error(s)');
    const build = buildSite('tools', { CONTENT_DIR: contentDir, BUILD_NOW: '2021-06-01T12:00:00+02:00' });
    expect(build.status, build.output).toBe(0);
    expect(
      readPage(
        build.outDir,
        '/2020/10/10/angrep-og-motangrep-da-vapenhvilen-i-nagorno-karabakh-skulle-tre-i-kraft/',
      ),
    ).toContain('<h2 id="siste-mulighet">– Siste mulighet</h2>');
    expect(readPage(build.outDir, '/2021/05/17/norge-vant-pa-nasjonaldagen/')).toContain(
      '<p>– Dette var stort, sier treneren.</p>',
    );
    expect(readPage(build.outDir, '/2020/10/11/med-bilde/')).toMatch(
      /<figure class="figure lead"><picture>.*alt="Røyk over Stepanakert".*<span class="credit">Foto: NTB<\/span>/s,
    );
  });
});
