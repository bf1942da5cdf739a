/**
 * The feeds' data from the build's articles; the endpoints in src/pages only serialise it. Runs
 * while a feed renders, so its images go through Astro's image pipeline (src/lib/images/render.ts).
 */
import type { Article } from '../content/articles.ts';
import { getCategories, getCategory } from '../content/categories.ts';
import { bodyHtml, bodyImages, getSiteData } from '../content/collection.ts';
import { buildFeed, FEED_SIZE, type Feed, type FeedImage } from './feeds.ts';
import { feedBodyHtml, feedImage } from '../images/render.ts';
import { SITE_URL } from '../urls.ts';

/** The site-wide feed, or a category's. */
export async function getFeed(categorySlug?: string): Promise<Feed> {
  const { archive, entry, now } = await getSiteData();
  const category = categorySlug ? getCategory(categorySlug) : undefined;
  const all = category ? (archive.byCategory.get(category.slug) ?? []) : archive.articles;
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
    category,
    categoryOf: getCategory,
    htmlOf: (a) => of(a)?.html ?? '',
    imageOf: (a) => of(a)?.image,
    site: SITE_URL,
    now,
  });
}

/** getStaticPaths for per-category feed endpoints: every category, also empty ones. */
export function categoryFeedPaths() {
  return getCategories().map((c) => ({ params: { category: c.slug } }));
}
