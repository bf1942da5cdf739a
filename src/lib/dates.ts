/**
 * Every date the site parses, shows or buckets goes through here, in Europe/Oslo time.
 * The build machine's zone never matters: nothing here calls getFullYear(), toLocaleString()
 * or new Date(string-without-offset).
 */
import { TZDate, tz, tzOffset } from '@date-fns/tz';
// Sub-path imports: the date-fns barrels load ~1000 modules and cost seconds per build.
import { format } from 'date-fns/format';
import { formatISO } from 'date-fns/formatISO';
import { nb } from 'date-fns/locale/nb';
import { nn } from 'date-fns/locale/nn';
import type { Locale } from 'date-fns';
import { SITE_LANG, type Lang } from './lang.ts';
import { TIME_ZONE } from './site.ts';

/** date-fns' locale per written standard: "lørdag" in bokmål, "laurdag" in nynorsk. */
const LOCALES: Record<Lang, Locale> = { nb, nn };

const inOslo = tz(TIME_ZONE);

export type DateParseResult =
  | { ok: true; date: Date; hasOffset: boolean }
  | { ok: false; problem: 'format' | 'no-time' | 'not-a-date' | 'out-of-range'; message: string };

/**
 * The years a date may have. A news archive reaches back to the 1800s at most (NTB was founded
 * in 1867); a year such as 0020 is a typo, and JavaScript's Date would even turn years 0–99 into
 * 1900–1999. Far-future years are typos too (an embargo is hours or days, not centuries).
 */
export const FIRST_YEAR = 1800;
export const LAST_YEAR = 2999;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const EXAMPLE = 'e.g. 2020-10-10T10:40:00+02:00, or 2020-10-10T10:40 for Oslo time';

function isRealCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no zone is involved).
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= daysInMonth;
}

/**
 * Parses a publication time from front-matter. An offset or `Z` is honoured; a time without
 * one is Europe/Oslo wall-clock time (across DST, date-fns/tz picks the zone's offset for
 * that moment). A date without a time, or an impossible date such as 2020-10-32, is refused
 * rather than rolled over.
 */
export function parseDateTime(raw: string): DateParseResult {
  const text = raw.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly && !isRealCalendarDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]))) {
    return {
      ok: false,
      problem: 'not-a-date',
      message: `"${text}" is not a real calendar date, and it has no time of day. Write e.g. 2020-10-31T10:40.`,
    };
  }
  if (dateOnly) {
    return {
      ok: false,
      problem: 'no-time',
      message: `"${text}" has no time of day. Add the publication time, ${EXAMPLE}.`,
    };
  }
  const m = DATE_TIME.exec(text);
  if (!m) {
    return {
      ok: false,
      problem: 'format',
      message: `"${text}" is not an ISO 8601 date and time. Write it as ${EXAMPLE}.`,
    };
  }
  const [, ys, mos, ds, hs, mis, ss = '0', frac = '0', offset] = m;
  const [y, mo, d, h, mi, s] = [ys, mos, ds, hs, mis, ss].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  if (y < FIRST_YEAR || y > LAST_YEAR) {
    return {
      ok: false,
      problem: 'out-of-range',
      message: `"${text}" has the year ${ys}, outside ${FIRST_YEAR}–${LAST_YEAR}. Check the year (all four digits).`,
    };
  }
  if (!isRealCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) {
    return {
      ok: false,
      problem: 'not-a-date',
      message: `"${text}" is not a real calendar date and time. Check the day, month and hour.`,
    };
  }
  if (offset === undefined) {
    return { ok: true, date: new Date(+new TZDate(y, mo - 1, d, h, mi, s, ms, TIME_ZONE)), hasOffset: false };
  }
  let offsetMinutes = 0;
  if (offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
  return { ok: true, date: new Date(utc), hasOffset: true };
}

/** Oslo calendar parts, zero-padded, as used in archive URLs and grouping keys. */
export interface OsloDay {
  year: string;
  month: string;
  day: string;
}

const HOUR = 3_600_000;
/** Oslo's UTC offset (minutes) through each UTC hour it is constant in, by the hour's number. */
const offsetByHour = new Map<number, number>();

