// The rules for image files: where an article's image may come from, and what it must be.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePhoto } from '../../scripts/bench/photos';
import { originalsIn } from '../../src/lib/images/drop-originals';
import { ImageFileChecks, inspectImage } from '../../src/lib/images/image-file-check';
import { resolveImageRef } from '../../src/lib/images/image-ref';

const root = mkdtempSync(join(tmpdir(), 'bilder-'));
const content = join(root, 'content');
const article = join(content, 'articles', '2020', 'sak', 'index.md');
const outside = join(root, 'utenfor');
const at = (...parts: string[]) => join(content, 'articles', '2020', 'sak', ...parts);

beforeAll(async () => {
  mkdirSync(at('bilder'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(article, '---\n---\n');
  writeFileSync(at('foto.jpg'), await makePhoto({ width: 400, height: 300, seed: 1 }));
  writeFileSync(at('sidelengs.jpg'), await makePhoto({ width: 300, height: 400, seed: 2, orientation: 6 }));
  writeFileSync(at('kart.png'), await makePhoto({ width: 400, height: 300, seed: 3, format: 'png' }));
  const whole = readFileSync(at('foto.jpg'));
  writeFileSync(at('avkuttet.jpg'), whole.subarray(0, Math.floor(whole.length * 0.6)));
  writeFileSync(at('tekst.jpg'), 'Dette er ikke et bilde.\n');
  writeFileSync(
    at('tegning.png'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
  );
  writeFileSync(
    at('animasjon.png'),
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } })
      .gif()
      .toBuffer(),
  );
  writeFileSync(join(outside, 'hemmelig.jpg'), whole);
  symlinkSync(join(outside, 'hemmelig.jpg'), at('lenke.jpg'));
});

describe('resolveImageRef', () => {
  const problem = (src: string) => {
    const ref = resolveImageRef(src, article, content);
    return ref.ok ? 'ok' : `${ref.problem} ${ref.fix}`;
  };

  it('finds a file beside the article, also in a sub-folder, without "./"', () => {
    expect(resolveImageRef('./foto.jpg', article, content)).toEqual({ ok: true, path: at('foto.jpg') });
    expect(resolveImageRef('foto.jpg', article, content)).toEqual({ ok: true, path: at('foto.jpg') });
    expect(resolveImageRef('bilder/../kart.png', article, content)).toEqual({
      ok: true,
      path: at('kart.png'),
    });
  });

  it('refuses remote images and site paths, saying what to do instead', () => {
    expect(problem('https://example.com/a.jpg')).toMatch(/remote URL.*Download the photo/);
    expect(problem('//cdn.example.com/a.jpg')).toMatch(/remote URL/);
    expect(problem('data:image/png;base64,AAAA')).toMatch(/remote URL/);
    expect(problem('/bilder/a.jpg')).toMatch(/site path.*\.\/foto\.jpg/);
  });

  it('refuses SVG (it can carry script) and other file types by name', () => {
    expect(problem('./tegning.svg')).toMatch(/SVG, which can carry script.*Export it as PNG/);
    expect(problem('./film.gif')).toMatch(/not a JPEG, PNG, WebP or AVIF/);
  });

  it('never reads outside the content folder, also not through a symlink', () => {
    expect(problem('../../../../utenfor/hemmelig.jpg')).toMatch(/outside the content folder/);
    expect(problem('./lenke.jpg')).toMatch(/link to a file outside the content folder/);
  });

  it('names the path it looked for when the file is missing', () => {
    expect(problem('./mangler.jpg')).toContain(`looked for ${at('mangler.jpg')}`);
  });
});

describe('inspectImage', () => {
  it('reports the size as shown (EXIF rotation applied), the format and a digest', async () => {
    const photo = await inspectImage(at('foto.jpg'));
    expect(photo).toMatchObject({ ok: true, facts: { width: 400, height: 300, format: 'jpeg' } });
    expect(await inspectImage(at('sidelengs.jpg'))).toMatchObject({
      ok: true,
      facts: { width: 300, height: 400 },
    });
    expect(await inspectImage(at('kart.png'))).toMatchObject({ ok: true, facts: { format: 'png' } });
  });

  it('refuses files that are not photos, whatever their name says', async () => {
    expect(await inspectImage(at('tekst.jpg'))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/is not an image/),
    });
    expect(await inspectImage(at('tegning.png'))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/SVG/),
    });
    expect(await inspectImage(at('animasjon.png'))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/GIF file/),
    });
  });

  it('refuses a damaged photo instead of publishing it grey', async () => {
    expect(await inspectImage(at('avkuttet.jpg'))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/is damaged and cannot be decoded/),
    });
  });

  it('refuses a photo above the pixel limit before decoding it', async () => {
    expect(await inspectImage(at('foto.jpg'), 100_000)).toMatchObject({
      ok: false,
      problem: 'is 400×300 pixels (0 megapixels); the limit is 0 megapixels.',
    });
  });
});

describe('ImageFileChecks', () => {
  it('remembers results across builds and looks again when the file changes', async () => {
    const cacheFile = join(root, 'cache', 'image-checks.json');
    const first = new ImageFileChecks(cacheFile);
    const before = await first.check(at('foto.jpg'));
    first.save();
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.values(saved)).toEqual([before]);

    writeFileSync(at('foto.jpg'), 'ødelagt');
    const second = new ImageFileChecks(cacheFile);
    expect(await second.check(at('foto.jpg'))).toMatchObject({ ok: false });
    writeFileSync(at('foto.jpg'), await makePhoto({ width: 400, height: 300, seed: 1 }));
  });
});

describe('originalsIn', () => {
  it('finds output files that are byte for byte a source photo, and nothing else', async () => {
    const out = join(root, 'dist');
    mkdirSync(out, { recursive: true });
    const copy = join(out, 'foto.Ab12Cd34.jpg');
    writeFileSync(copy, readFileSync(at('foto.jpg')));
    const resized = join(out, 'foto_Zx9.jpg');
    writeFileSync(resized, await sharp(at('foto.jpg')).resize(100).jpeg().toBuffer());
    // Same size as the source, other bytes: not an original.
    const sameSize = join(out, 'same.jpg');
    writeFileSync(sameSize, Buffer.alloc(readFileSync(at('foto.jpg')).length, 1));
    expect(originalsIn([copy, resized, sameSize], [at('foto.jpg'), at('kart.png')])).toEqual([copy]);
  });
});
