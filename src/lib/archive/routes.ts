/**
 * Every page the site builds, with the slice of data it shows. Route files call these from
 * getStaticPaths and only render; nothing here touches Astro, so it is unit-tested directly.
 */
import { teaserOf, type Article, type Teaser } from '../content/articles.ts';
import { paginate, type Archive, type DayGroup } from './archive.ts';
import { monthCalendar, type CalendarWeek } from './calendar.ts';
import type { Category } from '../content/categories.ts';
import type { OsloDay } from '../dates.ts';
import {
  authorPath,
  categoryPath,
  dayPath,
  listMonthPath,
  monthPath,
  pagedPath,
  toRouteParam,
  topicPath,
  yearPath,
} from '../urls.ts';
import type { Author } from './bylines.ts';
import { groupsByCount } from './groups.ts';
import { ARTICLE_TYPES, typeName } from '../content/article-types.ts';
import { LANGS, langName } from '../lang.ts';

export interface Pagination {
  page: number;
  pages: number;
  /** Path of the newer page (page - 1), if any. */
  newer: string | undefined;
  /** Path of the older page (page + 1), if any. */
  older: string | undefined;
}

/**
 * A link to a neighbouring day or month (the pages' "earlier" and "later"). It carries what the
 * link shows and nothing more: with a count, a story added to one period would change every
 * page of its neighbours (keys differ, pages render again, in another part of a split build)
 * while their HTML stayed the same.
 */
export interface DayRef {
  day: OsloDay;
  path: string;
}

export interface MonthRef {
  year: string;
  month: string;
  path: string;
}

export interface DayLink extends DayRef {
  count: number;
}

export interface MonthLink extends MonthRef {
  count: number;
}

/** A day of a month page: its link, and its first few stories. */
export interface MonthDay extends DayLink {
  articles: Teaser[];
}

/** A topic or author on an index page. */
export interface GroupLink {
  label: string;
  path: string;
  count: number;
}

/** Stories per day shown on a month page; the day's page has the rest. */
export const MONTH_DAY_STORIES = 5;

/**
 * The fields every category, topic and byline page has. A list has a first page with its newest
 * stories and links to its months, and one page (or more) per month it has stories in. A new
 * story changes the first page and its own month's pages, never an older month's: old pages stay
 * byte for byte as they were (the pages numbered from the newest before them all moved by one).
 */
interface CollectionFields {
  path: string;
  total: number;
  articles: Teaser[];
  pagination: Pagination;
  /** The month this page lists; undefined on the list's first page. */
  period: { year: string; month: string } | undefined;
  /** On the first page: the list's months with stories, newest first. Empty on month pages. */
  months: MonthLink[];
  /** On the first page: the month page that goes on where it stops, if there are more stories. */
  more: string | undefined;
  /** On month pages: the list's nearest earlier and later months with stories. */
  earlier: MonthRef | undefined;
  later: MonthRef | undefined;
}

export type ListingPage =
  | ({ kind: 'category'; category: Category } & CollectionFields)
  | {
      kind: 'day';
      path: string;
      day: OsloDay;
      total: number;
      articles: Teaser[];
      pagination: Pagination;
      /** Nearest earlier and later days that have news. */
      earlier: DayRef | undefined;
      later: DayRef | undefined;
    }
  | {
      kind: 'month';
      path: string;
      year: string;
      month: string;
      total: number;
      days: MonthDay[];
      calendar: CalendarWeek[];
      /** Nearest earlier and later months that have news. */
      earlier: MonthRef | undefined;
      later: MonthRef | undefined;
    }
  | { kind: 'year'; path: string; year: string; total: number; months: MonthLink[] }
  | ({ kind: 'topic'; topic: { slug: string; name: string } } & CollectionFields)
  | ({ kind: 'author'; author: Author } & CollectionFields)
  /** The /tema/ and /av/ indexes: every topic or author, most stories first. */
  | { kind: 'topics' | 'authors'; path: string; total: number; groups: GroupLink[] };

function pagedList<T>(
  listPath: string,
  items: readonly T[],
  pageSize: number,
): { path: string; items: T[]; pagination: Pagination }[] {
  const pages = paginate(items, pageSize);
  return pages.map((slice, i) => {
    const page = i + 1;
    return {
      path: pagedPath(listPath, page),
      items: slice,
      pagination: {
        page,
        pages: pages.length,
        newer: page > 1 ? pagedPath(listPath, page - 1) : undefined,
        older: page < pages.length ? pagedPath(listPath, page + 1) : undefined,
      },
    };
  });
}

