/**
 * Title, description, breadcrumbs and summary line of each list page kind, the links to the
 * nearest days or months with news, and which pages are collections for search engines.
 */
import {
  authorCrumbs,
  categoryCrumbs,
  dayCrumbs,
  monthCrumbs,
  topicCrumbs,
  yearCrumbs,
  type Crumb,
} from './breadcrumbs.ts';
import { formatDay, formatMonth } from '../dates.ts';
import type { ListingPage, MonthRef } from './routes.ts';
import { countLabel, t } from '../strings.ts';
import { topicPath } from '../urls.ts';
import { categoryName } from '../content/categories.ts';

export interface ListingHeading {
  title: string;
  description: string;
  crumbs: Crumb[];
  summary: string;
  currentCategory: string | undefined;
  /** A topic page advertises the topic's feeds (a category page its category's, by default). */
  feed?: { name: string; path: string } | undefined;
}

/** A month of a list: "Utenriks: oktober 2020". */
function monthOfList(
  list: string,
  period: { year: string; month: string } | undefined,
  title: string,
  description: string,
) {
  if (!period) return { title, description };
  const month = formatMonth(period.year, period.month);
  return {
    title: t('list.monthTitle', { list, month }),
    description: t('list.monthDescription', { list, month }),
  };
}

export function listingHeading(page: ListingPage): ListingHeading {
  const pageNote =
    'pagination' in page && page.pagination.pages > 1
      ? ` · ${t('list.page', { page: page.pagination.page, pages: page.pagination.pages })}`
      : '';
  const summary = `${countLabel(page.total)}${pageNote}`;
  switch (page.kind) {
    case 'category': {
      const name = categoryName(page.category);
      return {
        ...monthOfList(
          name,
          page.period,
          t('category.title', { category: name }),
          page.category.description || name,
        ),
        crumbs: categoryCrumbs(page.category, page.period),
        summary,
        currentCategory: page.category.slug,
      };
    }
    case 'day': {
      const title = t('day.title', { day: formatDay(page.day) });
      return { title, description: title, crumbs: dayCrumbs(page.day), summary, currentCategory: undefined };
    }
    case 'month': {
      const title = t('month.title', { month: formatMonth(page.year, page.month) });
      return {
        title,
        description: title,
        crumbs: monthCrumbs(page.year, page.month),
        summary,
        currentCategory: undefined,
      };
    }
    case 'year': {
      const title = t('year.title', { year: page.year });
      return {
        title,
        description: title,
        crumbs: yearCrumbs(page.year),
        summary,
        currentCategory: undefined,
      };
    }
    case 'topic': {
      const { name, slug } = page.topic;
      return {
        ...monthOfList(
          name,
          page.period,
          t('topic.title', { topic: name }),
          t('topic.description', { topic: name }),
        ),
        crumbs: topicCrumbs(page.topic, page.period),
        summary,
        currentCategory: undefined,
        feed: { name, path: topicPath(slug) },
      };
    }
    case 'author': {
      const { name } = page.author;
      return {
        ...monthOfList(
          name,
          page.period,
          t('author.title', { author: name }),
          t('author.description', { author: name }),
        ),
        crumbs: authorCrumbs(page.author, page.period),
        summary,
        currentCategory: undefined,
      };
    }
    case 'topics':
      return {
        title: t('topics.title'),
        description: t('topics.description'),
        crumbs: topicCrumbs(),
        summary: '',
        currentCategory: undefined,
      };
    case 'authors':
      return {
        title: t('authors.title'),
        description: t('authors.description'),
        crumbs: authorCrumbs(),
        summary: '',
        currentCategory: undefined,
      };
  }
}

/** A link to the nearest earlier or later day (or month) with news, with its text. */
export interface PeriodLink {
  path: string;
  text: string;
}

export interface PeriodNavigation {
  /** The navigation landmark's name. */
  label: string;
  earlier: PeriodLink | undefined;
  later: PeriodLink | undefined;
}

/** Day and month pages link to the nearest earlier and later day or month that has news. */
export function periodNavigation(page: ListingPage): PeriodNavigation | undefined {
  if (page.kind === 'day') {
    const link = (d: typeof page.earlier, key: 'day.earlier' | 'day.later') =>
      d && { path: d.path, text: t(key, { day: formatDay(d.day) }) };
    return {
      label: t('day.nav'),
      earlier: link(page.earlier, 'day.earlier'),
      later: link(page.later, 'day.later'),
    };
  }
  if (page.kind === 'month') {
    const link = (m: typeof page.earlier, key: 'month.earlier' | 'month.later') =>
      m && { path: m.path, text: t(key, { month: formatMonth(m.year, m.month) }) };
    return {
      label: t('month.nav'),
      earlier: link(page.earlier, 'month.earlier'),
      later: link(page.later, 'month.later'),
    };
  }
  if (isCollection(page) && page.period) {
    const link = (m: MonthRef | undefined, key: 'list.earlier' | 'list.later') =>
      m && { path: m.path, text: t(key, { month: formatMonth(m.year, m.month) }) };
    return {
      label: t('list.nav'),
      earlier: link(page.earlier, 'list.earlier'),
      later: link(page.later, 'list.later'),
    };
  }
  return undefined;
}

/** Lists of stories under a name (not a calendar period): collections for search engines. */
export const isCollection = (
  page: ListingPage,
): page is Extract<ListingPage, { kind: 'category' | 'topic' | 'author' }> =>
  page.kind === 'category' || page.kind === 'topic' || page.kind === 'author';
