/**
 * schema.org JSON-LD for article pages (NewsArticle, BreadcrumbList), list pages
 * (CollectionPage) and Open Graph meta.
 * `jsonLd()` escapes so that no front-matter value can end the <script> block.
 */
import { entryHeadline, type LiveCoverage } from '../content/live.ts';
import { getPublication } from '../content/publication.ts';
import type { Article, ArticleImage, Teaser } from '../content/articles.ts';
import type { Crumb } from '../archive/breadcrumbs.ts';
import { bylineAuthors } from '../archive/bylines.ts';
import { categoryName, type Category } from '../content/categories.ts';
import { isoOslo } from '../dates.ts';
import { SITE_LANG } from '../lang.ts';
import { aboutPath, absoluteUrl, authorPath, correctionsPath } from '../urls.ts';
import { schemaOrgType } from '../content/article-types.ts';
import { PRESS_CODES, type Publication } from '../content/publication.ts';

/** The organisation's node id: articles' `publisher` and the pages about it point here. */
export const organizationId = (): string => `${absoluteUrl('/')}#organisasjon`;

/** Anchors of /om/ that the organisation's policies point at. */
export const ABOUT_ANCHORS = {
  editors: 'redaksjonen',
  ethics: 'presseetikk',
  corrections: 'rettelser',
  contact: 'kontakt',
  owner: 'eierskap',
} as const;

const aboutUrl = (anchor: string) => `${absoluteUrl(aboutPath())}#${anchor}`;

/**
 * The publication as schema.org NewsMediaOrganization (Google News' transparency signals): its
 * logo, the press code it follows, its corrections policy and log, masthead, owner and contacts.
 */
export function organizationLd(publication: Publication) {
  const ethics = publication.codes.includes('vaer-varsom')
    ? PRESS_CODES['vaer-varsom'].url
    : aboutUrl(ABOUT_ANCHORS.ethics);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsMediaOrganization',
    '@id': organizationId(),
    name: publication.name,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(publication.logo) },
    publishingPrinciples: aboutUrl(ABOUT_ANCHORS.ethics),
    ethicsPolicy: ethics,
    correctionsPolicy: aboutUrl(ABOUT_ANCHORS.corrections),
    actionableFeedbackPolicy: aboutUrl(ABOUT_ANCHORS.contact),
    masthead: aboutUrl(ABOUT_ANCHORS.editors),
    ownershipFundingInfo: aboutUrl(ABOUT_ANCHORS.owner),
    address: publication.address,
    email: publication.email,
    contactPoint: {
      '@type': 'ContactPoint',
      contactType: 'Redaksjonen',
      email: publication.email,
      ...(publication.phone ? { telephone: publication.phone } : {}),
      url: aboutUrl(ABOUT_ANCHORS.contact),
    },
    employee: [
      { '@type': 'Person', name: publication.responsibleEditor, jobTitle: 'Ansvarlig redaktør' },
      ...(publication.newsEditor
        ? [{ '@type': 'Person', name: publication.newsEditor, jobTitle: 'Nyhetsredaktør' }]
        : []),
    ],
    parentOrganization: { '@type': 'Organization', name: publication.owner },
    significantLink: absoluteUrl(correctionsPath()),
  };
}

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
  options: { images?: readonly ImageRef[] | undefined; publication: Publication },
) {
  const images = imageObjects(options.images ?? [], article.image);
  const url = absoluteUrl(article.path);
  // Each person and agency of the byline, with the page that lists their stories.
  const authors = bylineAuthors(article.byline).map((a) => ({
    '@type': a.kind === 'person' ? 'Person' : 'Organization',
    name: a.name,
    url: absoluteUrl(authorPath(a.slug)),
  }));
  const { live } = article;
  return {
    '@context': 'https://schema.org',
    // A live story is a LiveBlogPosting (a NewsArticle's kind in schema.org) with its entries.
    '@type': live ? 'LiveBlogPosting' : schemaOrgType(article.type),
    headline: article.title,
    description: article.summary || undefined,
    datePublished: isoOslo(article.date),
    dateModified: isoOslo(article.updated ?? article.date),
    ...(authors.length > 0 ? { author: authors } : {}),
    // The organisation itself is described on the front page and /om/; name and logo repeat
    // here because Google reads each article's publisher on its own.
    publisher: {
      '@type': 'NewsMediaOrganization',
      '@id': organizationId(),
      name: options.publication.name,
      url: absoluteUrl('/'),
      logo: { '@type': 'ImageObject', url: absoluteUrl(options.publication.logo) },
    },
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: c.text,
            datePublished: isoOslo(c.date),
          })),
        }
      : {}),
    articleSection: categoryName(category, article.lang),
    ...(article.tags.length > 0 ? { keywords: article.tags.join(', ') } : {}),
    inLanguage: article.lang,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(images.length > 0 ? { image: images } : {}),
    ...(live ? liveBlogLd(live, url) : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
  };
}

/** A live story's coverage times and its entries as BlogPostings, each at its anchor. */
function liveBlogLd(live: LiveCoverage, url: string) {
  return {
    coverageStartTime: isoOslo(live.start),
    ...(!live.running && live.end ? { coverageEndTime: isoOslo(live.end) } : {}),
    liveBlogUpdate: live.entries.map((entry) => ({
      '@type': 'BlogPosting',
      headline: entryHeadline(entry),
      datePublished: isoOslo(entry.date),
      articleBody: entry.text,
      ...(entry.byline ? { author: { '@type': 'Person', name: entry.byline } } : {}),
      url: `${url}#${entry.anchor}`,
    })),
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
      section: categoryName(category, article.lang),
      tags: article.tags,
    },
  };
}

/**
 * A byline page with a profile (authors.yaml): a ProfilePage whose main entity is the Person,
 * working for the publication, with the stories on the page listed as the person's work.
 */
export function profilePageLd(page: {
  profile: { name: string; role?: string | undefined; bio?: string | undefined; email?: string | undefined };
  description: string;
  path: string;
  image: string | undefined;
  articles: readonly Teaser[];
}) {
  const url = absoluteUrl(page.path);
  const { profile } = page;
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    name: profile.name,
    description: page.description,
    url,
    inLanguage: SITE_LANG,
    isPartOf: { '@type': 'WebSite', name: getPublication().name, url: absoluteUrl('/') },
    mainEntity: {
      '@type': 'Person',
      '@id': `${url}#person`,
      name: profile.name,
      url,
      ...(profile.role ? { jobTitle: profile.role } : {}),
      ...(profile.bio ? { description: profile.bio } : {}),
      ...(profile.email ? { email: profile.email } : {}),
      ...(page.image ? { image: page.image } : {}),
      worksFor: { '@id': organizationId() },
    },
    hasPart: page.articles.map((a) => ({
      '@type': schemaOrgType(a.type),
      headline: a.title,
      url: absoluteUrl(a.path),
      datePublished: isoOslo(a.date),
      author: { '@id': `${url}#person` },
    })),
  };
}

/** A list page (category, topic, author): a CollectionPage whose main entity lists its stories. */
export function collectionPageLd(page: {
  name: string;
  description: string;
  path: string;
  articles: readonly Teaser[];
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: page.name,
    description: page.description,
    url: absoluteUrl(page.path),
    inLanguage: SITE_LANG,
    isPartOf: { '@type': 'WebSite', name: getPublication().name, url: absoluteUrl('/') },
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
