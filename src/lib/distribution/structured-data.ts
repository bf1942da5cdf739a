/**
 * schema.org JSON-LD for article pages (NewsArticle, BreadcrumbList), list pages
 * (CollectionPage) and Open Graph meta.
 * `jsonLd()` escapes so that no front-matter value can end the <script> block.
 */
import type { Article, ArticleImage } from '../content/articles.ts';
import type { Crumb } from '../archive/breadcrumbs.ts';
import { bylineAuthors } from '../archive/bylines.ts';
import type { Category } from '../content/categories.ts';
import { isoOslo } from '../dates.ts';
import { SITE } from '../site.ts';
import { absoluteUrl, authorPath } from '../urls.ts';

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
  // Each person and agency of the byline, with the page that lists their stories.
  const authors = bylineAuthors(article.byline).map((a) => ({
    '@type': a.kind === 'person' ? 'Person' : 'Organization',
    name: a.name,
    url: absoluteUrl(authorPath(a.slug)),
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary || undefined,
    datePublished: isoOslo(article.date),
    dateModified: isoOslo(article.updated ?? article.date),
    ...(authors.length > 0 ? { author: authors } : {}),
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

/** A list page (category, topic, author): a CollectionPage whose main entity lists its stories. */
export function collectionPageLd(page: {
  name: string;
  description: string;
  path: string;
  articles: readonly Article[];
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: page.name,
    description: page.description,
    url: absoluteUrl(page.path),
    inLanguage: SITE.language,
    isPartOf: { '@type': 'WebSite', name: SITE.name, url: absoluteUrl('/') },
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: page.articles.map((a, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        url: absoluteUrl(a.path),
        name: a.title,
      })),
    },
  };
}
