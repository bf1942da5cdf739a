/** Breadcrumb trails for each page kind; the last crumb is the current page (no link). */
import type { Article } from '../content/articles.ts';
import { categoryName, type Category } from '../content/categories.ts';
import { formatDay, formatMonth, formatMonthName, type OsloDay } from '../dates.ts';
import { t } from '../strings.ts';
import { authorPath, categoryPath, homePath, monthPath, topicPath, yearPath } from '../urls.ts';

export interface Crumb {
  label: string;
  /** Site path; absent for the current page. */
  path?: string;
}

const home: Crumb = { label: t('nav.home'), path: homePath() };

export function articleCrumbs(article: Article, category: Category): Crumb[] {
  return [
    home,
    { label: categoryName(category, article.lang), path: categoryPath(category.slug) },
    { label: article.title },
  ];
}

/** A list's month (/utenriks/2020/10/) comes under the list's first page. */
type Period = { year: string; month: string } | undefined;

const underList = (list: Crumb, period: Period): Crumb[] =>
  period ? [list, { label: formatMonth(period.year, period.month) }] : [{ label: list.label }];

export function categoryCrumbs(category: Category, period?: Period): Crumb[] {
  return [home, ...underList({ label: categoryName(category), path: categoryPath(category.slug) }, period)];
}

export function yearCrumbs(year: string): Crumb[] {
  return [home, { label: year }];
}

export function monthCrumbs(year: string, month: string): Crumb[] {
  return [home, { label: year, path: yearPath(year) }, { label: formatMonthName(year, month) }];
}

export function dayCrumbs(day: OsloDay): Crumb[] {
  return [
    home,
    { label: day.year, path: yearPath(day.year) },
    { label: formatMonthName(day.year, day.month), path: monthPath(day.year, day.month) },
    { label: formatDay(day) },
  ];
}

/** An index (/tema/, /av/), or one of its lists when `list` is given (and one of its months). */
function indexCrumbs(
  title: string,
  pathOf: (slug?: string) => string,
  list: { name: string; slug: string } | undefined,
  period: Period,
): Crumb[] {
  return list
    ? [
        home,
        { label: title, path: pathOf() },
        ...underList({ label: list.name, path: pathOf(list.slug) }, period),
      ]
    : [home, { label: title }];
}

export const topicCrumbs = (list?: { name: string; slug: string }, period?: Period): Crumb[] =>
  indexCrumbs(t('topics.title'), topicPath, list, period);

export const authorCrumbs = (list?: { name: string; slug: string }, period?: Period): Crumb[] =>
  indexCrumbs(t('authors.title'), authorPath, list, period);