/** A newest-first list split by Oslo month, newest month first, each month newest first. */
function byMonth(newestFirst: readonly Article[]): { year: string; month: string; items: Article[] }[] {
  // By key, not by runs: a running live story sorts by its latest entry and may come before
  // newer months' stories while it belongs to its own month (archive.ts).
  const months = new Map<string, { year: string; month: string; items: Article[] }>();
  for (const article of newestFirst) {
    const { year, month } = article.day;
    const key = `${year}-${month}`;
    let group = months.get(key);
    if (!group) months.set(key, (group = { year, month, items: [] }));
    group.items.push(article);
  }
  return [...months.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([, group]) => group);
}

/**
 * The pages of one category, topic or byline list (see CollectionFields): its first page and its
 * month pages, paginated within the month. Linear in the list's length.
 */
export function collectionPages(
  listPath: string,
  newestFirst: readonly Article[],
  pageSize: number,
): CollectionFields[] {
  const months = byMonth(newestFirst);
  const refs: MonthRef[] = months.map((m) => ({
    year: m.year,
    month: m.month,
    path: listMonthPath(listPath, m.year, m.month),
  }));
  const links: MonthLink[] = months.map((m, i) => ({ ...(refs[i] as MonthRef), count: m.items.length }));
  const monthPages = months.flatMap((m, i) =>
    pagedList((refs[i] as MonthRef).path, m.items, pageSize).map(({ path, items, pagination }) => ({
      path,
      total: m.items.length,
      articles: items.map(teaserOf),
      pagination,
      period: { year: m.year, month: m.month },
      months: [],
      more: undefined,
      earlier: refs[i + 1],
      later: refs[i - 1],
    })),
  );
  const next = newestFirst[pageSize];
  const head: CollectionFields = {
    path: listPath,
    total: newestFirst.length,
    articles: newestFirst.slice(0, pageSize).map(teaserOf),
    pagination: { page: 1, pages: 1, newer: undefined, older: undefined },
    period: undefined,
    months: links,
    more: next && storyPlace(listPath, newestFirst, pageSize).get(next),
    earlier: undefined,
    later: undefined,
  };
  return [head, ...monthPages];
}

/** The month page (and page within it) of each story of a list, for stories that start a page of `pageSize`. */
function storyPlace(
  listPath: string,
  newestFirst: readonly Article[],
  pageSize: number,
): Map<Article, string> {
  const places = new Map<Article, string>();
  // The story's place among its own month's stories (month pages are filled in this order).
  const inMonth = new Map<string, number>();
  newestFirst.forEach((article, i) => {
    const { year, month } = article.day;
    const key = `${year}-${month}`;
    const place = inMonth.get(key) ?? 0;
    if (i % pageSize === 0) {
      places.set(article, pagedPath(listMonthPath(listPath, year, month), Math.floor(place / pageSize) + 1));
    }
    inMonth.set(key, place + 1);
  });
  return places;
}

/** A permanent redirect from an address the site no longer has to where its content is now. */
export interface Redirect {
  from: string;
  to: string;
}

/**
 * Where the pages of a list numbered from the newest (/utenriks/side/2/, the scheme before
 * month pages) point now: the month page that holds the story that opened the old page.
 */
export function movedCollectionPages(
  listPath: string,
  newestFirst: readonly Article[],
  pageSize: number,
): Redirect[] {
  const places = storyPlace(listPath, newestFirst, pageSize);
  const redirects: Redirect[] = [];
  for (let page = 2; (page - 1) * pageSize < newestFirst.length; page++) {
    const opening = newestFirst[(page - 1) * pageSize];
    const to = opening && places.get(opening);
    if (to) redirects.push({ from: pagedPath(listPath, page), to });
  }
  return redirects;
}

const dayRef = (group: DayGroup | undefined): DayRef | undefined =>
  group && { day: group.day, path: dayPath(group.day) };
const dayLink = (group: DayGroup): DayLink => ({
  ...(dayRef(group) as DayRef),
  count: group.articles.length,
});

/**
 * All list pages: every category (also empty ones, so the navigation never links to a 404),
 * and every year, month and day that has news. Linear in the number of articles.
 */
