/**
 * Search-result snippets: Pagefind cuts an excerpt out of the article text around the hits,
 * mostly mid-sentence. The reader is told so with an ellipsis at each end where text was cut.
 */

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Whether the excerpt's text starts and ends where the article's text does. */
export function snippetEnds(excerptText: string, content: string): { cutStart: boolean; cutEnd: boolean } {
  const excerpt = normalise(excerptText);
  const full = normalise(content);
  if (excerpt === '') return { cutStart: false, cutEnd: false };
  return { cutStart: !full.startsWith(excerpt), cutEnd: !full.endsWith(excerpt) };
}
