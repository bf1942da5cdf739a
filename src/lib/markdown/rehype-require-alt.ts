/**
 * Every image in an article needs alt text (WCAG 1.1.1): a reader who cannot see it must still
 * get the news. An image without it fails the build for that file, with the fix.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

interface FailingFile {
  fail(reason: string, options?: { place?: Element['position'] }): never;
}

export default function rehypeRequireAlt() {
  return (tree: Root, file: FailingFile) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      const alt = node.properties.alt;
      if (typeof alt === 'string' && alt.trim() !== '') return;
      const src = typeof node.properties.src === 'string' ? node.properties.src : '(no src)';
      file.fail(
        `The image ${src} has no alt text. Describe it in the brackets: ![Lavrov i Moskva](${src}).`,
        { place: node.position },
      );
    });
  };
}
