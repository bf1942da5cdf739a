/**
 * Body images between the Markdown pipeline and the page. The rehype plugin
 * (markdown/rehype-article-images.ts) cannot encode images: that happens in Astro's image pipeline
 * when a page renders. So it leaves a placeholder per image, numbered in order, and records each
 * image (path, alt text, caption) in the render metadata; the loader turns the paths into image
 * imports; the page swaps each placeholder for the finished <figure>.
 */

/** One image as written in the body, in order of appearance. */
export interface BodyImage {
  /** The path as written (URL-decoded), relative to the article file. */
  path: string;
  alt: string;
  /** The Markdown image title: the caption, possibly ending in a credit ("Foto: NTB"). */
  title: string | undefined;
  /** A paragraph image becomes a <figure>; one inside a link, heading or list item stays inline. */
  block: boolean;
}

/** The placeholder's attribute; its value is the image's index in the article's body images. */
export const PLACEHOLDER_ATTRIBUTE = 'data-article-image';

const PLACEHOLDER = /<(figure|picture) data-article-image="(\d+)"><\/\1>/g;

/** The indexes of the placeholders in rendered body HTML, in order. */
export function placeholderIndexes(html: string): number[] {
  return [...html.matchAll(PLACEHOLDER)].map((m) => Number(m[2]));
}

/** Replaces each placeholder with `markup[index]`; a placeholder without markup is an error. */
export function fillPlaceholders(html: string, markup: ReadonlyMap<number, string>): string {
  return html.replace(PLACEHOLDER, (_whole, _tag: string, index: string) => {
    const filled = markup.get(Number(index));
    if (filled === undefined) throw new Error(`No markup for body image ${index}.`);
    return filled;
  });
}
