/** Title, description, breadcrumbs and summary line of each list page kind. */
import { categoryCrumbs, dayCrumbs, monthCrumbs, yearCrumbs, type Crumb } from './breadcrumbs.ts';
import { formatDay, formatMonth } from '../dates.ts';
import type { ListingPage } from './routes.ts';
import { countLabel, t } from '../strings.ts';

export interface ListingHeading {
  title: string;
  description: string;
  crumbs: Crumb[];
  summary: string;
  currentCategory: string | undefined;
}

export function listingHeading(page: ListingPage): ListingHeading {
  const pageNote =
    'pagination' in page && page.pagination.pages > 1
      ? ` · ${t('list.page', { page: page.pagination.page, pages: page.pagination.pages })}`
      : '';
  const summary = `${countLabel(page.total)}${pageNote}`;
  switch (page.kind) {
    case 'category':
      return {
        title: t('category.title', { category: page.category.name }),
        description: page.category.description || page.category.name,
        crumbs: categoryCrumbs(page.category),
        summary,
        currentCategory: page.category.slug,
      };
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
  }
}
