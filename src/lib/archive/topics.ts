/** Topics (front-matter `tags`), each with a page at /tema/{slug}/ (see groups.ts). */
import type { Article } from '../content/articles.ts';
import { slugify } from '../slug.ts';
import { groupArticles, type ArticleGroup, type Label } from './groups.ts';

/** The URL slug of a tag; "" when it has no letters or digits (refused by validation). */
export const topicSlug = (tag: string): string => slugify(tag);

/** An article's tags, one per topic, in the order written. */
export function articleTopics(tags: readonly string[]): Label[] {
  const seen = new Set<string>();
  const topics: Label[] = [];
  for (const name of tags) {
    const slug = topicSlug(name);
    if (slug === '' || seen.has(slug)) continue;
    seen.add(slug);
    topics.push({ name, slug });
  }
  return topics;
}

/** Every topic with its articles, newest first. */
export const buildTopics = (newestFirst: readonly Article[]): Map<string, ArticleGroup> =>
  groupArticles(newestFirst, (a) => articleTopics(a.tags));
