/**
 * What article HTML may contain after rehype-sanitize: GitHub's schema (ordinary formatting,
 * links, images, tables, lists, footnotes) plus figures. Everything else is removed: <script>,
 * <style>, <iframe>, <object>, forms, on* attributes, style attributes, and any URL whose
 * scheme is not http(s) or mailto (so no javascript: or data: links or images). <picture> and
 * <source> are removed too (an <img> inside stays): the site makes its own responsive images from
 * files beside the article (rehype-article-images.ts), and a <source> could load one from anywhere.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

export const articleSanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((tag) => tag !== 'picture' && tag !== 'source'),
    'figure',
    'figcaption',
  ],
  // The contents of these are dropped too, not left as text.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template'],
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
};
