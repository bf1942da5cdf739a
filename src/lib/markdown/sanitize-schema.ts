/**
 * What article HTML may contain after rehype-sanitize: GitHub's schema (ordinary formatting,
 * links, images, tables, lists, footnotes) plus figures. Everything else is removed: <script>,
 * <style>, <iframe>, <object>, forms, on* attributes, style attributes, and any URL whose
 * scheme is not http(s) or mailto (so no javascript: or data: links or images).
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

export const articleSanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
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
