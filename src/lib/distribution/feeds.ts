/**
 * Feeds for feed readers: Atom 1.0 and JSON Feed 1.1 written here, RSS 2.0 through
 * @astrojs/rss (src/pages). One model for all three, newest first, full article HTML (bounded),
 * absolute URLs, Oslo-offset times; an update is its own field, never a new publication date.
 */
import { getPublication, siteDescription } from '../content/publication.ts';
import type { Article } from '../content/articles.ts';
import { categoryName, type Category } from '../content/categories.ts';
import { formatDateTime, formatTime, isoOslo } from '../dates.ts';
import { entryHeadline, type LiveEntry } from '../content/live.ts';
import { escapeMarkup } from '../escape.ts';
import { SITE_LANG, type Lang } from '../lang.ts';
import { t } from '../strings.ts';
import {
  absoluteUrl,
  absolutizeHtml,
  correctionsPath,
  feedPath,
  homePath,
  type FeedFormat,
} from '../urls.ts';
import type { LoggedCorrection } from '../archive/corrections-log.ts';

/** Items per feed: enough for a reader who checks once a day on a busy news day. */
export const FEED_SIZE = 50;
/**
 * Feeds are fetched often and whole, so their size is bounded: the newest items carry the full
 * article, older ones (and any article whose HTML is larger than FEED_ITEM_MAX_BYTES, such as a
 * 5 MB document pasted in) carry the summary and a link. At most ~2 MB of article HTML a feed.
 */
export const FEED_FULL_TEXT_ITEMS = 20;
export const FEED_ITEM_MAX_BYTES = 100_000;

/**
 * The corrections of an article, as a note after its text in every feed item: a reader who saw
 * the first version learns what was wrong.
 */
export function correctionNotes(article: Pick<Article, 'corrections'>): string {
  return article.corrections
    .map(
      (c) =>
        `<aside><p><strong>${escapeMarkup(t('article.correction'))} ${escapeMarkup(formatDateTime(c.date))}:</strong></p>${c.html}</aside>`,
    )
    .join('');
}

/** The content of an item without its full text: the summary and a link to the article. */
function summaryHtml(summary: string, url: string): string {
  return `<p>${escapeMarkup(summary)}</p><p><a href="${escapeMarkup(url)}">${escapeMarkup(t('feed.readMore'))}</a></p>`;
}

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Full, sanitised article HTML with absolute links (or the summary: FEED_FULL_TEXT_ITEMS). */
  html: string;
  published: Date;
  updated: Date | undefined;
  category: Category;
  tags: string[];
  byline: string | undefined;
  /** The item's written standard: marked per item where the format allows (the feed has the site's). */
  lang: Lang;
  /** The article's photo as one JPEG (RSS media:content, Atom enclosure link, JSON Feed image). */
  image: FeedImage | undefined;
}

export interface FeedImage {
  url: string;
  width: number;
  height: number;
  type: string;
  alt: string;
  credit: string | undefined;
}

export interface Feed {
  title: string;
  description: string;
  /** The HTML page the feed mirrors (front page or category page), absolute. */
  pageUrl: string;
  /** Absolute URL of this feed in each format. */
  urls: Record<FeedFormat, string>;
  /** Latest publication or update among the items (or the build time for an empty feed). */
  updated: Date;
  items: FeedItem[];
}

/** A list page with its own feeds (a category, a topic): its name, description and path. */
export interface FeedList {
  name: string;
  description: string;
  path: string;
}

