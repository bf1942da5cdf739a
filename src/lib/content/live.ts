/**
 * Live coverage ("Direkte"): a running story as dated entries. A live story is an article whose
 * front-matter has `live: { start, end }`, in a folder of its own (`index.md`), with its entries
 * as Markdown files in `oppdateringer/` beside it. Every rule about entries lives here: which
 * files are entries, which are published, their order, their anchors, the story's state and the
 * time lists sort it by. Pure: unit-tested without Astro.
 */
import { slugify } from '../slug.ts';
import type { ArticleImage } from './articles.ts';

/** The folder of a live story's entries, beside its index.md. */
export const ENTRIES_FOLDER = 'oppdateringer';

/** Front-matter `live:` after validation. */
export interface LiveData {
  start: Date;
  end?: Date | undefined;
}

/** One entry as published: its text rendered, its anchor from its file name. */
export interface LiveEntry {
  /** The anchor on the story's page (stable: from the file name), e.g. "oppdatering-1945-nye-angrep". */
  anchor: string;
  /** The file, relative to the content folder, for messages. */
  file: string;
  date: Date;
  title: string | undefined;
  byline: string | undefined;
  pinned: boolean;
  draft: boolean;
  /** The rendered Markdown. */
  html: string;
  /** The text without markup (JSON-LD articleBody, feed summaries). */
  text: string;
  /** The entry's photo, if it has one. */
  image: ArticleImage | undefined;
}

/** What an article carries about its coverage: its state, its published entries in reading order. */
export interface LiveCoverage {
  start: Date;
  end: Date | undefined;
  /** True while coverage runs (no `end`, or an `end` after the build's now). */
  running: boolean;
  /** The newest published entry's time, else `start`. */
  latest: Date;
  /** Pinned entry first, then newest first. */
  entries: LiveEntry[];
}

/**
 * True for a path (relative, "/"-separated) that is a live entry: a Markdown file directly in an
 * `oppdateringer/` folder. Such files are never articles.
 */
export function isLiveEntryPath(path: string): boolean {
  const parts = path.split('/');
  return parts.length >= 2 && parts.at(-2) === ENTRIES_FOLDER && path.endsWith('.md');
}

/** The story an entry belongs to: the article id of the index.md beside its folder. */
export function storyIdOfEntry(entryPath: string): string {
  const parts = entryPath.split('/');
  return [...parts.slice(0, -2), 'index'].join('/');
}

/** The index.md path (relative) of the story an entry belongs to. */
export function storyFileOfEntry(entryPath: string): string {
  return `${storyIdOfEntry(entryPath)}.md`;
}

/** Every entry's anchor starts so: search and the page's script tell entries by it. */
export const ENTRY_ANCHOR_PREFIX = 'oppdatering-';

/** "1945-nye-angrep.md" → "oppdatering-1945-nye-angrep": ASCII, stable while the file keeps its name. */
export function entryAnchor(entryPath: string): string {
  const name = entryPath.split('/').at(-1)?.replace(/\.md$/, '') ?? '';
  return `${ENTRY_ANCHOR_PREFIX}${slugify(name) || 'x'}`;
}

/** Published entries: not drafts (unless the dev server shows them), not later than now. */
export function publishedEntries<E extends Pick<LiveEntry, 'date' | 'draft'>>(
  entries: readonly E[],
  now: Date,
  includeDrafts = false,
): E[] {
  return entries.filter((e) => (includeDrafts || !e.draft) && e.date.getTime() <= now.getTime());
}

/** Reading order: the pinned entry first, then newest first (equal times by anchor, stable). */
export function orderEntries<E extends Pick<LiveEntry, 'date' | 'pinned' | 'anchor'>>(entries: readonly E[]): E[] {
  return [...entries].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      b.date.getTime() - a.date.getTime() ||
      (a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0),
  );
}

