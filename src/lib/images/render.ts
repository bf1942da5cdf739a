/**
 * Article photos through Astro's image pipeline (astro:assets, sharp): the <picture> of a use
 * (layout.ts), the link-preview and structured-data crops, and the feed JPEG.
 *
 * Call these only while a page or feed renders, never in getStaticPaths or memoised site data:
 * Astro notes the files each page needs as the page renders, and its incremental build replays
 * those notes for pages it does not render again. An image requested outside a render would be
 * made once and then missing from the next build.
 */
import { getImage } from 'astro:assets';
import type { ArticleImage } from '../content/articles.ts';
import { imageImport } from '../content/collection.ts';
import { absoluteHref } from '../urls.ts';
import {
  COLUMN_IMAGE,
  cropSize,
  CROP_POSITION,
  fallbackFormat,
  FEED_IMAGE_WIDTH,
  outputFor,
  SEARCH_IMAGE_WIDTH,
  SHARE_IMAGE,
  STRUCTURED_DATA_ASPECTS,
  STRUCTURED_DATA_WIDTH,
  THUMBNAIL_IMAGE,
  type ImageUse,
  type SourceSize,
} from './layout.ts';
import { fillPlaceholders, placeholderIndexes } from './body-images.ts';
import { figureHtml, pictureHtml, plainImgHtml, type PictureData } from './picture.ts';

/** A single encoded image with its absolute URL and pixel size. */
export interface ImageFile {
  url: string;
  width: number;
  height: number;
  type: string;
}

const MIME = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' } as const;

/** The same height getImage's srcset gives a width of this box, so requests share files. */
const heightAt = (box: SourceSize, width: number) => Math.round(width / (box.width / box.height));

/** Crops are centred on what draws the eye. */
function cropOptions(use: ImageUse) {
  return use.aspect ? { fit: 'cover' as const, position: CROP_POSITION } : {};
}

/**
 * A JPEG has no transparency: one made from a PNG, WebP or AVIF (which may have it) gets a white
 * ground, not black. Every JPEG request of a photo passes the same, so they still share files.
 */
const jpegGround = (image: ArticleImage) => (image.format === 'jpeg' ? {} : { background: '#ffffff' });

/**
 * `<picture>` data for a use: AVIF and WebP sources at every width, and one JPEG (PNG for PNG
 * sources) as the fallback.
 */
export async function picture(image: ArticleImage, use: ImageUse): Promise<PictureData> {
  const src = imageImport(image);
  const { box, widths, sizes, portrait } = outputFor(image, use);
  const common = { src, width: box.width, height: box.height, widths, ...cropOptions(use) };
  const fallbackWidth = Math.min(use.fallbackWidth, box.width);
  const fallback = fallbackFormat(image.format);
  const [avif, webp, img] = await Promise.all([
    getImage({ ...common, format: 'avif' }),
    getImage({ ...common, format: 'webp' }),
    // The same options as the srcset entry of this width would have: a JPEG photo's fallback is
    // also its feed image, made once.
    getImage({
      src,
      width: fallbackWidth,
      height: heightAt(box, fallbackWidth),
      format: fallback,
      ...cropOptions(use),
      ...(fallback === 'jpg' ? jpegGround(image) : {}),
    }),
  ]);
  return {
    sources: [
      { type: MIME.avif, srcset: avif.srcSet.attribute },
      { type: MIME.webp, srcset: webp.srcSet.attribute },
    ],
    img: { src: img.src, width: box.width, height: box.height },
    sizes,
    portrait,
  };
}

/** One JPEG of `size` (cropped when its shape differs from the photo's). */
async function jpeg(image: ArticleImage, size: SourceSize, crop: boolean): Promise<ImageFile> {
  const result = await getImage({
    src: imageImport(image),
    width: size.width,
    height: size.height,
    format: 'jpg',
    ...(crop ? { fit: 'cover' as const, position: CROP_POSITION } : {}),
    ...jpegGround(image),
  });
  return { url: absoluteHref(result.src), width: size.width, height: size.height, type: MIME.jpg };
}

