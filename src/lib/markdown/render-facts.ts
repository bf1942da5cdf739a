/**
 * What our Markdown plugins hand on, beside the HTML: the one contract between the plugins that
 * write these facts, the loader (body images) and the pages (lede, reading time, contents). They
 * travel as fields of the render's front-matter (`file.data.astro.frontmatter`), the one place
 * Astro's renderer copies from a plugin into the stored render metadata.
 */
import type { BodyImage } from '../images/body-images.ts';
import { readingMinutes } from './remark-reading-time.ts';

export interface RenderFacts {
  /** The first paragraph as plain text, for an article without a `lede` (remark-derived-lede). */
  derivedLede: string | undefined;
  /** Words in the body (remark-reading-time). */
  wordCount: number;
  /** The body's images, in order (rehype-article-images). */
  bodyImages: BodyImage[];
}

/** The shape of a VFile's data as Astro's renderer gives it to plugins. */
export interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/** Records one fact from a plugin. */
export function setRenderFact<K extends keyof RenderFacts>(
  file: { data: AstroFileData },
  key: K,
  value: RenderFacts[K],
): void {
  file.data.astro ??= {};
  file.data.astro.frontmatter ??= {};
  file.data.astro.frontmatter[key] = value;
}

/** The facts from stored render metadata (`rendered.metadata`), with safe defaults. */
export function readRenderFacts(metadata: Record<string, unknown> | undefined): RenderFacts {
  const stored = (metadata?.frontmatter ?? {}) as Record<string, unknown>;
  return {
    derivedLede: typeof stored.derivedLede === 'string' ? stored.derivedLede : undefined,
    wordCount: typeof stored.wordCount === 'number' ? stored.wordCount : 0,
    bodyImages: Array.isArray(stored.bodyImages) ? (stored.bodyImages as BodyImage[]) : [],
  };
}

/**
 * Render metadata as it is stored: only what a build reads back from the store. Astro's renderer
 * copies the article's whole front-matter into it beside our facts (a second copy of the entry's
 * data), and lists headings and image paths for every body. The store is written whole (devalue)
 * and read whole on every build, and at 100 000 articles its write cost more than any other step
 * of a publish (bench/RESULTS.md, eighth round), so:
 * - of the front-matter, the facts the lists show (lede, word count); the body's images are in
 *   the entry's data, where the image() helper needs them;
 * - of the headings, those of a table of contents (`contentsHeadings`: a long read's
 *   subheadings), the only ones a page shows;
 * - no empty lists: Astro's runtime reads each of them as optional.
 */
export function storedRenderMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const { derivedLede, wordCount } = readRenderFacts(metadata);
  const frontmatter: Record<string, unknown> = { wordCount };
  if (derivedLede !== undefined) frontmatter.derivedLede = derivedLede;
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (key === 'frontmatter' || key === 'headings' || (Array.isArray(value) && value.length === 0)) continue;
    stored[key] = value;
  }
  const headings = Array.isArray(metadata.headings)
    ? contentsHeadings(metadata.headings as Heading[], readingMinutes(wordCount))
    : [];
  if (headings.length > 0) stored.headings = headings;
  return { ...stored, frontmatter };
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** A body needs a table of contents from this many subheadings (## level) on… */
export const CONTENTS_MIN_SUBHEADINGS = 3;
/**
 * …and from this many minutes of reading: a two-minute wire story with three subheadings fits
 * on a few screens, and a contents box would push its first sentence off the first one.
 */
export const LONG_READ_MINUTES = 5;

/** True for an article long enough for a contents box and a reading time. */
export const isLongRead = (readingMinutes: number): boolean => readingMinutes >= LONG_READ_MINUTES;

/** The subheadings a table of contents lists, or none when the article is too short for one. */
export function contentsHeadings(headings: readonly Heading[], readingMinutes: number): Heading[] {
  const subheadings = headings.filter((h) => h.depth === 2);
  return isLongRead(readingMinutes) && subheadings.length >= CONTENTS_MIN_SUBHEADINGS ? subheadings : [];
}