export function listingPages(
  archive: Archive,
  categories: readonly Category[],
  pageSize: number,
): ListingPage[] {
  const pages: ListingPage[] = [];
  for (const category of categories) {
    const list = archive.byCategory.get(category.slug) ?? [];
    for (const fields of collectionPages(categoryPath(category.slug), list, pageSize)) {
      pages.push({ kind: 'category', category, ...fields });
    }
  }
  // archive.days is newest first: the later day is at i - 1, the earlier at i + 1.
  archive.days.forEach((group, i) => {
    const later = dayRef(archive.days[i - 1]);
    const earlier = dayRef(archive.days[i + 1]);
    for (const { path, items, pagination } of pagedList(dayPath(group.day), group.articles, pageSize)) {
      pages.push({
        kind: 'day',
        path,
        day: group.day,
        total: group.articles.length,
        articles: items.map(teaserOf),
        pagination,
        earlier,
        later,
      });
    }
  });
  const months = archive.years.flatMap((y) => y.months);
  const monthRefOf = (m: (typeof months)[number] | undefined): MonthRef | undefined =>
    m && { year: m.year, month: m.month, path: monthPath(m.year, m.month) };
  const monthLink = (m: (typeof months)[number]): MonthLink => ({
    ...(monthRefOf(m) as MonthRef),
    count: m.count,
  });
  for (const year of archive.years) {
    pages.push({
      kind: 'year',
      path: yearPath(year.year),
      year: year.year,
      total: year.count,
      months: year.months.map(monthLink),
    });
  }
  // months is newest first, like days.
  months.forEach((month, i) => {
    const days = month.days.map((g) => ({
      ...dayLink(g),
      articles: g.articles.slice(0, MONTH_DAY_STORIES).map(teaserOf),
    }));
    const news = new Map(days.map((d) => [Number(d.day.day), { path: d.path, count: d.count }]));
    pages.push({
      kind: 'month',
      path: monthPath(month.year, month.month),
      year: month.year,
      month: month.month,
      total: month.count,
      days,
      calendar: monthCalendar(Number(month.year), Number(month.month), news),
      earlier: monthRefOf(months[i + 1]),
      later: monthRefOf(months[i - 1]),
    });
  });
  for (const topic of archive.topics.values()) {
    const { slug, name } = topic;
    for (const fields of collectionPages(topicPath(slug), topic.articles, pageSize)) {
      pages.push({ kind: 'topic', topic: { slug, name }, ...fields });
    }
  }
  for (const author of archive.authors.values()) {
    const { slug, name, kind } = author;
    for (const fields of collectionPages(authorPath(slug), author.articles, pageSize)) {
      pages.push({ kind: 'author', author: { slug, name, kind }, ...fields });
    }
  }
  const index = (
    groups: Iterable<{ slug: string; name: string; articles: Article[] }>,
    pathOf: (slug: string) => string,
  ) => groupsByCount(groups).map((g) => ({ label: g.name, path: pathOf(g.slug), count: g.articles.length }));
  const topics = index(archive.topics.values(), topicPath);
  pages.push({ kind: 'topics', path: topicPath(), total: topics.length, groups: topics });
  const authors = index(archive.authors.values(), authorPath);
  pages.push({ kind: 'authors', path: authorPath(), total: authors.length, groups: authors });
  return pages;
}

/** Redirects from the old numbered pages of every category, topic and byline list. */
export function listingRedirects(
  archive: Archive,
  categories: readonly Category[],
  pageSize: number,
): Redirect[] {
  return [
    ...categories.flatMap((c) =>
      movedCollectionPages(categoryPath(c.slug), archive.byCategory.get(c.slug) ?? [], pageSize),
    ),
    ...[...archive.topics.values()].flatMap((g) =>
      movedCollectionPages(topicPath(g.slug), g.articles, pageSize),
    ),
    ...[...archive.authors.values()].flatMap((g) =>
      movedCollectionPages(authorPath(g.slug), g.articles, pageSize),
    ),
  ];
}

/**
 * getStaticPaths() entries for the "[...listing]" route. A list page shows only its props,
 * so they are its cache key's data (src/lib/build/cache-key.ts).
 */
/**
 * getStaticPaths of the list pages. `profileOf` gives the profile a byline page shows (authors.yaml),
 * on its first page: it is in the page's props and key, so an edited profile renders that page again.
 */
