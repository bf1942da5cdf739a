/**
 * The article Markdown pipeline: remark and rehype with our plugins. One definition, used by
 * astro.config.mjs (Astro's renderer, the dev server) and by the render workers
 * (src/lib/markdown/render-pool.ts), so both produce the same HTML.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { CONTENT_DIR } from '../content/dir.ts';
import rehypeArticleImages from './rehype-article-images.ts';
import rehypeBaseLinks from './rehype-base-links.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeRequireAlt from './rehype-require-alt.ts';
import remarkDerivedLede from './remark-derived-lede.ts';
import remarkNorwegianTypography from './remark-norwegian-typography.ts';
import remarkReadingTime from './remark-reading-time.ts';
import { articleSanitizeSchema } from './sanitize-schema.ts';

/**
 * Astro's `markdown.processor` for articles; `base` is the deploy base (BASE_PATH), `contentDir`
 * the folder images must stay inside.
 */
export function articleMarkdown(base: string, contentDir: string = CONTENT_DIR) {
  return unified({
    // Typography first, so the derived lede has it too.
    remarkPlugins: [remarkNorwegianTypography, remarkDerivedLede, remarkReadingTime],
    // Raw HTML in articles is parsed, then sanitised, before anything else sees it: nothing in
    // content can run script in a reader's browser. Heading ids come after the sanitiser, and
    // body images become placeholders for the page's optimised <picture> (rehype-article-images).
    rehypePlugins: [
      rehypeRaw,
      [rehypeSanitize, articleSanitizeSchema],
      rehypeRequireAlt,
      [rehypeBaseLinks, { base }],
      [rehypeArticleImages, { contentDir }],
      rehypeHeadingIds,
    ],
    // Replaced by remarkNorwegianTypography: «» quotes, en dashes, and far cheaper.
    smartypants: false,
  });
}
