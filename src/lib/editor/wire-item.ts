/**
 * A wire story as the agencies' IPTC formats give it (ninjs 1.x, 2.x, 3.x; NewsML-G2 newsItem),
 * read into one shape that the importer maps to an article (wire-article.ts). The readers are
 * pure: text in, a WireItem or a WireFormatError out, naming what is wrong.
 */

/** IPTC publishing status: usable (publish), withheld (hold back), canceled (a kill). */
export type PubStatus = 'usable' | 'withheld' | 'canceled';

/** A picture associated with the story. */
export interface WirePicture {
  /** The rendition's address or file name, as the wire gives it. */
  href: string | undefined;
  caption: string | undefined;
  credit: string | undefined;
  alt: string | undefined;
}

export interface WireItem {
  format: 'ninjs 1' | 'ninjs 2' | 'ninjs 3' | 'NewsML-G2';
  /** The agency's stable id of the story (`uri`, `guid`): every version of it shares this. */
  id: string;
  /** The version number, when the wire gives one. */
  version: number | undefined;
  firstCreated: Date | undefined;
  versionCreated: Date | undefined;
  /** Not to be published before this time. */
  embargoedUntil: Date | undefined;
  pubStatus: PubStatus;
  /** The main headline. */
  headline: string | undefined;
  /** The summary or lede (plain text). */
  lede: string | undefined;
  byline: string | undefined;
  /** Where the story is filed from (`located`). */
  dateline: string | undefined;
  /** As the wire writes it: "nb-NO", "nn", … */
  language: string | undefined;
  /** Subject names (an agency's section, "Innenriks", among them), in the wire's order. */
  subjects: string[];
  places: string[];
  /** The body as HTML (NITF is turned into HTML by the NewsML-G2 reader). */
  bodyHtml: string | undefined;
  pictures: WirePicture[];
  /** The agency's note to editors (a kill's reason). */
  note: string | undefined;
}

export class WireFormatError extends Error {}

/** A time the wire gives: ISO 8601 with an offset or Z; anything else is refused. */
export function wireTime(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)
  ) {
    throw new WireFormatError(
      `"${field}" is not a time with a zone (ISO 8601, e.g. 2020-10-10T08:40:00Z): ${JSON.stringify(value)}.`,
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new WireFormatError(`"${field}" is not a real time: ${value}.`);
  return date;
}

/** The IPTC status from the wire's word ("usable", "stat:canceled", "cancelled"). */
export function pubStatus(value: unknown): PubStatus {
  if (value === undefined || value === null || value === '') return 'usable';
  const word = String(value)
    .toLowerCase()
    .replace(/^stat:/, '');
  if (word === 'usable') return 'usable';
  if (word === 'withheld') return 'withheld';
  if (word === 'canceled' || word === 'cancelled') return 'canceled';
  throw new WireFormatError(
    `Unknown publishing status "${String(value)}": it must be usable, withheld or canceled.`,
  );
}

/** A version number from "6" or 6; anything else is refused. */
export function versionNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < 0)
    throw new WireFormatError(`"version" must be a whole number, not ${JSON.stringify(value)}.`);
  return n;
}
