/**
 * Articles grouped under a label (a topic, an author), one page per label: built in one pass
 * over the newest-first article list. A label's slug follows the site's ASCII rule (slug.ts), so
 * labels that differ only in case or accents ("Nagorno-Karabakh", "nagorno karabakh") are one.
 */
import type { Article } from '../content/articles.ts';

export interface Label {
  name: string;
  slug: string;
}

export interface ArticleGroup {
  slug: string;
  /** The spelling most articles use (the newest article's, on a tie). */
  name: string;
  /** Newest first. */
  articles: Article[];
}

/** Groups a newest-first list by the labels of each article (each label once per article). */
export function groupArticles(
  newestFirst: readonly Article[],
  labelsOf: (article: Article) => readonly Label[],
): Map<string, ArticleGroup> {
  const groups = new Map<string, ArticleGroup & { spellings: Map<string, number> }>();
  for (const article of newestFirst) {
    for (const { name, slug } of labelsOf(article)) {
      let group = groups.get(slug);
      if (!group) groups.set(slug, (group = { slug, name, articles: [], spellings: new Map() }));
      if (group.articles.at(-1) === article) continue;
      group.articles.push(article);
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
    }
  }
  const result = new Map<string, ArticleGroup>();
  for (const { slug, articles, spellings } of groups.values()) {
    // Map order is first-seen order, i.e. newest article first: a tie keeps the newest spelling.
    let name = '';
    let best = 0;
    for (const [spelling, count] of spellings) {
      if (count > best) [name, best] = [spelling, count];
    }
    result.set(slug, { slug, name, articles });
  }
  return result;
}

/** Most stories first, then by name (Norwegian order): the /tema/ and /av/ indexes. */
export function groupsByCount<G extends ArticleGroup>(groups: Iterable<G>): G[] {
  return [...groups].sort(
    (a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'nb'),
  );
}
