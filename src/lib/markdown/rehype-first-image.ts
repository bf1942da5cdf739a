/**
 * Remembers the first image of the (sanitised) body as `firstImage` in the render metadata,
 * for NewsArticle JSON-LD and og:image. Astro's own image lists leave out remote images that
 * its image service is not set up for; this takes whatever the reader will see.
 */
import type { Element, Root } from 'hast';
import { EXIT, visit } from 'unist-util-visit';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function rehypeFirstImage() {
  return (tree: Root, file: { data: AstroFileData }) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return undefined;
      file.data.astro ??= {};
      file.data.astro.frontmatter ??= {};
      file.data.astro.frontmatter.firstImage = node.properties.src;
      return EXIT;
    });
  };
}
