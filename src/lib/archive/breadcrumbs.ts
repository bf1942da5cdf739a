/** Breadcrumb trails for each page kind; the last crumb is the current page (no link). */
import type { Article } from '../content/articles.ts';
import type { Category } from '../content/categories.ts';
import { formatDay, formatMonthName, type OsloDay } from '../dates.ts';
import { t } from '../strings.ts';
import { authorPath, categoryPath, homePath, monthPath, topicPath, yearPath } from '../urls.ts';

export interface Crumb {
  label: string;
  /** Site path; absent for the current page. */
  path?: string;
}

const home: Crumb = { label: t('nav.home'), path: homePath() };

export function articleCrumbs(article: Article, category: Category): Crumb[] {
  return [home, { label: category.name, path: categoryPath(category.slug) }, { label: article.title }];
}

export function categoryCrumbs(category: Category): Crumb[] {
  return [home, { label: category.name }];
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

/** An index (/tema/, /av/), or one of its pages when `name` is given. */
export function topicCrumbs(name?: string): Crumb[] {
  return name
    ? [home, { label: t('topics.title'), path: topicPath() }, { label: name }]
    : [home, { label: t('topics.title') }];
}

export function authorCrumbs(name?: string): Crumb[] {
  return name
    ? [home, { label: t('authors.title'), path: authorPath() }, { label: name }]
    : [home, { label: t('authors.title') }];
}
