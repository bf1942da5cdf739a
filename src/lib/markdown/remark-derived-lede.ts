/**
 * Stores the plain text of the body's first paragraph as `derivedLede` in the page's
 * front-matter metadata: the ingress and meta description of an article without a `lede`.
 * Done here, once per render (and cached by the content layer), not by re-parsing on every page.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Longest derived ingress; longer first paragraphs are cut at a word boundary with "…". */
export const MAX_DERIVED_LEDE = 300;

export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

export function firstParagraphText(tree: Root): string | undefined {
  const paragraph = tree.children.find((node) => node.type === 'paragraph');
  if (!paragraph) return undefined;
  const text = toString(paragraph).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : truncateAtWord(text, MAX_DERIVED_LEDE);
}

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function remarkDerivedLede() {
  return (tree: Root, file: { data: AstroFileData }) => {
    const lede = firstParagraphText(tree);
    if (lede === undefined) return;
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter.derivedLede = lede;
  };
}
