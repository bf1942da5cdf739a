/**
 * Warnings for articles that build but probably do not say what the editor meant. Pure: works
 * on the parsed front-matter and the Markdown text.
 */
import type { ContentProblem } from './errors.ts';
import { IMAGE_FIELDS, KNOWN_FIELDS } from './schema.ts';

/**
 * Article text above this size gets a warning: ~15 000 words, longer than any news story or
 * long read (a 5 MB paste became "5232 min lesing"). Feeds carry such an article's summary only
 * (FEED_ITEM_MAX_BYTES in src/lib/distribution/feeds.ts).
 */
export const LARGE_ARTICLE_BYTES = 100_000;

const known = new Set<string>(KNOWN_FIELDS);
/** One string for every such warning (a corpus can have one per file). */
const UNKNOWN_FIELD_FIX = `Check the spelling; the fields are ${KNOWN_FIELDS.join(', ')}.`;
const knownImageFields = new Set<string>(IMAGE_FIELDS);

/** Lines (1-based in the file) of single-line paragraphs matching `pattern`, outside code fences. */
function standaloneLines(body: string, bodyLine: number, pattern: RegExp): number[] {
  const lines = body.split(/\r?\n/);
  const found: number[] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const marker = /^\s*(```|~~~)/.exec(line)?.[1];
    if (marker) fence = fence === marker ? undefined : (fence ?? marker);
    if (fence || marker || !pattern.test(line)) return;
    const before = lines[i - 1];
    const after = lines[i + 1];
    // A real list has neighbouring items; a lone "- …" or "17. …" line is a paragraph gone wrong.
    const isolated = (l: string | undefined) => l === undefined || l.trim() === '' || !pattern.test(l);
    if ((before === undefined || before.trim() === '') && isolated(after) && isolated(before)) {
      found.push(bodyLine + i);
    }
  });
  return found;
}

export function lintArticle(
  file: string,
  data: Record<string, unknown>,
  body: string,
  bodyLine: number,
): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      warnings.push({
        file,
        field: key,
        problem: `Unknown field "${key}" is ignored.`,
        fix: UNKNOWN_FIELD_FIX,
      });
    }
  }
  const image = data.image;
  if (image && typeof image === 'object' && !Array.isArray(image)) {
    for (const key of Object.keys(image)) {
      if (!knownImageFields.has(key)) {
        warnings.push({
          file,
          field: `image.${key}`,
          problem: `Unknown field "${key}" under image is ignored.`,
          fix: `The fields of image are ${IMAGE_FIELDS.join(', ')}.`,
        });
      }
    }
    if (!('credit' in image)) {
      warnings.push({
        file,
        field: 'image.credit',
        problem: 'The photo has no credit.',
        fix: 'Add who took it, e.g. credit: "Foto: Ola Nordmann / NTB".',
      });
    }
  }
  if (data.byline === undefined) {
    warnings.push({
      file,
      field: 'byline',
      problem: 'No byline.',
      fix: 'Add e.g. "byline: NTB" or the reporter\'s name.',
    });
  }
  for (const line of standaloneLines(body, bodyLine, /^- \S/)) {
    warnings.push({
      file,
      line,
      problem: 'A paragraph starts with "- " and becomes a bullet list.',
      fix: 'For a quote, start it with an en dash and a space: "– ".',
    });
  }
  for (const line of standaloneLines(body, bodyLine, /^\d{1,4}\. \S/)) {
    warnings.push({
      file,
      line,
      problem:
        'A paragraph starts with a number and a full stop (like "17. mai") and becomes a numbered list.',
      fix: 'Write a backslash before the full stop ("17\\. mai") to keep it as text.',
    });
  }
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > LARGE_ARTICLE_BYTES) {
    warnings.push({
      file,
      problem: `The text is ${Math.round(bytes / 1000)} kB, more than ${LARGE_ARTICLE_BYTES / 1000} kB: a page that large loads slowly on a phone, and feeds carry only its summary.`,
      fix: 'Split it into several articles, or check that no document was pasted in by mistake.',
    });
  }
  return warnings;
}
