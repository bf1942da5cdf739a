/**
 * NTB wire text → article. The format (see ../shared/seeds/): a header line
 * "date YYYY-MM[-DD] NTB <category>", then paragraphs separated by blank lines. Short
 * standalone lines without closing punctuation are subheadings (also when they start with
 * "– "); paragraphs starting with "– " are quotes and stay paragraphs.
 */
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from '../site.ts';

export interface WireHeader {
  year: number;
  month: number;
  /** Absent when the header gives only the month. */
  day: number | undefined;
  agency: string;
  category: string;
}

export type WireBlock = { kind: 'subheading'; text: string } | { kind: 'paragraph'; text: string };

export interface WireText {
  header: WireHeader;
  blocks: WireBlock[];
}

const HEADER = /^date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s+(\S+)\s+(\S+)\s*$/;

/** A subheading: one short line, at most 8 words, not ending like a sentence. */
export function isSubheading(paragraph: string): boolean {
  if (paragraph.includes('\n')) return false;
  const text = paragraph.trim();
  const words = text.replace(/^–\s*/, '').split(/\s+/).filter(Boolean);
  return text.length <= 70 && words.length >= 1 && words.length <= 8 && !/[.!?:;,…»"”)]$/.test(text);
}

export class WireError extends Error {}

export function parseWire(text: string): WireText {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const header = HEADER.exec(lines[first]?.trim() ?? '');
  if (!header) {
    throw new WireError(
      `The first line must be the wire header "date YYYY-MM[-DD] NTB <category>", e.g. "date 2020-10-10 NTB utenriks"; found "${lines[first]?.trim() ?? ''}".`,
    );
  }
  const [, y, m, d, agency, category] = header;
  const paragraphs = lines
    .slice(first + 1)
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  if (paragraphs.length === 0) throw new WireError('The wire text has no paragraphs after the header line.');
  return {
    header: {
      year: Number(y),
      month: Number(m),
      day: d === undefined ? undefined : Number(d),
      agency: agency ?? 'NTB',
      category: category ?? '',
    },
    blocks: paragraphs.map((p) => ({ kind: isSubheading(p) ? 'subheading' : 'paragraph', text: p })),
  };
}

/** Markdown for the blocks: "## " subheadings; paragraph starts that Markdown would misread are kept as text. */
export function wireToMarkdown(blocks: readonly WireBlock[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'subheading') return `## ${b.text}`;
      return (
        b.text
          // A hyphen used as a quote dash becomes the en dash (and not a bullet list).
          .replace(/^- /, '– ')
          // "17. mai …" would become a numbered list.
          .replace(/^(\d{1,4})\. /, '$1\\. ')
          // "# …" would become a heading, "> …" a block quote.
          .replace(/^([#>])/, '\\$1')
      );
    })
    .join('\n\n');
}

/** The header's day at 12:00 Oslo time, when the header has a day. */
export function headerNoon(header: WireHeader): Date | undefined {
  if (header.day === undefined) return undefined;
  return new Date(+new TZDate(header.year, header.month - 1, header.day, 12, 0, 0, TIME_ZONE));
}