export function buildFeed(options: {
  articles: readonly Article[];
  /** The list page the feed mirrors; the front page when absent. */
  list?: FeedList | undefined;
  categoryOf: (slug: string) => Category;
  htmlOf: (article: Article) => string;
  imageOf?: ((article: Article) => FeedImage | undefined) | undefined;
  site: URL | string;
  now: Date;
}): Feed {
  const { articles, list, categoryOf, htmlOf, imageOf, site, now } = options;
  const items = articles.slice(0, FEED_SIZE).map((a, index): FeedItem => {
    const url = absoluteUrl(a.path, site);
    const full = index < FEED_FULL_TEXT_ITEMS ? htmlOf(a) : '';
    const text =
      full && Buffer.byteLength(full, 'utf8') <= FEED_ITEM_MAX_BYTES
        ? absolutizeHtml(full, url)
        : summaryHtml(a.summary, url);
    const notes = correctionNotes(a);
    const html = notes ? `${text}${absolutizeHtml(notes, url)}` : text;
    return {
      id: url,
      url,
      title: a.title,
      summary: a.summary,
      html,
      published: a.date,
      updated: a.updated,
      category: categoryOf(a.category),
      tags: a.tags,
      byline: a.byline,
      lang: a.lang,
      image: imageOf?.(a),
    };
  });
  const updated = items.reduce<Date | undefined>((latest, item) => {
    const t = item.updated ?? item.published;
    return !latest || t > latest ? t : latest;
  }, undefined);
  const path = list?.path ?? homePath();
  return {
    title: list ? `${list.name} – ${getPublication().name}` : getPublication().name,
    description: list?.description || siteDescription(),
    pageUrl: absoluteUrl(path, site),
    urls: {
      rss: absoluteUrl(feedPath('rss', path), site),
      atom: absoluteUrl(feedPath('atom', path), site),
      json: absoluteUrl(feedPath('json', path), site),
    },
    updated: updated ?? now,
    items,
  };
}

/** The corrections log's feed (/rettelser/): one item per correction, linking its article. */
export function buildCorrectionsFeed(options: {
  log: readonly LoggedCorrection[];
  categoryOf: (slug: string) => Category;
  site: URL | string;
  now: Date;
}): Feed {
  const { log, categoryOf, site, now } = options;
  const path = correctionsPath();
  const items = log.slice(0, FEED_SIZE).map(({ article, correction, anchor }): FeedItem => {
    const articleUrl = absoluteUrl(article.path, site);
    const link = `<p>${escapeMarkup(t('corrections.inArticle'))}: <a href="${escapeMarkup(articleUrl)}">${escapeMarkup(article.title)}</a></p>`;
    return {
      id: `${articleUrl}#${anchor}`,
      url: `${articleUrl}#${anchor}`,
      title: t('corrections.feedTitle', { title: article.title }),
      summary: correction.text,
      html: absolutizeHtml(`${correction.html}${link}`, articleUrl),
      published: correction.date,
      updated: undefined,
      category: categoryOf(article.category),
      tags: [],
      byline: undefined,
      // The note is in its article's language (the "Rettelse:" before the title is the site's).
      lang: article.lang,
      image: undefined,
    };
  });
  const name = getPublication().name;
  return {
    title: `${t('corrections.title')} – ${name}`,
    description: t('corrections.description', { site: name }),
    pageUrl: absoluteUrl(path, site),
    urls: {
      rss: absoluteUrl(feedPath('rss', path), site),
      atom: absoluteUrl(feedPath('atom', path), site),
      json: absoluteUrl(feedPath('json', path), site),
    },
    updated: items[0]?.published ?? now,
    items,
  };
}

/**
 * A live story's own feed: one item per published entry, newest first (a pinned entry keeps its
 * time here: feed readers order by date), each linking to the entry's anchor on the story's page.
 */
export function buildLiveFeed(options: {
  article: Article;
  category: Category;
  imageOf?: ((entry: LiveEntry) => FeedImage | undefined) | undefined;
  site: URL | string;
  now: Date;
}): Feed {
  const { article, category, imageOf, site, now } = options;
  const url = absoluteUrl(article.path, site);
  const entries = [...(article.live?.entries ?? [])].sort(
    (a, b) => b.date.getTime() - a.date.getTime() || (a.anchor < b.anchor ? -1 : 1),
  );
  const items = entries.slice(0, FEED_SIZE).map((entry): FeedItem => ({
    id: `${url}#${entry.anchor}`,
    url: `${url}#${entry.anchor}`,
    title: entry.title ?? t('live.entryAt', { time: formatTime(entry.date, article.lang) }, article.lang),
    summary: entryHeadline({ title: undefined, text: entry.text }),
    html: absolutizeHtml(entry.html, url),
    published: entry.date,
    updated: undefined,
    category,
    tags: [],
    byline: entry.byline ?? article.byline,
    lang: article.lang,
    image: imageOf?.(entry),
  }));
  return {
    title: t('live.feedTitle', { title: article.title }, article.lang),
    description: article.summary || article.title,
    pageUrl: url,
    urls: {
      rss: absoluteUrl(feedPath('rss', article.path), site),
      atom: absoluteUrl(feedPath('atom', article.path), site),
      json: absoluteUrl(feedPath('json', article.path), site),
    },
    updated: items[0]?.published ?? article.live?.start ?? now,
    items,
  };
}

