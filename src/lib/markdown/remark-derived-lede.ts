/**
 * Stores the plain text of the body's first paragraph as `derivedLede` in the page's
 * front-matter metadata: the ingress and meta description of an article without a `lede`.
 * Done here, once per render (and cached by the content layer), not by re-parsing on every page.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { setRenderFact, type AstroFileData } from './render-facts.ts';

/** Longest derived ingress; longer first paragraphs are cut at a word boundary with "…". */
export const MAX_DERIVED_LEDE = 300;

export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** The first paragraph with text; a paragraph that is only an image (a figure) is skipped. */
export function firstParagraphText(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = toString(node, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
    if (text !== '') return truncateAtWord(text, MAX_DERIVED_LEDE);
  }
  return undefined;
}

export default function remarkDerivedLede() {
  return (tree: Root, file: { data: AstroFileData }) => {
    const lede = firstParagraphText(tree);
    if (lede === undefined) return;
    setRenderFact(file, 'derivedLede', lede);
  };
}
