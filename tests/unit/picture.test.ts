import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholderIndexes } from '../../src/lib/images/body-images';
import {
  figcaptionHtml,
  figureHtml,
  pictureHtml,
  plainImgHtml,
  splitCaption,
  type PictureData,
} from '../../src/lib/images/picture';

const data: PictureData = {
  sources: [
    { type: 'image/avif', srcset: '/a-360.avif 360w, /a-720.avif 720w' },
    { type: 'image/webp', srcset: '/a-360.webp 360w, /a-720.webp 720w' },
  ],
  img: { src: '/a-720.jpg', width: 720, height: 480 },
  sizes: '(min-width: 44rem) 42rem, calc(100vw - 2rem)',
  portrait: false,
};

describe('pictureHtml', () => {
  it('lists AVIF, then WebP, then the one fallback file with its size, lazily by default', () => {
    expect(pictureHtml(data, { alt: 'Lavrov i Moskva' })).toBe(
      '<picture>' +
        '<source type="image/avif" srcset="/a-360.avif 360w, /a-720.avif 720w" sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)">' +
        '<source type="image/webp" srcset="/a-360.webp 360w, /a-720.webp 720w" sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)">' +
        '<img src="/a-720.jpg" width="720" height="480" alt="Lavrov i Moskva" loading="lazy" decoding="async">' +
        '</picture>',
    );
  });

  it('loads a priority image at once and first', () => {
    const html = pictureHtml(data, { alt: 'x', priority: true });
    expect(html).toContain('loading="eager" fetchpriority="high"');
    expect(html).not.toContain('decoding');
  });

  it('escapes alt text', () => {
    expect(pictureHtml(data, { alt: '"><script>alert(1)</script>' })).toContain(
      'alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
    );
  });
});

describe('captions', () => {
  it('splits a credit off the end of a caption', () => {
    expect(splitCaption('Lavrov i Moskva. Foto: Ola Nordmann / NTB')).toEqual({
      caption: 'Lavrov i Moskva.',
      credit: 'Foto: Ola Nordmann / NTB',
    });
    expect(splitCaption('Kart over området. Grafikk: NTB')).toEqual({
      caption: 'Kart over området.',
      credit: 'Grafikk: NTB',
    });
    expect(splitCaption('Foto: NTB')).toEqual({ caption: undefined, credit: 'Foto: NTB' });
    expect(splitCaption('Fotografen sto i regnet.')).toEqual({
      caption: 'Fotografen sto i regnet.',
      credit: undefined,
    });
    expect(splitCaption(undefined)).toEqual({ caption: undefined, credit: undefined });
  });

  it('prints the caption, then the credit, escaped; nothing when there is neither', () => {
    expect(figcaptionHtml({ caption: 'A <b>', credit: 'Foto: NTB' })).toBe(
      '<figcaption>A &lt;b&gt; <span class="credit">Foto: NTB</span></figcaption>',
    );
    expect(figcaptionHtml({ caption: undefined, credit: undefined })).toBe('');
    expect(figureHtml('<picture></picture>', { caption: 'A', credit: undefined }, ['lead'])).toBe(
      '<figure class="figure lead"><picture></picture><figcaption>A</figcaption></figure>',
    );
  });

  it('gives feeds a plain image with an absolute URL and its size', () => {
    expect(plainImgHtml({ url: 'https://x.no/a.jpg', width: 1080, height: 720 }, 'Et & bilde')).toBe(
      '<img src="https://x.no/a.jpg" width="1080" height="720" alt="Et &amp; bilde">',
    );
  });
});

describe('body image placeholders', () => {
  const html =
    '<p>A</p><figure data-article-image="0"></figure><p><a href="/x/"><picture data-article-image="1"></picture></a></p>';

  it('finds them in order and fills each with its markup', () => {
    expect(placeholderIndexes(html)).toEqual([0, 1]);
    expect(
      fillPlaceholders(
        html,
        new Map([
          [0, '<figure>F</figure>'],
          [1, '<picture>P</picture>'],
        ]),
      ),
    ).toBe('<p>A</p><figure>F</figure><p><a href="/x/"><picture>P</picture></a></p>');
  });

  it('refuses to leave a placeholder unfilled', () => {
    expect(() => fillPlaceholders(html, new Map([[0, '']]))).toThrow(/No markup for body image 1/);
  });
});
