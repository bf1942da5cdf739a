/**
 * ASCII heading ids from our own slugify ("– Siste mulighet" → "siste-mulighet", "Økonomi" →
 * "okonomi"), unique per article, always starting with a letter. Astro's default ids keep
 * non-ASCII letters and leading dashes; ours make clean, stable #fragment links.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { slugify } from '../slug.ts';

const HEADING = /^h[2-6]$/;

function textOf(nodes: ElementContent[]): string {
  return nodes
    .map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? textOf(n.children) : ''))
    .join('');
}

/** A unique, letter-first id for a heading text, given the ids already used. */
export function headingId(text: string, used: Set<string>): string {
  let base = slugify(text) || 'seksjon';
  if (!/^[a-z]/.test(base)) base = `s-${base}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const used = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName) || typeof node.properties.id === 'string') return;
      node.properties.id = headingId(textOf(node.children), used);
    });
  };
}