/** og:image and twitter:image: the 1200×630 card (smaller only when the photo is). */
export function shareImage(image: ArticleImage): Promise<ImageFile> {
  return jpeg(image, cropSize(image, [SHARE_IMAGE.width, SHARE_IMAGE.height], SHARE_IMAGE.width), true);
}

/** NewsArticle JSON-LD: 16:9, 4:3 and 1:1 crops, 1200 px wide when the photo allows. */
export function structuredDataImages(image: ArticleImage): Promise<ImageFile[]> {
  return Promise.all(
    STRUCTURED_DATA_ASPECTS.map((aspect) =>
      jpeg(image, cropSize(image, aspect, STRUCTURED_DATA_WIDTH), true),
    ),
  );
}

/**
 * The one JPEG a feed carries per image. For a JPEG photo it is the page's fallback (same
 * options, so Astro makes it once).
 */
export function feedImage(image: ArticleImage): Promise<ImageFile> {
  const { box } = outputFor(image, COLUMN_IMAGE);
  const width = Math.min(FEED_IMAGE_WIDTH, box.width);
  return jpeg(image, { width, height: heightAt(box, width) }, false);
}

/** The 3:2 thumbnail for search results (Pagefind's `image` meta): the list thumbnail's WebP. */
export async function searchImage(image: ArticleImage): Promise<ImageFile> {
  const { box } = outputFor(image, THUMBNAIL_IMAGE);
  const width = Math.min(SEARCH_IMAGE_WIDTH, box.width);
  const size = { width, height: heightAt(box, width) };
  const result = await getImage({
    src: imageImport(image),
    ...size,
    format: 'webp',
    ...cropOptions(THUMBNAIL_IMAGE),
  });
  return { url: result.src, ...size, type: MIME.webp };
}

/** A body image as pages and feeds place it. */
export type PlacedImage = ArticleImage & { block: boolean };

/** The markup of one image, and the classes of the figure around it. */
interface ImageMarkup {
  html: string;
  classes?: string[];
}

/** Fills the body's image placeholders, each with `render(image)` (in a figure when it is a block). */
async function fillBody(
  html: string,
  images: readonly PlacedImage[],
  render: (image: PlacedImage) => Promise<ImageMarkup>,
): Promise<string> {
  const markup = new Map<number, string>();
  for (const index of new Set(placeholderIndexes(html))) {
    const image = images[index];
    if (!image) throw new Error(`The body refers to image ${index}, which the article does not have.`);
    const inner = await render(image);
    markup.set(index, image.block ? figureHtml(inner.html, image, inner.classes) : inner.html);
  }
  return fillPlaceholders(html, markup);
}

async function columnPicture(image: ArticleImage, priority: boolean): Promise<Required<ImageMarkup>> {
  const data = await picture(image, COLUMN_IMAGE);
  return {
    html: pictureHtml(data, { alt: image.alt, priority }),
    classes: data.portrait ? ['portrait'] : [],
  };
}

/** A photo in the article column as a finished <figure> (the lead photo with `priority`). */
export async function columnFigure(
  image: ArticleImage,
  { priority = false, classes = [] }: { priority?: boolean; classes?: string[] } = {},
): Promise<string> {
  const { html, classes: own } = await columnPicture(image, priority);
  return figureHtml(html, image, [...classes, ...own]);
}

/** The article body as the page shows it: every image an optimised, lazily loaded <picture>. */
export function pageBodyHtml(html: string, images: readonly PlacedImage[]): Promise<string> {
  return fillBody(html, images, (image) => columnPicture(image, false));
}

/** The article body for feeds: every image one JPEG with an absolute URL. */
export function feedBodyHtml(html: string, images: readonly PlacedImage[]): Promise<string> {
  return fillBody(html, images, async (image) => ({ html: plainImgHtml(await feedImage(image), image.alt) }));
}
