// Issue 25: live coverage. The rules of src/lib/content/live.ts, the editor's entry files, and a
// running story's place in the archive.
import { describe, expect, it } from 'vitest';
import {
  entryAnchor,
  entryHeadline,
  entryHit,
  entryProblems,
  isLiveEntryPath,
  liveCoverage,
  orderEntries,
  publishedEntries,
  storyIdOfEntry,
  unseenEntries,
  type LiveEntry,
} from '../../src/lib/content/live';
import { isArticleFile, isLiveEntryFile } from '../../src/lib/content/dir';
import { entryFileName, entryFileText } from '../../src/lib/editor/article-file';
import { buildArchive } from '../../src/lib/archive/archive';
import { teaserOf } from '../../src/lib/content/articles';
import { isOnOsloDay, parseDateTime } from '../../src/lib/dates';
import { makeArticle } from '../helpers/articles';

const at = (text: string): Date => {
  const parsed = parseDateTime(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.date;
};

function entry(name: string, date: string, extra: Partial<LiveEntry> = {}): LiveEntry {
  return {
    anchor: entryAnchor(`2020/uvaer/oppdateringer/${name}.md`),
    file: `articles/2020/uvaer/oppdateringer/${name}.md`,
    date: at(date),
    title: undefined,
    byline: undefined,
    pinned: false,
    draft: false,
    html: `<p>${name}</p>`,
    text: name,
    image: undefined,
    ...extra,
  };
}

describe('entry files', () => {
  it('are Markdown files directly in an oppdateringer/ folder, never articles', () => {
    expect(isLiveEntryPath('2020/uvaer/oppdateringer/2115-storm.md')).toBe(true);
    expect(isLiveEntryFile('2020/uvaer/oppdateringer/2115-storm.md')).toBe(true);
    expect(isArticleFile('2020/uvaer/oppdateringer/2115-storm.md')).toBe(false);
    expect(isArticleFile('2020/uvaer/index.md')).toBe(true);
    expect(isLiveEntryPath('2020/uvaer/oppdateringer/bilde.jpg')).toBe(false);
    expect(isLiveEntryPath('2020/oppdateringer.md')).toBe(false);
    expect(isLiveEntryFile('2020/uvaer/oppdateringer/.utkast.md')).toBe(false);
  });

  it('belong to the index.md beside their folder', () => {
    expect(storyIdOfEntry('2020/uvaer/oppdateringer/2115-storm.md')).toBe('2020/uvaer/index');
  });

  it('give a stable ASCII anchor from the file name', () => {
    expect(entryAnchor('2020/uvaer/oppdateringer/2115-Økt vind på kysten.md')).toBe(
      'oppdatering-2115-okt-vind-pa-kysten',
    );
    expect(entryAnchor('x/oppdateringer/---.md')).toBe('oppdatering-x');
  });
});

describe('publishing and order', () => {
  const now = at('2020-11-01T12:00:00+01:00');
  const entries = [
    entry('a', '2020-10-31T21:15:00+01:00'),
    entry('b', '2020-11-01T00:20:00+01:00'),
    entry('c', '2020-10-31T23:50:00+01:00', { pinned: true }),
    entry('draft', '2020-11-01T10:00:00+01:00', { draft: true }),
    entry('embargo', '2020-11-01T18:00:00+01:00'),
  ];

  it('leaves out drafts and entries dated after now', () => {
    expect(publishedEntries(entries, now).map((e) => e.text)).toEqual(['a', 'b', 'c']);
    expect(publishedEntries(entries, now, true).map((e) => e.text)).toEqual(['a', 'b', 'c', 'draft']);
  });

  it('puts the pinned entry first, then the newest first, across midnight', () => {
    expect(orderEntries(publishedEntries(entries, now)).map((e) => e.text)).toEqual(['c', 'b', 'a']);
    // Equal times fall back to the anchor, so the order never depends on the file system.
    const same = [entry('y', '2020-11-01T09:00:00+01:00'), entry('x', '2020-11-01T09:00:00+01:00')];
    expect(orderEntries(same).map((e) => e.text)).toEqual(['x', 'y']);
  });

  it('runs until live.end, and is last updated by its newest entry', () => {
    const live = { start: at('2020-10-31T20:00:00+01:00') };
    const running = liveCoverage(live, publishedEntries(entries, now), now);
    expect(running.running).toBe(true);
    expect(running.latest).toEqual(at('2020-11-01T00:20:00+01:00'));
    const ended = liveCoverage({ ...live, end: at('2020-11-01T06:00:00+01:00') }, [], now);
    expect(ended.running).toBe(false);
    expect(ended.latest).toEqual(live.start);
    expect(liveCoverage({ ...live, end: at('2020-11-01T13:00:00+01:00') }, [], now).running).toBe(true);
  });
});

describe("an entry's day", () => {
  it('is the Oslo day, so an entry after midnight shows its date', () => {
    const day = { year: '2020', month: '10', day: '31' };
    expect(isOnOsloDay(at('2020-10-31T23:50:00+01:00'), day)).toBe(true);
    // 23.20 UTC on the 31st is 00.20 on 1 November in Oslo.
    expect(isOnOsloDay(at('2020-10-31T23:20:00Z'), day)).toBe(false);
    expect(isOnOsloDay(at('2021-10-31T12:00:00+01:00'), day)).toBe(false);
  });
});

describe('a running story in the archive', () => {
  const now = at('2020-11-01T12:00:00+01:00');
  const live = liveCoverage(
    { start: at('2020-10-31T20:00:00+01:00') },
    [entry('b', '2020-11-01T09:45:00+01:00')],
    now,
  );
  const base = makeArticle('uvaer', '2020-10-31T20:00:00+01:00');
  const running = { ...base, live, updated: live.latest };
  const older = makeArticle('older', '2020-10-31T22:00:00+01:00');
  const newer = makeArticle('newer', '2020-11-01T08:00:00+01:00');

  it('sorts by its latest entry, but stays in its own day and month', () => {
    const archive = buildArchive([older, newer, running]);
    expect(archive.articles.map((a) => a.id)).toEqual(['uvaer', 'newer', 'older']);
    expect(archive.days.map((d) => [d.key, d.articles.map((a) => a.id)])).toEqual([
      ['2020-11-01', ['newer']],
      ['2020-10-31', ['uvaer', 'older']],
    ]);
  });

  it('carries its state to lists, not its entries', () => {
    expect(teaserOf(running).live).toEqual({ running: true, latest: live.latest });
    expect(teaserOf(older).live).toBeUndefined();
  });
});

describe('entry problems', () => {
  const story = { exists: true, live: { start: at('2020-10-10T08:00'), end: at('2020-10-10T20:00') } };
  it('name an entry outside the coverage, a second pin, and a folder with no live story', () => {
    expect(entryProblems({ date: at('2020-10-10T07:59'), pinned: false }, story, undefined)[0]?.field).toBe(
      'date',
    );
    expect(
      entryProblems({ date: at('2020-10-10T20:01'), pinned: false }, story, undefined)[0]?.problem,
    ).toMatch(/after the coverage ended/);
    expect(entryProblems({ date: at('2020-10-10T20:00'), pinned: false }, story, undefined)).toEqual([]);
    expect(entryProblems({ date: at('2020-10-10T09:00'), pinned: true }, story, 'a.md')[0]?.problem).toMatch(
      /a\.md is already/,
    );
    expect(
      entryProblems(
        { date: at('2020-10-10T09:00'), pinned: false },
        { exists: false, live: undefined },
        undefined,
      )[0]?.problem,
    ).toMatch(/no index\.md/);
    expect(
      entryProblems(
        { date: at('2020-10-10T09:00'), pinned: false },
        { exists: true, live: undefined },
        undefined,
      )[0]?.problem,
    ).toMatch(/not live/);
  });
});

describe('headlines, the page script and search', () => {
  it('uses the title, else the start of the text clipped at a word', () => {
    expect(entryHeadline({ title: 'Storm', text: 'x' })).toBe('Storm');
    const long =
      'Over tjue tusen kunder er uten strøm i Rogaland etter at flere linjer er slått ut av trær som har blåst over ende natt til søndag.';
    const headline = entryHeadline({ title: undefined, text: long });
    expect(headline.length).toBeLessThanOrEqual(110);
    expect(headline).toMatch(/^Over tjue tusen .* [a-zæøå]+…$/);
  });

  it('finds the entries a feed has that the page lacks', () => {
    const page = 'https://n.no/2020/10/31/uvaer/';
    expect(
      unseenEntries(
        [`${page}#oppdatering-1800`, `${page}#oppdatering-0945`, `${page}#rettelser`, page],
        new Set(['oppdatering-0945']),
      ),
    ).toEqual(['oppdatering-1800']);
  });

  it('leads a search hit in an entry to the entry', () => {
    const subs = [
      { url: '/a/#mellomtittel', excerpt: '<mark>storm</mark>' },
      { url: '/a/#oppdatering-0945', excerpt: 'ingen treff' },
      { url: '/a/#oppdatering-0020', excerpt: 'om <mark>strøm</mark>' },
    ];
    expect(entryHit(subs)?.url).toBe('/a/#oppdatering-0020');
    expect(entryHit(subs.slice(0, 2))).toBeUndefined();
    expect(entryHit(undefined)).toBeUndefined();
  });
});

describe('npm run new -- --entry', () => {
  it('names the file by Oslo time and title, never over another', () => {
    const date = at('2020-11-01T19:45:00+01:00');
    expect(entryFileName(date, 'Nye angrep i natt – flere skadet', () => false)).toBe(
      '1945-nye-angrep-i-natt-flere-skadet.md',
    );
    const taken = new Set(['1945.md', '1945-2.md']);
    expect(entryFileName(date, undefined, (n) => taken.has(n))).toBe('1945-3.md');
  });

  it('writes the front-matter an entry takes', () => {
    expect(
      entryFileText(
        { date: at('2020-11-01T19:45:00+01:00'), title: 'Nye «angrep»', pinned: true, draft: true },
        'Tekst.',
      ),
    ).toBe(
      '---\ndate: 2020-11-01T19:45:00+01:00\ntitle: "Nye «angrep»"\npinned: true\ndraft: true\n---\n\nTekst.\n',
    );
  });
});
