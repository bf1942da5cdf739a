/**
 * The article model and the one definition of "published". Pure functions over plain
 * objects, so every rule here is unit-tested without Astro.
 */
import { osloDay, type OsloDay } from '../dates.ts';
import { slugify } from '../slug.ts';
import { articlePath } from '../urls.ts';
import type { ArticleType } from './article-types.ts';
import { SITE_LANG, type Lang } from '../lang.ts';
import type { LiveCoverage, LiveData } from './live.ts';
import { lastUpdated, renderCorrections, type Correction, type CorrectionData } from './corrections.ts';

/** The lead photo of front-matter `image:`; `Src` is the path as written until Astro imports it. */
export interface LeadImageData<Src = string> {
  src: Src;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** An image in the body (src/lib/images/body-images.ts), with its import. */
export interface BodyImageData<Src = string> {
  src: Src;
  path: string;
  alt: string;
  title?: string | undefined;
  block: boolean;
}

/** Front-matter after schema validation (see src/lib/content/schema.ts). */
export interface ArticleData<Src = string> {
  title: string;
  date: Date;
  updated?: Date | undefined;
  category: string;
  lede?: string | undefined;
  byline?: string | undefined;
  dateline?: string | undefined;
  tags: string[];
  image?: LeadImageData<Src> | undefined;
  /** Derived by the loader from the body, never written by editors. */
  bodyImages: BodyImageData<Src>[];
  /** Derived by the loader: what the image files are (the lead's, and the body's in order). */
  imageFacts: { lead?: ImageFacts | undefined; body: ImageFacts[] };
  draft: boolean;
  slug?: string | undefined;
  type: ArticleType;
  corrections: CorrectionData[];
  /** The written standard, when the article names one (else the site's). */
  lang?: Lang | undefined;
  /** A live story's coverage (live.ts); its entries are files beside it. */
  live?: LiveData | undefined;
  /** The wire story this file holds (the importer's; README, "Wire import"). */
  wire?: { id: string; version?: number | undefined } | undefined;
  /** A kill: the article is published nowhere, and its address is gone (410). */
  killed?: { at: Date; reason?: string | undefined } | undefined;
}

/** What an image file is: size as shown (EXIF rotation applied), format, digest of its bytes. */
export interface ImageFacts {
  width: number;
  height: number;
  format: 'jpeg' | 'png' | 'webp' | 'avif';
  digest: string;
}

/**
 * A photo of an article, as pages, lists and feeds see it: plain data (it goes into cache keys).
 * The import Astro's image pipeline takes is looked up by `key` (src/lib/content/collection.ts), never
 * kept here: reading any field of that import would publish the original file.
 */
export interface ArticleImage extends ImageFacts {
  key: string;
  alt: string;
  caption: string | undefined;
  credit: string | undefined;
}

/** An article as every page, list and feed sees it. */
export interface Article {
  /** Content-layer id: the file path under articles/ without ".md". */
  id: string;
  /** File path relative to the project root, for error messages. */
  file: string;
  title: string;
  date: Date;
  updated: Date | undefined;
  category: string;
  /** The ingress from front-matter, shown above the body; undefined when not written. */
  lede: string | undefined;
  /** For lists and meta description: `lede`, else the body's first paragraph as plain text. */
  summary: string;
  byline: string | undefined;
  dateline: string | undefined;
  tags: string[];
  draft: boolean;
  /** A kill (front-matter `killed`): published nowhere, its address gone (410). */
  killed: { at: Date; reason: string | undefined } | undefined;
  /** What kind of journalism: news, or a labelled kind such as opinion (article-types.ts). */
  type: ArticleType;
  /** Its corrections, newest first (corrections.ts). */
  corrections: Correction[];
  /** Its written standard: front-matter `lang`, else the site's default (site.yaml `language`). */
  lang: Lang;
  /** The Oslo calendar day of publication: the article's archive day and URL date. */
  day: OsloDay;
  slug: string;
  /** Site path without the deploy base: /2020/10/10/slug/. */
  path: string;
  /** Words in the body (0 when not rendered yet). */
  wordCount: number;
  /** The lead photo, else the body's first image; undefined when the article has none. */
  image: ArticleImage | undefined;
  /** A live story's coverage and published entries (live.ts); undefined for other articles. */
  live: LiveCoverage | undefined;
}

/** The later of `updated` and a live story's newest entry (when that is after publication). */
function liveUpdated(updated: Date | undefined, date: Date, live: LiveCoverage | undefined): Date | undefined {
  if (!live || live.latest.getTime() <= date.getTime()) return updated;
  return !updated || live.latest.getTime() > updated.getTime() ? live.latest : updated;
}

/** Builds the Article from validated front-matter and what rendering the body told us. */
export function toArticle(
  id: string,
  file: string,
  data: ArticleData<unknown>,
  derivedLede: string | undefined,
  wordCount = 0,
  image: ArticleImage | undefined = undefined,
  live: LiveCoverage | undefined = undefined,
): Article {
  const day = osloDay(data.date);
  const slug = data.slug ?? slugify(data.title);
  return {
    id,
    file,
    title: data.title,
    date: data.date,
    // A correction is an update, and so is a live story's newest entry: the latest of them is
    // when the article last changed.
    updated: liveUpdated(lastUpdated(data.updated, data.corrections), data.date, live),
    category: data.category,
    lede: data.lede,
    summary: data.lede ?? derivedLede ?? '',
    byline: data.byline,
    dateline: data.dateline,
    tags: data.tags,
    draft: data.draft,
    killed: data.killed && { at: data.killed.at, reason: data.killed.reason },
    type: data.type,
    corrections: renderCorrections(data.corrections),
    lang: data.lang ?? SITE_LANG,
    day,
    slug,
    path: articlePath(day, slug),
    wordCount,
    image,
    live,
  };
}

/**
 * What a list item or a neighbour link shows of an article. Pages that show other articles carry
 * only this in their props (and so in their cache keys): a correction, a new tag or an edited
 * body of a related article does not render every page that links to it again.
 */
export type Teaser = Pick<
  Article,
  'id' | 'title' | 'path' | 'date' | 'category' | 'summary' | 'image' | 'type' | 'draft' | 'lang'
> & {
  /** A live story's state, for the "Direkte" label and its place in lists (not its entries). */
  live: LiveState | undefined;
};

/** What lists show of a live story: whether it runs, and its latest entry's time. */
export interface LiveState {
  running: boolean;
  latest: Date;
}

const teasers = new WeakMap<Article, Teaser>();

/** The article's teaser, one object per article (so cache keys hash it once, cache-key.ts). */
export function teaserOf(article: Article): Teaser {
  let teaser = teasers.get(article);
  if (!teaser) {
    const { id, title, path, date, category, summary, image, type, draft, lang } = article;
    const live = article.live && { running: article.live.running, latest: article.live.latest };
    teasers.set(article, (teaser = { id, title, path, date, category, summary, image, type, draft, lang, live }));
  }
  return teaser;
}

export interface PublishOptions {
  /** Only `npm run dev` shows drafts (marked as such); a build never does. */
  includeDrafts?: boolean;
}

/**
 * The one definition of "published": not a draft, not killed, and not embargoed (its `date` is
 * not later than the build's now). Everything that writes output filters through this.
 */
export function isPublished(
  article: Pick<Article, 'draft' | 'date'> & { killed?: Article['killed'] },
  now: Date,
  { includeDrafts = false }: PublishOptions = {},
): boolean {
  if (article.draft && !includeDrafts) return false;
  // A killed story is gone, in the dev server too: its page would show what the agency withdrew.
  if (article.killed) return false;
  return article.date.getTime() <= now.getTime();
}

/**
 * The time a story sorts by in lists: a running live story's latest entry, else its publication
 * time. Its day, month and URL stay those of its `date`.
 */
export function listTime(article: Pick<Article, 'date'> & { live?: LiveState | undefined }): Date {
  return article.live?.running ? article.live.latest : article.date;
}

/** Newest first (by listTime); equal times fall back to the title and then the id so the order is stable. */
export function compareNewestFirst(a: Article, b: Article): number {
  return (
    listTime(b).getTime() - listTime(a).getTime() ||
    a.title.localeCompare(b.title, 'nb') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
