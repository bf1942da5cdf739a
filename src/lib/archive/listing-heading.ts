/** Title, description, breadcrumbs and summary line of each list page kind. */
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
import type { ListingPage } from './routes.ts';
import { countLabel, t } from '../strings.ts';
import { topicPath } from '../urls.ts';

export interface ListingHeading {
  title: string;
  description: string;
  crumbs: Crumb[];
  summary: string;
  currentCategory: string | undefined;
  /** A topic page advertises the topic's feeds (a category page its category's, by default). */
  feed?: { name: string; path: string } | undefined;
}

export function listingHeading(page: ListingPage): ListingHeading {
  const pageNote =
    'pagination' in page && page.pagination.pages > 1
      ? ` · ${t('list.page', { page: page.pagination.page, pages: page.pagination.pages })}`
      : '';
  const summary = `${countLabel(page.total)}${pageNote}`;
  switch (page.kind) {
    case 'category': {
      const title = t('category.title', { category: page.category.name });
      const description = page.category.description || page.category.name;
      return {
        title,
        description,
        crumbs: categoryCrumbs(page.category),
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
      const title = t('topic.title', { topic: name });
      const description = t('topic.description', { topic: name });
      return {
        title,
        description,
        crumbs: topicCrumbs(name),
        summary,
        currentCategory: undefined,
        feed: { name, path: topicPath(slug) },
      };
    }
    case 'author': {
      const { name } = page.author;
      const title = t('author.title', { author: name });
      const description = t('author.description', { author: name });
      return {
        title,
        description,
        crumbs: authorCrumbs(name),
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
