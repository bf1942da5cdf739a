/**
 * Related articles for every article in one pass: articles sharing topics (tags, as topics.ts
 * reads them; more shared topics first, the same category next, nearest in time last). Each tag's list is only looked at
 * around the article's own position, so a tag used by 100 000 articles costs the same as a
 * rare one: linear in the number of articles.
 */
import type { Article } from '../content/articles.ts';
import { articleTopics } from './topics.ts';

export const RELATED_COUNT = 3;
/** How far either side of an article to look in each of its tags' lists. */
const WINDOW = 12;

export function relatedArticles(
  newestFirst: readonly Article[],
  count = RELATED_COUNT,
): Map<string, Article[]> {
  const byTag = new Map<string, Article[]>();
  const positionInTag = new Map<Article, Map<string, number>>();
  for (const article of newestFirst) {
    const positions = new Map<string, number>();
    for (const { slug: tag } of articleTopics(article.tags)) {
      let list = byTag.get(tag);
      if (!list) byTag.set(tag, (list = []));
      positions.set(tag, list.length);
      list.push(article);
    }
    positionInTag.set(article, positions);
  }

  const related = new Map<string, Article[]>();
  for (const article of newestFirst) {
    const shared = new Map<Article, number>();
    for (const [tag, position] of positionInTag.get(article) ?? []) {
      const list = byTag.get(tag) ?? [];
      for (let i = Math.max(0, position - WINDOW); i < Math.min(list.length, position + WINDOW + 1); i++) {
        const other = list[i];
        if (other && other !== article) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const time = article.date.getTime();
    const ranked = [...shared.entries()]
      .map(([other, tags]) => ({
        other,
        score: tags * 2 + (other.category === article.category ? 1 : 0),
        distance: Math.abs(other.date.getTime() - time),
      }))
      .sort((a, b) => b.score - a.score || a.distance - b.distance)
      .slice(0, count)
      .map((r) => r.other);
    related.set(article.id, ranked);
  }
  return related;
}
