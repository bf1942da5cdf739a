/**
 * The public corrections log (/rettelser/ and its feeds): every correction of every published
 * article, newest first. Built once per build from the articles (collection.ts memoises it).
 */
import type { Article } from '../content/articles.ts';
import { correctionId, type Correction } from '../content/corrections.ts';

export interface LoggedCorrection {
  article: Article;
  correction: Correction;
  /** The correction's anchor on its article page. */
  anchor: string;
}

/** Newest first; corrections made at the same moment by article path, so the order is stable. */
export function correctionsLog(articles: readonly Article[]): LoggedCorrection[] {
  const log: LoggedCorrection[] = [];
  for (const article of articles) {
    for (const correction of article.corrections) {
      log.push({ article, correction, anchor: correctionId(correction.date) });
    }
  }
  return log.sort(
    (a, b) =>
      b.correction.date.getTime() - a.correction.date.getTime() ||
      (a.article.path < b.article.path ? -1 : a.article.path > b.article.path ? 1 : 0),
  );
}
