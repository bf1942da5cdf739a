import { toArticle, type Article, type ArticleData } from '../../src/lib/content/articles';
import { parseDateTime } from '../../src/lib/dates';

/** A plain Article for unit tests: `date` as written in front-matter. */
export function makeArticle(
  id: string,
  date: string,
  overrides: Partial<Omit<ArticleData, 'date'>> = {},
): Article {
  const parsed = parseDateTime(date);
  if (!parsed.ok) throw new Error(parsed.message);
  const data: ArticleData = {
    title: `Sak ${id}`,
    category: 'utenriks',
    tags: [],
    bodyImages: [],
    imageFacts: { body: [] },
    draft: false,
    type: 'nyhet',
    corrections: [],
    ...overrides,
    date: parsed.date,
  };
  return toArticle(id, `articles/${id}.md`, data, `Første avsnitt i ${id}.`);
}
