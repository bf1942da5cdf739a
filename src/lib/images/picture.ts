/**
 * The markup of a responsive photo: `<picture>` with AVIF and WebP sources and a JPEG/PNG
 * fallback `<img>` that has width and height (so the page never shifts), and the `<figure>`
 * around it with its caption and credit. Pure and escaped: the one definition used for lead
 * images, body images, thumbnails and feeds.
 */
import { escapeMarkup } from '../escape.ts';

export interface PictureSource {
  /** MIME type, e.g. image/avif. */
  type: string;
  srcset: string;
}

export interface PictureData {
  sources: PictureSource[];
  /**
   * The fallback: one file's URL, and the width and height the layout reserves (the largest
   * candidate's pixel size, so the page never shifts).
   */
  img: { src: string; width: number; height: number };
  sizes: string;
  /** Taller than wide: drawn narrower than the column on wide screens (layout.ts). */
  portrait: boolean;
}

export interface PictureOptions {
  alt: string;
  /** Lead images load at once with high priority; everything else lazily. */
  priority?: boolean;
  className?: string | undefined;
}

const attrs = (pairs: [string, string | number | undefined][]): string =>
  pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeMarkup(String(value))}"`)
    .join('');

export function pictureHtml(
  picture: PictureData,
  { alt, priority = false, className }: PictureOptions,
): string {
  const sources = picture.sources.map(
    (s) =>
      `<source${attrs([
        ['type', s.type],
        ['srcset', s.srcset],
        ['sizes', picture.sizes],
      ])}>`,
  );
  const img = `<img${attrs([
    ['src', picture.img.src],
    ['width', picture.img.width],
    ['height', picture.img.height],
    ['alt', alt],
    ['loading', priority ? 'eager' : 'lazy'],
    ['decoding', priority ? undefined : 'async'],
    ['fetchpriority', priority ? 'high' : undefined],
  ])}>`;
  return `<picture${attrs([['class', className]])}>${sources.join('')}${img}</picture>`;
}

/** A caption split into its text and the credit ("Foto: …"), as newsrooms print them. */
export interface Caption {
  caption: string | undefined;
  credit: string | undefined;
}

/** Words that open a credit line in Norwegian (and English) captions. */
const CREDIT_START =
  /(?:^|\s)((?:Foto|Illustrasjon|Grafikk|Kart|Tegning|Skjermbilde|Photo|Illustration)\s*:.*)$/i;

/** "Lavrov i Moskva. Foto: NTB" → caption "Lavrov i Moskva.", credit "Foto: NTB". */
export function splitCaption(title: string | undefined): Caption {
  const whole = title?.trim() ?? '';
  if (!whole) return { caption: undefined, credit: undefined };
  const match = CREDIT_START.exec(whole);
  if (!match || match.index === undefined) return { caption: whole, credit: undefined };
  const caption = whole.slice(0, match.index).trim();
  return { caption: caption || undefined, credit: (match[1] ?? '').trim() };
}

/** `<figcaption>` with the caption, then the credit; empty when there is neither. */
export function figcaptionHtml({ caption, credit }: Caption): string {
  if (!caption && !credit) return '';
  const parts = [
    caption ? escapeMarkup(caption) : '',
    credit ? `<span class="credit">${escapeMarkup(credit)}</span>` : '',
  ].filter(Boolean);
  return `<figcaption>${parts.join(' ')}</figcaption>`;
}

/** A <figure> around a picture (or, in feeds, a plain image) with its caption and credit. */
export function figureHtml(inner: string, caption: Caption, classes: readonly string[] = []): string {
  const className = ['figure', ...classes].join(' ');
  return `<figure class="${escapeMarkup(className)}">${inner}${figcaptionHtml(caption)}</figure>`;
}

/** A plain <img> for feeds, where <picture> and srcset are ignored. */
export function plainImgHtml(file: { url: string; width: number; height: number }, alt: string): string {
  return `<img${attrs([
    ['src', file.url],
    ['width', file.width],
    ['height', file.height],
    ['alt', alt],
  ])}>`;
}
