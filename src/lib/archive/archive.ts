/**
 * The archive index: all published articles sorted once and grouped once per build, by
 * category and by Oslo day, month and year. Pages receive their own slice from here; no page
 * scans the whole collection. Everything is O(n) after the one sort.
 */
import { compareNewestFirst, type Article } from '../content/articles.ts';
import type { OsloDay } from '../dates.ts';
import { buildAuthors, type AuthorGroup } from './bylines.ts';
import type { ArticleGroup } from './groups.ts';
import { relatedArticles } from './related.ts';
import { buildTopics } from './topics.ts';

export interface DayGroup {
  day: OsloDay;
  /** "2020-10-10" */
  key: string;
  articles: Article[];
}

export interface MonthGroup {
  year: string;
  month: string;
  /** Newest day first. */
  days: DayGroup[];
  count: number;
}

export interface YearGroup {
  year: string;
  /** Newest month first. */
  months: MonthGroup[];
  count: number;
}

export interface Neighbours {
  /** The next newer article in the same category. */
  newer: Article | undefined;
  /** The next older article in the same category. */
  older: Article | undefined;
}

export interface Archive {
  /** Every published article, newest first. */
  articles: Article[];
  /** Newest first within each category; categories without articles are absent. */
  byCategory: Map<string, Article[]>;
  /** Newest day first. */
  days: DayGroup[];
  years: YearGroup[];
  /** Previous/next article in the same category, by article id. */
  neighbours: Map<string, Neighbours>;
  /** Related articles (shared tags), by article id. */
  related: Map<string, Article[]>;
  /** Topics (tags) by slug, each newest first. */
  topics: Map<string, ArticleGroup>;
  /** People and organisations of the bylines by slug, each newest first. */
  authors: Map<string, AuthorGroup>;
}

export const dayKey = (d: OsloDay): string => `${d.year}-${d.month}-${d.day}`;

/** Sorts and groups published articles once. The input order does not matter. */
export function buildArchive(published: readonly Article[]): Archive {
  const articles = [...published].sort(compareNewestFirst);
  const byCategory = new Map<string, Article[]>();
  const days: DayGroup[] = [];
  const years: YearGroup[] = [];

  // Grouped by key: a running live story sorts by its latest entry (articles.ts), so a story can
  // come before the newer days' stories while it belongs to its own day. Groups are put in order
  // after (few: one per day), each keeping its stories newest first.
  const yearsByKey = new Map<string, YearGroup>();
  const monthsByKey = new Map<string, MonthGroup>();
  const daysByKey = new Map<string, DayGroup>();
  for (const article of articles) {
    const inCategory = byCategory.get(article.category);
    if (inCategory) inCategory.push(article);
    else byCategory.set(article.category, [article]);

    const { day } = article;
    let year = yearsByKey.get(day.year);
    if (!year) {
      year = { year: day.year, months: [], count: 0 };
      yearsByKey.set(day.year, year);
      years.push(year);
    }
    const monthKey = `${day.year}-${day.month}`;
    let month = monthsByKey.get(monthKey);
    if (!month) {
      month = { year: day.year, month: day.month, days: [], count: 0 };
      monthsByKey.set(monthKey, month);
      year.months.push(month);
    }
    const key = dayKey(day);
    let group = daysByKey.get(key);
    if (!group) {
      group = { day, key, articles: [] };
      daysByKey.set(key, group);
      month.days.push(group);
      days.push(group);
    }
    group.articles.push(article);
    month.count += 1;
    year.count += 1;
  }
  const newestKeyFirst =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0;
  years.sort(newestKeyFirst((y) => y.year));
  for (const year of years) {
    year.months.sort(newestKeyFirst((m) => m.month));
    for (const month of year.months) month.days.sort(newestKeyFirst((d) => d.key));
  }
  days.sort(newestKeyFirst((d) => d.key));

  const neighbours = new Map<string, Neighbours>();
  for (const list of byCategory.values()) {
    list.forEach((article, i) => {
      neighbours.set(article.id, { newer: list[i - 1], older: list[i + 1] });
    });
  }
  return {
    articles,
    byCategory,
    days,
    years,
    neighbours,
    related: relatedArticles(articles),
    topics: buildTopics(articles),
    authors: buildAuthors(articles),
  };
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error(`Page size must be at least 1, got ${size}.`);
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}
