// Bad photos as careless editors (and attackers) bring them: each fails the build with a line
// that names the article file, the field or line, and the fix; all are reported together, and
// nothing is built. A very large photo works, with bounded memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePhoto } from '../../scripts/bench/photos';
import { astroCommand, buildSite, OUTPUT_ROOT, readPage, type BuildResult } from '../helpers/build';
import { picturesIn } from '../helpers/images';

const NOW = { BUILD_NOW: '2020-11-01T12:00:00+01:00' };
const bad = join(OUTPUT_ROOT, 'content-photo-errors');
const at = (...parts: string[]) => join(bad, 'articles', ...parts);
const article = (name: string, frontmatter: string, body = 'Tekst.') =>
  writeFileSync(
    at(name),
    `---\ntitle: ${name}\ndate: 2020-10-09T12:00:00+02:00\ncategory: utenriks\nbyline: NTB\n${frontmatter}---\n\n${body}\n`,
  );
const lead = (src: string, alt = 'Et bilde') =>
  `image:\n  src: ${src}\n  alt: ${alt}\n  credit: "Foto: NTB"\n`;

let build: BuildResult;

beforeAll(async () => {
  rmSync(bad, { recursive: true, force: true });
  mkdirSync(at(), { recursive: true });
  await writePhoto(at('foto.jpg'), { width: 600, height: 400, seed: 1 });
  const photo = readFileSync(at('foto.jpg'));
  writeFileSync(at('avkuttet.jpg'), photo.subarray(0, Math.floor(photo.length / 2)));
  writeFileSync(at('tekst.jpg'), 'Dette er ikke et bilde.\n');
  writeFileSync(
    at('tegning.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><script>alert(1)</script></svg>',
  );
  writeFileSync(at('tegning.png'), readFileSync(at('tegning.svg')));
  writeFileSync(join(bad, '..', 'utenfor.jpg'), photo);
  symlinkSync(join(bad, '..', 'utenfor.jpg'), at('lenke.jpg'));

  article('mangler.md', lead('./mangler.jpg'));
  article('uten-alt.md', 'image:\n  src: ./foto.jpg\n  credit: "Foto: NTB"\n');
  article('ikke-bilde.md', lead('./tekst.jpg'));
  article('odelagt.md', lead('./avkuttet.jpg'));
  article('utenfor.md', lead('../../utenfor.jpg'));
  article('svg.md', lead('./tegning.svg'));
  article('svg-forkledd.md', '', 'Tekst.\n\n![En tegning](./tegning.png)');
  article('fjernt.md', '', 'Tekst.\n\n![Et bilde](https://example.com/bilde.jpg)');
  article(
    'mangler-i-teksten.md',
    '',
    'Tekst.\n\nMer tekst.\n\n![Borte](./borte.jpg "Et bilde som ikke finnes.")',
  );
  article('lenke.md', '', '![Lenket](./lenke.jpg)');
  build = buildSite('photo-errors', { ...NOW, CONTENT_DIR: bad });
});

describe('bad photos', () => {
  it('fail the build together, and nothing is built', () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('10 errors in 10 article files:');
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });

  it.each([
    [
      'a missing lead photo, naming the path looked for',
      `articles/mangler.md → image.src: The image ./mangler.jpg does not exist: looked for ${at('mangler.jpg')}. Check the file name`,
    ],
    [
      'a photo without alt text',
      'articles/uten-alt.md → image.alt: "image.alt" is required: describe the photo',
    ],
    [
      'a file that is not an image',
      'articles/ikke-bilde.md → image.src: The image ./tekst.jpg is not an image',
    ],
    [
      'a damaged photo',
      'articles/odelagt.md → image.src: The image ./avkuttet.jpg is damaged and cannot be decoded (VipsJpeg: premature end of JPEG image). Export or download the photo again',
    ],
    [
      'a photo outside the content folder',
      `articles/utenfor.md → image.src: The image ../../utenfor.jpg is outside the content folder (${resolve(bad, '..', 'utenfor.jpg')}).`,
    ],
    [
      'an SVG, by its name',
      'articles/svg.md → image.src: The image ./tegning.svg is an SVG, which can carry script; SVG is not allowed in articles. Export it as PNG',
    ],
    [
      'an SVG under another name, in the body',
      'articles/svg-forkledd.md:10: The image ./tegning.png is an SVG file, which can carry script',
    ],
    [
      'a remote image in the body, with its line',
      'articles/fjernt.md:10: The image https://example.com/bilde.jpg is a remote URL; images must be files beside the article. Download the photo',
    ],
    [
      'a missing body image, with its line and the path looked for',
      `articles/mangler-i-teksten.md:12: The image ./borte.jpg does not exist: looked for ${at('borte.jpg')}.`,
    ],
    [
      'a link to a photo outside the content folder',
      'articles/lenke.md:8: The image ./lenke.jpg is a link to a file outside the content folder',
    ],
  ])('report %s', (_what, line) => {
    expect(build.output).toContain(line);
  });
});

describe('a 40-megapixel photo', () => {
  const big = join(OUTPUT_ROOT, 'content-photo-big');
  let output = '';
  let status: number | null = null;
  let peakMiB = 0;

  beforeAll(async () => {
    rmSync(big, { recursive: true, force: true });
    await writePhoto(join(big, 'articles', 'stor', 'stort.jpg'), { width: 7744, height: 5163, seed: 40 });
    writeFileSync(
      join(big, 'articles', 'stor', 'index.md'),
      `---\ntitle: Stort bilde\ndate: 2020-10-09T12:00:00+02:00\ncategory: utenriks\nbyline: NTB\n${lead('./stort.jpg')}---\n\nTekst.\n`,
    );
    // Peak memory of the whole build, as /usr/bin/time measures it (Debian package `time`).
    const out = join(OUTPUT_ROOT, 'photo-big');
    rmSync(out, { recursive: true, force: true });
    const timing = join(OUTPUT_ROOT, 'photo-big-time.txt');
    const astro = astroCommand('photo-big', 'build');
    const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timing, astro.bin, ...astro.args], {
      env: {
        ...process.env,
        ...NOW,
        CONTENT_DIR: big,
        OUT_DIR: join(out, 'dist'),
        CACHE_DIR: join(out, 'cache'),
      },
      encoding: 'utf8',
      timeout: 180_000,
    });
    status = result.status;
    output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
    peakMiB = Number(readFileSync(timing, 'utf8').trim().split('\n').at(-1)) / 1024;
  });

  it('is published at the column widths, with bounded memory', () => {
    expect(status, output.slice(-3000)).toBe(0);
    const [lead] = picturesIn(readPage(join(OUTPUT_ROOT, 'photo-big', 'dist'), '2020/10/09/stort-bilde/'));
    expect(lead?.img).toMatchObject({ width: '1344', height: '896' });
    console.log(`40 MP photo: peak RSS of the build ${peakMiB.toFixed(0)} MiB`);
    // A build of one article with a small photo peaks at about 630 MiB; decoding is shrunk on load.
    expect(peakMiB).toBeLessThan(1024);
  });
});