/** Atom 1.0 (RFC 4287). */
export function atomXml(feed: Feed): string {
  const entries = feed.items.map((item) =>
    [
      item.lang === SITE_LANG ? '  <entry>' : `  <entry xml:lang="${item.lang}">`,
      `    <id>${escapeMarkup(item.id)}</id>`,
      `    <title>${escapeMarkup(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeMarkup(item.url)}"/>`,
      `    <published>${isoOslo(item.published)}</published>`,
      `    <updated>${isoOslo(item.updated ?? item.published)}</updated>`,
      item.byline ? `    <author><name>${escapeMarkup(item.byline)}</name></author>` : '',
      `    <category term="${escapeMarkup(item.category.slug)}" label="${escapeMarkup(categoryName(item.category, item.lang))}"/>`,
      ...item.tags.map((tag) => `    <category term="${escapeMarkup(tag)}"/>`),
      item.image
        ? `    <link rel="enclosure" type="${escapeMarkup(item.image.type)}" href="${escapeMarkup(item.image.url)}"/>`
        : '',
      `    <summary>${escapeMarkup(item.summary)}</summary>`,
      `    <content type="html">${escapeMarkup(item.html)}</content>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${SITE_LANG}">`,
    `  <id>${escapeMarkup(feed.urls.atom)}</id>`,
    `  <title>${escapeMarkup(feed.title)}</title>`,
    `  <subtitle>${escapeMarkup(feed.description)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeMarkup(feed.urls.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(feed.pageUrl)}"/>`,
    `  <updated>${isoOslo(feed.updated)}</updated>`,
    `  <author><name>${escapeMarkup(getPublication().name)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(feed: Feed) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.pageUrl,
    feed_url: feed.urls.json,
    language: SITE_LANG,
    items: feed.items.map((item) => ({
      id: item.id,
      ...(item.lang === SITE_LANG ? {} : { language: item.lang }),
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.html,
      date_published: isoOslo(item.published),
      ...(item.updated ? { date_modified: isoOslo(item.updated) } : {}),
      ...(item.byline ? { authors: [{ name: item.byline }] } : {}),
      ...(item.image ? { image: item.image.url } : {}),
      tags: [categoryName(item.category, item.lang), ...item.tags],
    })),
  };
}

/** Media RSS (RSS has no image element; <enclosure> would need the byte size before it exists). */
function mediaContent(image: FeedImage): string {
  const attributes = `url="${escapeMarkup(image.url)}" type="${escapeMarkup(image.type)}" medium="image" width="${image.width}" height="${image.height}"`;
  return [
    `<media:content ${attributes}>`,
    `<media:description type="plain">${escapeMarkup(image.alt)}</media:description>`,
    image.credit ? `<media:credit>${escapeMarkup(image.credit)}</media:credit>` : '',
    '</media:content>',
  ].join('');
}

/** Options for @astrojs/rss (RSS 2.0). Its pubDate is GMT by the RSS spec; updates go in atom:updated. */
export function rssOptions(feed: Feed) {
  return {
    title: feed.title,
    description: feed.description,
    site: feed.pageUrl,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
      content: 'http://purl.org/rss/1.0/modules/content/',
      media: 'http://search.yahoo.com/mrss/',
    },
    customData: [
      `<language>${SITE_LANG}</language>`,
      `<atom:link href="${escapeMarkup(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    trailingSlash: true,
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: item.published,
      description: item.summary,
      content: item.html,
      categories: [categoryName(item.category, item.lang), ...item.tags],
      customData: [
        `<guid isPermaLink="true">${escapeMarkup(item.id)}</guid>`,
        item.byline ? `<dc:creator>${escapeMarkup(item.byline)}</dc:creator>` : '',
        // RSS 2.0 has a language per channel only; Dublin Core's is the usual per-item one.
        item.lang === SITE_LANG ? '' : `<dc:language>${item.lang}</dc:language>`,
        item.updated ? `<atom:updated>${isoOslo(item.updated)}</atom:updated>` : '',
        item.image ? mediaContent(item.image) : '',
      ].join(''),
    })),
  };
}
