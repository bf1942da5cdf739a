/**
 * Corrections (front-matter `corrections:`): Vær Varsom-plakaten 4.13 asks that errors are
 * corrected openly. Each is a dated note under the article, in its JSON-LD and feeds, and on the
 * public log at /rettelser/. The note's text is inline Markdown, rendered here through remark and
 * rehype and sanitised to a few inline elements: content can never inject markup into a page.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkNorwegianTypography from '../markdown/remark-norwegian-typography.ts';
import { isoOslo } from '../dates.ts';

/** A correction as written in front-matter (after the schema). */
export interface CorrectionData {
  date: Date;
  text: string;
}

/** A correction as pages, feeds and the log show it. */
export interface Correction {
  date: Date;
  /** The note as plain text (JSON-LD, feed summaries). */
  text: string;
  /** The note as sanitised inline HTML: paragraphs with links, emphasis and code only. */
  html: string;
}

/** What a note may contain: text with links (web and e-mail), emphasis and code. */
const NOTE_SCHEMA = {
  tagNames: ['p', 'a', 'em', 'strong', 'code', 'br'],
  attributes: { a: ['href'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: ['script', 'style'],
};

const markdown = unified().use(remarkParse).use(remarkNorwegianTypography);
const html = unified()
  .use(remarkParse)
  .use(remarkNorwegianTypography)
  .use(remarkRehype)
  .use(rehypeSanitize, NOTE_SCHEMA)
  .use(rehypeStringify);

/** One correction, rendered; `text` is inline Markdown. */
export function renderCorrection({ date, text }: CorrectionData): Correction {
  const tree = markdown.runSync(markdown.parse(text)) as Root;
  return { date, text: toString(tree, { includeHtml: false }).replace(/\s+/g, ' ').trim(), html: String(html.processSync(text)) };
}

/** The article's corrections, newest first, rendered. */
export function renderCorrections(corrections: readonly CorrectionData[]): Correction[] {
  return [...corrections].sort((a, b) => b.date.getTime() - a.date.getTime()).map(renderCorrection);
}

/**
 * When the article last changed: a correction implies an update, so `updated` is the later of
 * the written `updated` and the newest correction (undefined when there is neither).
 */
export function lastUpdated(updated: Date | undefined, corrections: readonly CorrectionData[]): Date | undefined {
  let latest = updated;
  for (const { date } of corrections) if (!latest || date > latest) latest = date;
  return latest;
}

/** Problems with the corrections' dates, by index: before publication, or after the build's now. */
export function correctionDateProblems(
  published: Date,
  corrections: readonly CorrectionData[],
  now: Date,
): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  corrections.forEach(({ date }, index) => {
    if (date < published) {
      problems.push({
        index,
        message: `The correction is dated before "date": a correction follows publication. Fix its date.`,
      });
    } else if (date > now) {
      problems.push({
        index,
        message: `The correction is dated in the future. Date it when it is made (the time it is published).`,
      });
    }
  });
  return problems;
}

/**
 * The anchor of one correction on its article page, from its Oslo time as editors wrote it
 * ("rettelse-20201010t1100"): stable while its date is, so links from the log keep working.
 */
export function correctionId(date: Date): string {
  return `rettelse-${isoOslo(date).slice(0, 16).replace(/[-:]/g, '').toLowerCase()}`;
}

/**
 * The times the line under the headline shows: "Rettet" with the newest correction, and
 * "Oppdatert" only when a written update is later than that (one change, one label).
 */
export function changeTimes(article: { updated: Date | undefined; corrections: readonly { date: Date }[] }): {
  updated: Date | undefined;
  corrected: Date | undefined;
} {
  const corrected = article.corrections[0]?.date;
  const updated =
    article.updated && (!corrected || article.updated.getTime() !== corrected.getTime()) ? article.updated : undefined;
  return { updated, corrected };
}