export function listingStaticPaths<Profile>(
  pages: readonly ListingPage[],
  cacheKey: (data: unknown) => string,
  profileOf: (slug: string) => Profile | undefined = () => undefined,
) {
  return pages.map((page) => {
    const profile = page.kind === 'author' && !page.period ? profileOf(page.author.slug) : undefined;
    return {
      params: { listing: toRouteParam(page.path) },
      props: { page, profile },
      cacheKey: cacheKey(profile ? { page, profile } : page),
    };
  });
}

export interface ArticlePage {
  article: Article;
  newer: Teaser | undefined;
  older: Teaser | undefined;
  related: Teaser[];
}

/** One page per published article, with its neighbours in the category. */
export function articlePages(archive: Archive): ArticlePage[] {
  return archive.articles.map((article) => {
    const n = archive.neighbours.get(article.id);
    return {
      article,
      newer: n?.newer && teaserOf(n.newer),
      older: n?.older && teaserOf(n.older),
      related: (archive.related.get(article.id) ?? []).map(teaserOf),
    };
  });
}

/** What an article page needs of its content entry besides the props' data. */
export interface SourceEntry {
  digest?: string | number | undefined;
  rendered?: { html: string } | undefined;
  /** Digests of the article's image files (a replaced photo changes no byte of the article). */
  data?: { imageFacts?: unknown } | undefined;
}

/**
 * getStaticPaths() entries for the article route. The body is not in the props' data, so its
 * source digest and its images' digests stand for it in the cache key (src/lib/build/cache-key.ts).
 */
export function articleStaticPaths<E extends SourceEntry>(
  archive: Archive,
  entryOf: (id: string) => E,
  cacheKey: (data: unknown) => string,
) {
  return articlePages(archive).map((page) => {
    const entry = entryOf(page.article.id);
    const body = entry.digest ?? entry.rendered?.html;
    return {
      params: articleParams(page.article),
      props: { page, entry },
      cacheKey: cacheKey({ page, body, images: entry.data?.imageFacts }),
    };
  });
}

/** The route params of "[year]/[month]/[day]/[slug]" for an article. */
export function articleParams(article: Article) {
  return { year: article.day.year, month: article.day.month, day: article.day.day, slug: article.slug };
}

export interface FrontPage {
  /** The newest article, shown large. */
  lead: Article | undefined;
  /** The next newest, in one list beside the lead. */
  latest: Article[];
  /**
   * Per category (list order), its newest articles not already shown above: every story appears
   * once on the front page. Categories with nothing left to show are left out.
   */
  sections: { category: Category; articles: Article[] }[];
  years: { year: string; path: string; count: number }[];
}

export function frontPage(
  archive: Archive,
  categories: readonly Category[],
  latestCount: number,
  sectionSize: number,
): FrontPage {
  const [lead, ...rest] = archive.articles;
  const latest = rest.slice(0, latestCount);
  const shown = new Set<Article>(lead ? [lead, ...latest] : latest);
  const sections = categories.flatMap((category) => {
    const articles: Article[] = [];
    // Skips at most the stories shown above (1 + latestCount): bounded, whatever the archive size.
    for (const article of archive.byCategory.get(category.slug) ?? []) {
      if (articles.length === sectionSize) break;
      if (!shown.has(article)) articles.push(article);
    }
    return articles.length > 0 ? [{ category, articles }] : [];
  });
  return {
    lead,
    latest,
    sections,
    years: archive.years.map((y) => ({ year: y.year, path: yearPath(y.year), count: y.count })),
  };
}

/** The search page's filter choices: categories that have articles (list order), and years. */
export function searchFilters(archive: Archive, categories: readonly Category[]) {
  const kinds = new Set(archive.articles.map((a) => a.type));
  const langs = new Set(archive.articles.map((a) => a.lang));
  return {
    categories: categories.filter((c) => archive.byCategory.has(c.slug)),
    years: archive.years.map((y) => y.year),
    /** The kinds the site has, as filter values; empty when all is news (no filter then). */
    types: kinds.size > 1 ? ARTICLE_TYPES.filter((k) => kinds.has(k)).map((k) => typeName(k)) : [],
    /** The written standards the site has, as filter values; empty when it has one. */
    languages: langs.size > 1 ? LANGS.filter((l) => langs.has(l)).map(langName) : [],
  };
}
