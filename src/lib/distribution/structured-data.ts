/**
 * schema.org JSON-LD for article pages (NewsArticle, BreadcrumbList) and Open Graph meta.
 * `jsonLd()` escapes so that no front-matter value can end the <script> block.
 */
import type { Article, ArticleImage } from '../content/articles.ts';
import type { Crumb } from '../archive/breadcrumbs.ts';
import type { Category } from '../content/categories.ts';
import { isoOslo } from '../dates.ts';
import { SITE } from '../site.ts';
import { absoluteUrl } from '../urls.ts';

/** The publisher's logo, in public/. */
export const LOGO_PATH = '/logo.svg';

/** An encoded image as metadata points at it: absolute URL and pixel size. */
export interface ImageRef {
  url: string;
  width: number;
  height: number;
}

/** schema.org ImageObjects for the article's photo: each crop, with its caption and credit. */
export function imageObjects(files: readonly ImageRef[], image: ArticleImage | undefined) {
  return files.map((file) => ({
    '@type': 'ImageObject',
    url: file.url,
    width: file.width,
    height: file.height,
    ...(image?.caption ? { caption: image.caption } : {}),
    ...(image?.credit ? { creditText: image.credit } : {}),
  }));
}

export function newsArticleLd(
  article: Article,
  category: Category,
  options: { images?: readonly ImageRef[] | undefined } = {},
) {
  const images = imageObjects(options.images ?? [], article.image);
  const url = absoluteUrl(article.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary || undefined,
    datePublished: isoOslo(article.date),
    dateModified: isoOslo(article.updated ?? article.date),
    ...(article.byline ? { author: { '@type': 'Organization', name: article.byline } } : {}),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: SITE.name,
      url: absoluteUrl('/'),
      logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO_PATH) },
    },
    articleSection: category.name,
    ...(article.tags.length > 0 ? { keywords: article.tags.join(', ') } : {}),
    inLanguage: SITE.language,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(images.length > 0 ? { image: images } : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
  };
}

export function breadcrumbLd(crumbs: readonly Crumb[], currentPath: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: absoluteUrl(crumb.path ?? currentPath),
    })),
  };
}

/**
 * JSON for a <script type="application/ld+json"> block: "<", ">" and "&" as \u escapes (so
 * "</script>" in a title cannot close the block), and the JavaScript line terminators too.
 */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface OpenGraph {
  type: 'website' | 'article';
  /** The link-preview image (1200×630), with the photo's alt text. */
  image?: (ImageRef & { alt: string; type: string }) | undefined;
  article?:
    | {
        publishedTime: string;
        modifiedTime: string;
        section: string;
        tags: string[];
      }
    | undefined;
}

export function articleOpenGraph(
  article: Article,
  category: Category,
  image?: (ImageRef & { type: string }) | undefined,
): OpenGraph {
  return {
    type: 'article',
    image: image && article.image ? { ...image, alt: article.image.alt } : undefined,
    article: {
      publishedTime: isoOslo(article.date),
      modifiedTime: isoOslo(article.updated ?? article.date),
      section: category.name,
      tags: article.tags,
    },
  };
}
