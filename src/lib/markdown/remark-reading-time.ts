/**
 * Counts the words of the body once per render (cached by the content layer) and stores them
 * as `wordCount` in the render metadata, for the reading time shown on article pages.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { setRenderFact, type AstroFileData } from './render-facts.ts';

/** Reading speed for Norwegian news text, words per minute. */
export const WORDS_PER_MINUTE = 200;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Whole minutes, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export default function remarkReadingTime() {
  return (tree: Root, file: { data: AstroFileData }) => {
    // Block by block, so words in adjacent paragraphs and headings are not glued together.
    const words = tree.children.reduce(
      (sum, node) => sum + countWords(toString(node, { includeImageAlt: false })),
      0,
    );
    setRenderFact(file, 'wordCount', words);
  };
}
