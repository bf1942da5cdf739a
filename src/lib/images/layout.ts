/**
 * How article images are sized, cropped and encoded: every width, crop and encoder setting in one
 * place. The widths follow the CSS (global.css: --measure, .page padding; ArticleList's
 * thumbnail): change one, change both. The browser tests compare each image's drawn width with
 * its `sizes`. Why these numbers: bench/RESULTS.md, "Photos".
 */

/** The article column's widest CSS width (--measure in global.css), and the page gutter. */
export const COLUMN_REM = 42;
export const GUTTER_REM = 1;
/** List thumbnails (ArticleList.astro): one width everywhere, so lists line up in any column. */
export const THUMB_REM = 8;

export interface ImageUse {
  /** Candidate widths in device pixels; none larger than the photo itself is made. */
  widths: readonly number[];
  /**
   * Width of the one JPEG (or PNG) in the <img> fallback. Every current browser takes an AVIF or
   * WebP <source>; the fallback serves old browsers and readers of <img src> (crawlers, feeds),
   * and one file does that: four more encodes a photo would buy nothing.
   */
  fallbackWidth: number;
  /** The `sizes` attribute: how wide the layout draws the image, per viewport. */
  sizes: string;
  /** Cropped to width:height (centred on what draws the eye), or the photo's own shape. */
  aspect?: readonly [number, number] | undefined;
}

/** Lead and body images, across the article column. */
export const COLUMN_IMAGE: ImageUse = {
  // 1344 = 2 × 672 CSS px: the column on a 2× screen, the largest width the layout uses.
  widths: [360, 720, 1080, 1344],
  // The same file feeds carry (FEED_IMAGE_WIDTH).
  fallbackWidth: 1080,
  sizes: `(min-width: ${COLUMN_REM + 2 * GUTTER_REM}rem) ${COLUMN_REM}rem, calc(100vw - ${2 * GUTTER_REM}rem)`,
};

/** Thumbnails in lists: one shape (3:2) so lists line up whatever the photos' shapes. */
export const THUMBNAIL_IMAGE: ImageUse = {
  // 1×, 2× and 3× screens.
  widths: [THUMB_REM * 16, THUMB_REM * 32, THUMB_REM * 48],
  fallbackWidth: THUMB_REM * 32,
  sizes: `${THUMB_REM}rem`,
  aspect: [3, 2],
};

/** An author's photo on their byline page: square, 6rem, on 1×, 2× and 3× screens. */
export const PORTRAIT_IMAGE: ImageUse = {
  widths: [96, 192, 288],
  fallbackWidth: 192,
  sizes: '6rem',
  aspect: [1, 1],
};

/** og:image / twitter:image: the 1.91:1 card that Facebook, LinkedIn and X show large. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** NewsArticle JSON-LD: Google asks for images at least 1200 px wide in 16:9, 4:3 and 1:1. */
export const STRUCTURED_DATA_WIDTH = 1200;
export const STRUCTURED_DATA_ASPECTS: readonly (readonly [number, number])[] = [
  [16, 9],
  [4, 3],
  [1, 1],
];

/** Feeds carry one plain JPEG per image (feed readers ignore <picture> and srcset). */
export const FEED_IMAGE_WIDTH = COLUMN_IMAGE.fallbackWidth;

/** Search results (Pagefind's `image` meta) show the 3:2 list thumbnail, at its 2× width. */
export const SEARCH_IMAGE_WIDTH = THUMB_REM * 32;

/** Larger photos are refused: decoding one costs memory in proportion (40 MP is fine). */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** Google shows large images (Top stories, Discover) only from this width. */
export const MIN_SHARE_WIDTH = 1200;

/** Where a crop is centred: sharp's saliency strategy keeps faces and the subject in frame. */
export const CROP_POSITION = 'attention';

/**
 * Encoder settings for Astro's sharp service (astro.config.mjs, image.service.config). AVIF at
 * effort 0 and WebP at effort 2 cost a fraction of the defaults (effort 4) for files within a
 * few per cent of their size; measured in bench/RESULTS.md.
 */
export const ENCODER_SETTINGS = {
  avif: { quality: 50, effort: 0 },
  webp: { quality: 75, effort: 2 },
  jpeg: { quality: 80, progressive: true },
  png: { compressionLevel: 9, adaptiveFiltering: true },
  limitInputPixels: MAX_IMAGE_PIXELS,
} as const;

export interface SourceSize {
  width: number;
  height: number;
}

/** The largest box of `aspect` inside the photo, no wider than `maxWidth`. */
export function cropSize(
  source: SourceSize,
  aspect: readonly [number, number],
  maxWidth: number,
): SourceSize {
  const [w, h] = aspect;
  const width = Math.min(maxWidth, source.width, Math.floor((source.height * w) / h));
  return { width, height: Math.round((width * h) / w) };
}

/** The column's widest CSS width in px (1rem is 16px in `sizes`, as in CSS). */
export const COLUMN_PX = COLUMN_REM * 16;

/**
 * On wide screens a portrait photo is drawn at this share of the column, so it does not fill
 * the screen from top to bottom (ArticleLayout.astro: .figure.portrait).
 */
export const PORTRAIT_SHARE = 0.75;

/**
 * The output box, candidate widths and `sizes` of a use for a photo: the layout's widths that the
 * photo (or its crop) is wide enough for, and the photo's own width when it is narrower than the
 * largest. Never upscaled, never wider than the layout's largest width. In the column, a photo
 * narrower than its slot is drawn at its own width, not stretched, and a portrait photo at
 * PORTRAIT_SHARE of the column on wide screens; `sizes` says so.
 */
export function outputFor(
  source: SourceSize,
  use: ImageUse,
): { box: SourceSize; widths: number[]; sizes: string; portrait: boolean } {
  const largest = Math.max(...use.widths);
  const width = Math.min(largest, source.width);
  const box = use.aspect
    ? cropSize(source, use.aspect, largest)
    : { width, height: Math.round((width * source.height) / source.width) };
  const widths = use.widths.filter((w) => w < box.width);
  widths.push(box.width);
  // A cropped use (thumbnails) is drawn at one fixed size; an uncropped photo in the column.
  if (use.aspect) return { box, widths, sizes: use.sizes, portrait: false };
  const portrait = box.height > box.width;
  const slotRem = portrait ? COLUMN_REM * PORTRAIT_SHARE : COLUMN_REM;
  const phone = `calc(100vw - ${2 * GUTTER_REM}rem)`;
  const sizes =
    box.width < slotRem * 16
      ? `(min-width: ${COLUMN_REM + 2 * GUTTER_REM}rem) ${box.width}px, min(${box.width}px, ${phone})`
      : `(min-width: ${COLUMN_REM + 2 * GUTTER_REM}rem) ${slotRem}rem, ${phone}`;
  return { box, widths, sizes, portrait };
}

/** JPEG for photos; PNG sources (graphics, maps, transparency) keep PNG as the fallback. */
export function fallbackFormat(sourceFormat: string): 'jpg' | 'png' {
  return sourceFormat === 'png' ? 'png' : 'jpg';
}