/**
 * Oslo's offset from UTC at a moment, in minutes (fractional before 1893). Since then the zone
 * has changed its offset only on whole UTC hours, so an hour's offset is looked up once (about
 * 30 000 different hours in a large archive) instead of through the zone rules for every date a
 * build shows. An hour whose two ends differ is not cached: local mean time (+00:53:28 in the
 * zone data Node carries) ended at 23:06:32 UTC on 31 March 1893.
 */
function osloOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const start = tzOffset(TIME_ZONE, new Date(hour * HOUR));
    if (start !== tzOffset(TIME_ZONE, new Date(hour * HOUR + HOUR - 1)))
      return tzOffset(TIME_ZONE, new Date(ms));
    offsetByHour.set(hour, (offset = start));
  }
  return offset;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The Oslo calendar day a moment falls on (an article at 00:30 Oslo time belongs to that day). */
export function osloDay(date: Date): OsloDay {
  const ms = date.getTime();
  // The wall clock in Oslo, read as if it were UTC: the build machine's zone plays no part.
  const local = new Date(ms + osloOffset(ms) * 60_000);
  return {
    year: pad(local.getUTCFullYear(), 4),
    month: pad(local.getUTCMonth() + 1, 2),
    day: pad(local.getUTCDate(), 2),
  };
}

/** True when a moment falls on this Oslo day (a live entry after midnight shows its date). */
export function isOnOsloDay(date: Date, day: OsloDay): boolean {
  const d = osloDay(date);
  return d.year === day.year && d.month === day.month && d.day === day.day;
}

/**
 * ISO 8601 with the Oslo offset, for `<time datetime>` and metadata: 2020-10-10T10:40:00+02:00.
 * Every article's date goes through here several times a build (sitemaps, feeds, pages), so the
 * offset comes from osloOffset; an offset that is not whole minutes (local mean time, before
 * 1893) goes through date-fns, which writes it as it always did.
 */
export function isoOslo(date: Date): string {
  const ms = date.getTime();
  const offset = Number.isNaN(ms) ? Number.NaN : osloOffset(ms);
  if (!Number.isInteger(offset)) return formatISO(date, { in: inOslo });
  // The wall clock in Oslo, read as if it were UTC (as osloDay); seconds, not milliseconds.
  const local = new Date(ms + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}` +
    `T${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}:${pad(local.getUTCSeconds(), 2)}` +
    `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
  );
}

/** "lørdag 10. oktober 2020 kl. 10.40" (nynorsk: "laurdag 10. oktober 2020 kl. 10.40") */
export function formatDateTime(date: Date, lang: Lang = SITE_LANG): string {
  return format(date, "EEEE d. MMMM yyyy 'kl.' HH.mm", { locale: LOCALES[lang], in: inOslo });
}

/** "10. okt. 2020 kl. 10.40": compact form for lists. */
export function formatShortDateTime(date: Date, lang: Lang = SITE_LANG): string {
  return format(date, "d. MMM yyyy 'kl.' HH.mm", { locale: LOCALES[lang], in: inOslo });
}

/** "kl. 10.40" */
export function formatTime(date: Date, lang: Lang = SITE_LANG): string {
  return format(date, "'kl.' HH.mm", { locale: LOCALES[lang], in: inOslo });
}

/** Noon Oslo time on a calendar day: a safe instant to format that day's name from. */
function noonOf(year: string, month = '01', day = '01'): TZDate {
  return new TZDate(Number(year), Number(month) - 1, Number(day), 12, 0, 0, TIME_ZONE);
}

/** "lørdag 10. oktober 2020" for an Oslo calendar day. */
export function formatDay(d: OsloDay, lang: Lang = SITE_LANG): string {
  return format(noonOf(d.year, d.month, d.day), 'EEEE d. MMMM yyyy', { locale: LOCALES[lang] });
}

/** "oktober 2020" */
export function formatMonth(year: string, month: string, lang: Lang = SITE_LANG): string {
  return format(noonOf(year, month), 'LLLL yyyy', { locale: LOCALES[lang] });
}

/** "oktober" (stand-alone month name). */
export function formatMonthName(year: string, month: string, lang: Lang = SITE_LANG): string {
  return format(noonOf(year, month), 'LLLL', { locale: LOCALES[lang] });
}
