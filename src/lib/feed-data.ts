/** The feeds' data from the build's articles; the endpoints in src/pages only serialise it. */
import { getCategories, getCategory } from './categories.ts';
import { getSiteData } from './collection.ts';
import { buildFeed, type Feed } from './feeds.ts';
import { SITE_URL } from './urls.ts';

/** The site-wide feed, or a category's. */
export async function getFeed(categorySlug?: string): Promise<Feed> {
  const { archive, html, now } = await getSiteData();
  const category = categorySlug ? getCategory(categorySlug) : undefined;
  const articles = category ? (archive.byCategory.get(category.slug) ?? []) : archive.articles;
  return buildFeed({ articles, category, categoryOf: getCategory, htmlOf: html, site: SITE_URL, now });
}

/** getStaticPaths for per-category feed endpoints: every category, also empty ones. */
export function categoryFeedPaths() {
  return getCategories().map((c) => ({ params: { category: c.slug } }));
}