/** The coverage as readers see it at `now`, from the story's `live` and its published entries. */
export function liveCoverage(live: LiveData, entries: readonly LiveEntry[], now: Date): LiveCoverage {
  const latest = entries.reduce((t, e) => (e.date.getTime() > t.getTime() ? e.date : t), live.start);
  return {
    start: live.start,
    end: live.end,
    running: live.end === undefined || live.end.getTime() > now.getTime(),
    latest,
    entries: orderEntries(entries),
  };
}

/** A problem with one entry file, for the content report. */
export interface EntryProblem {
  field: string;
  problem: string;
  fix: string;
}

/**
 * What is wrong with an entry given its story's `live` (undefined when the story is not live or
 * missing) and whether another entry of the story is pinned already.
 */
export function entryProblems(
  entry: { date: Date; pinned: boolean },
  story: { live: LiveData | undefined; exists: boolean },
  pinnedBefore: string | undefined,
): EntryProblem[] {
  if (!story.exists) {
    return [
      {
        field: '',
        problem: `This entry is in an "${ENTRIES_FOLDER}" folder with no index.md beside it.`,
        fix: `A live story is a folder with index.md (with live: { start: … }) and its entries in ${ENTRIES_FOLDER}/; move the entry there.`,
      },
    ];
  }
  if (!story.live) {
    return [
      {
        field: '',
        problem: `The story beside this "${ENTRIES_FOLDER}" folder is not live.`,
        fix: 'Add live: with a start time to its index.md, e.g. live:\n  start: 2020-10-10T08:00',
      },
    ];
  }
  const problems: EntryProblem[] = [];
  if (entry.date.getTime() < story.live.start.getTime()) {
    problems.push({
      field: 'date',
      problem: 'The entry is dated before the coverage started (live.start in index.md).',
      fix: 'Check the time, or move live.start earlier.',
    });
  }
  if (story.live.end && entry.date.getTime() > story.live.end.getTime()) {
    problems.push({
      field: 'date',
      problem: 'The entry is dated after the coverage ended (live.end in index.md).',
      fix: 'Check the time, or remove or move live.end.',
    });
  }
  if (entry.pinned && pinnedBefore) {
    problems.push({
      field: 'pinned',
      problem: `Only one entry can be pinned, and ${pinnedBefore} is already.`,
      fix: 'Remove "pinned: true" from one of them.',
    });
  }
  return problems;
}

/** How often an open page of a running story checks its feed (src/scripts/live-updates.ts). */
export const LIVE_POLL_MS = 45_000;

/**
 * The anchors of a story feed's entries that the page does not show yet, in the feed's order.
 * Feed items link to `story-url#anchor`; anything else in the feed is ignored.
 */
export function unseenEntries(itemUrls: readonly string[], shown: ReadonlySet<string>): string[] {
  const anchors = itemUrls.flatMap((url) => {
    const hash = url.indexOf('#');
    const anchor = hash === -1 ? '' : url.slice(hash + 1);
    return anchor.startsWith(ENTRY_ANCHOR_PREFIX) ? [anchor] : [];
  });
  return anchors.filter((anchor) => !shown.has(anchor));
}

/** Of a search result's sub-results, the live entry that holds a hit (else undefined). */
export function entryHit<S extends { url: string; excerpt: string }>(subResults: readonly S[] | undefined): S | undefined {
  return subResults?.find((sub) => sub.url.includes(`#${ENTRY_ANCHOR_PREFIX}`) && sub.excerpt.includes('<mark>'));
}

/** Google shows at most 110 characters of a headline. */
const HEADLINE_MAX = 110;

/** An entry's headline (JSON-LD, feeds): its title, else the start of its text, clipped at a word. */
export function entryHeadline(entry: Pick<LiveEntry, 'title' | 'text'>): string {
  if (entry.title) return entry.title;
  const text = entry.text;
  if (text.length <= HEADLINE_MAX) return text;
  const cut = text.slice(0, HEADLINE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,.:;–-]+$/, '')}…`;
}
