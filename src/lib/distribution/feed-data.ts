/**
 * The feeds' data from the build's articles; the endpoints in src/pages only serialise it. Runs
 * while a feed renders, so its images go through Astro's image pipeline (src/lib/images/render.ts).
 */
import type { Archive } from '../archive/archive.ts';
import type { Article } from '../content/articles.ts';
import { getCategories, getCategory } from '../content/categories.ts';
import { bodyHtml, bodyImages, getCorrectionsLog, getSiteData, sitePageKeys } from '../content/collection.ts';
import {
  buildCorrectionsFeed,
  buildLiveFeed,
  buildFeed,
  FEED_SIZE,
  type Feed,
  type FeedImage,
  type FeedList,
} from './feeds.ts';
import { feedBodyHtml, feedImage } from '../images/render.ts';
import { t } from '../strings.ts';
import { categoryPath, SITE_URL, topicPath } from '../urls.ts';
import { articleParams } from '../archive/routes.ts';
import { ownPaths } from '../build/parts.ts';

/** Whose feed: the site's, a category's or a topic's. */
export type FeedSource = { kind: 'site' } | { kind: 'category' | 'topic'; slug: string };

/** The feed of a source: its list page and its articles, newest first. */
function feedList(
  archive: Archive,
  source: FeedSource,
): { list: FeedList | undefined; articles: readonly Article[] } {
  if (source.kind === 'site') return { list: undefined, articles: archive.articles };
  if (source.kind === 'category') {
    const { name, description, slug } = getCategory(source.slug);
    return {
      list: { name, description, path: categoryPath(slug) },
      articles: archive.byCategory.get(slug) ?? [],
    };
  }
  const topic = archive.topics.get(source.slug);
  if (!topic) throw new Error(`No topic "${source.slug}".`);
  return {
    list: {
      name: topic.name,
      description: t('topic.description', { topic: topic.name }),
      path: topicPath(topic.slug),
    },
    articles: topic.articles,
  };
}

/**
 * Everything a category's or topic's feed shows besides code and config, for its cache key
 * (src/lib/build/cache-key.ts): its articles, with their bodies' source digests and photos'
 * digests standing for the bodies and images (as for article pages, routes.ts), and the
 * build's "now" for an empty feed (its `updated`). A feed whose key is unchanged is not
 * rendered again.
 */
function feedKeyData(archive: Archive, source: FeedSource, entry: SiteEntryOf, now: Date): unknown {
  const articles = feedList(archive, source).articles.slice(0, FEED_SIZE);
  return {
    source,
    articles: articles.map((article) => {
      const { digest, data } = entry(article.id);
      return { article, body: digest, images: data.imageFacts };
    }),
    now: articles.length === 0 ? now : undefined,
  };
}

type SiteEntryOf = Awaited<ReturnType<typeof getSiteData>>['entry'];

/** The site-wide feed, or a category's or topic's. */
export async function getFeed(source: FeedSource = { kind: 'site' }): Promise<Feed> {
  const { archive, entry, now } = await getSiteData();
  const { list, articles: all } = feedList(archive, source);
  const articles = all.slice(0, FEED_SIZE);
  // Feed readers get each image as one JPEG with an absolute URL, never a placeholder.
  const prepared = new Map(
    await Promise.all(
      articles.map(async (a): Promise<[string, { html: string; image: FeedImage | undefined }]> => {
        const source = entry(a.id);
        const html = await feedBodyHtml(bodyHtml(source), bodyImages(source));
        const image = a.image && {
          ...(await feedImage(a.image)),
          alt: a.image.alt,
          credit: a.image.credit,
        };
        return [a.id, { html, image }];
      }),
    ),
  );
  const of = (a: Article) => prepared.get(a.id);
  return buildFeed({
    articles,
    list,
    categoryOf: getCategory,
    htmlOf: (a) => of(a)?.html ?? '',
    imageOf: (a) => of(a)?.image,
    site: SITE_URL,
    now,
  });
}

/** getStaticPaths for per-category feed endpoints: every category, also empty ones. */
export async function categoryFeedPaths() {
  const { archive, entry, now } = await getSiteData();
  const categories = getCategories();
  const key = sitePageKeys();
  return ownPaths(
    categories.map((c) => ({
      params: { category: c.slug },
      cacheKey: key(feedKeyData(archive, { kind: 'category', slug: c.slug }, entry, now)),
    })),
  );
}

/** getStaticPaths for per-topic feed endpoints. */
export async function topicFeedPaths() {
  const { archive, entry, now } = await getSiteData();
  const key = sitePageKeys();
  return ownPaths(
    [...archive.topics.keys()].map((topic) => ({
      params: { topic },
      cacheKey: key(feedKeyData(archive, { kind: 'topic', slug: topic }, entry, now)),
    })),
  );
}

/** The corrections log's feed (/rettelser/rss.xml …). */
export async function getCorrectionsFeed(): Promise<Feed> {
  const [{ now }, log] = await Promise.all([getSiteData(), getCorrectionsLog()]);
  return buildCorrectionsFeed({ log, categoryOf: getCategory, site: SITE_URL, now });
}

/** The live stories by their route params ("2020/10/31/slug"), found once per build. */
let liveStories: Promise<Map<string, Article>> | undefined;
const liveKey = (p: Record<string, string | undefined>) => `${p.year}/${p.month}/${p.day}/${p.slug}`;
function getLiveStories(): Promise<Map<string, Article>> {
  liveStories ??= getSiteData().then(
    ({ archive }) =>
      new Map(archive.articles.filter((a) => a.live).map((a) => [liveKey(articleParams(a)), a] as const)),
  );
  return liveStories;
}

/** getStaticPaths for a live story's own feeds (under its page): every live story. */
export async function liveFeedPaths() {
  const key = sitePageKeys();
  return ownPaths(
    [...(await getLiveStories()).values()].map((article) => ({
      params: articleParams(article),
      cacheKey: key({ liveFeed: article }),
    })),
  );
}

/** A live story's feed of entries, by its route params. */
export async function getLiveFeed(params: Record<string, string | undefined>): Promise<Feed> {
  const [{ now }, stories] = await Promise.all([getSiteData(), getLiveStories()]);
  const article = stories.get(liveKey(params));
  if (!article) throw new Error(`No live story at ${JSON.stringify(params)}.`);
  const images = new Map(
    await Promise.all(
      (article.live?.entries ?? []).map(async (entry): Promise<[string, FeedImage | undefined]> => [
        entry.anchor,
        entry.image && {
          ...(await feedImage(entry.image)),
          alt: entry.image.alt,
          credit: entry.image.credit,
        },
      ]),
    ),
  );
  return buildLiveFeed({
    article,
    category: getCategory(article.category),
    imageOf: (entry) => images.get(entry.anchor),
    site: SITE_URL,
    now,
  });
}
