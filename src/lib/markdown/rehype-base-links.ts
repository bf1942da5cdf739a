/**
 * Site-relative links written in Markdown ("[saken](/2020/10/10/slug/)") get the deploy base
 * (BASE_PATH), so they keep working when the site is served under a sub-path.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { href, normaliseBase } from '../urls.ts';

const URL_ATTRIBUTES: Record<string, string> = { a: 'href', img: 'src', source: 'src' };

export default function rehypeBaseLinks(options: { base?: string } = {}) {
  const base = normaliseBase(options.base ?? '/');
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node: Element) => {
      const attribute = URL_ATTRIBUTES[node.tagName];
      const value = attribute ? node.properties[attribute] : undefined;
      // "/path" but not "//host/path" (protocol-relative) and not already under the base.
      if (attribute && typeof value === 'string' && /^\/(?!\/)/.test(value) && !value.startsWith(base)) {
        node.properties[attribute] = href(value, base);
      }
    });
  };
}
