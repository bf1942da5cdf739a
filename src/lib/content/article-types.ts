/**
 * What kind of journalism an article is (front-matter `type`). Readers, the press code and Google
 * News all ask that opinion is told apart from news: every kind but news carries a visible label,
 * and its schema.org type says the same to search engines.
 */
import { t } from '../strings.ts';
import { SITE_LANG, type Lang } from '../lang.ts';

/** The kinds, in the order the README and error messages list them; `nyhet` is the default. */
export const ARTICLE_TYPES = [
  'nyhet',
  'kommentar',
  'leder',
  'analyse',
  'debatt',
  'anmeldelse',
  'reportasje',
  'intervju',
] as const;

export type ArticleType = (typeof ARTICLE_TYPES)[number];

export const DEFAULT_ARTICLE_TYPE: ArticleType = 'nyhet';

/** The name of every kind, news too: the search page's filter lists them all. */
export function typeName(type: ArticleType, lang: Lang = SITE_LANG): string {
  return t(`type.${type}`, {}, lang);
}

/** The label shown above the headline and in lists ("Kommentar"); undefined for plain news. */
export function typeLabel(type: ArticleType, lang: Lang = SITE_LANG): string | undefined {
  return type === DEFAULT_ARTICLE_TYPE ? undefined : typeName(type, lang);
}

/**
 * Opinion: the paper's or a writer's view rather than reporting. Shown with a distinct, restrained
 * look (as Norwegian papers set opinion apart) and typed OpinionNewsArticle.
 */
export function isOpinion(type: ArticleType): boolean {
  return type === 'kommentar' || type === 'leder' || type === 'debatt';
}

/** The schema.org type of an article of this kind. */
export function schemaOrgType(type: ArticleType): string {
  if (isOpinion(type)) return 'OpinionNewsArticle';
  if (type === 'analyse') return 'AnalysisNewsArticle';
  if (type === 'anmeldelse') return 'ReviewNewsArticle';
  if (type === 'reportasje') return 'ReportageNewsArticle';
  return 'NewsArticle';
}
