/**
 * Validation of article files, shared by the content loader (every build) and
 * `npm run check:content`, so both say exactly the same thing.
 */
import { topicSlug } from '../archive/topics.ts';
import { toArticle, type Article, type ArticleData } from './articles.ts';
import { ContentError, fieldPath, type ContentProblem } from './errors.ts';
import { lintArticle } from './lint.ts';
import { parseArticleSource } from './frontmatter.ts';
import type { ImageFacts } from './articles.ts';
import type { ImageFileChecks } from '../images/image-file-check.ts';
import { resolveImageRef } from '../images/image-ref.ts';
import { MIN_SHARE_WIDTH } from '../images/layout.ts';
import { DERIVED_FIELDS, type ArticleSchema } from './schema.ts';
import { isReservedArticleSlug } from '../urls.ts';

export interface ValidatedArticle {
  /** The front-matter as written (what Astro's loader stores and validates again). */
  raw: Record<string, unknown>;
  /** The front-matter after the schema, when valid. */
  data: ArticleData | undefined;
  body: string;
  rawFrontmatter: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  errors: ContentProblem[];
  warnings: ContentProblem[];
}

/** Parses and checks one article file; never throws for problems in the file itself. */
export function validateArticleFile(
  contents: string,
  file: string,
  schema: ArticleSchema,
  readBytes?: () => Uint8Array,
): ValidatedArticle {
  let source;
  try {
    source = parseArticleSource(contents, file, readBytes);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return {
      raw: {},
      data: undefined,
      body: '',
      rawFrontmatter: '',
      bodyLine: 1,
      errors: [error.problem],
      warnings: [],
    };
  }
  const { data: raw, body, rawFrontmatter, bodyLine } = source;
  const errors: ContentProblem[] = [];
  // Derived fields come from the body; one written by hand is ignored (and warned about).
  const written = Object.fromEntries(
    Object.entries(raw).filter(([key]) => !(DERIVED_FIELDS as readonly string[]).includes(key)),
  );
  const result = schema.safeParse(written);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.length > 0 ? fieldPath(issue.path) : undefined;
      errors.push({ file, field, problem: issue.message, fix: '' });
    }
  }
  if (body.trim() === '') {
    errors.push({
      file,
      problem: 'The article has no text.',
      fix: 'Write the article below the second "---" line.',
    });
  }
  return {
    raw: written,
    data: result.success ? result.data : undefined,
    body,
    rawFrontmatter,
    bodyLine,
    errors,
    warnings: lintArticle(file, raw, body, bodyLine),
  };
}

/** An image an article points at: the lead photo (`image.src`) or one in the body. */
export interface ImageReference {
  /** The path as written. */
  src: string;
  /** The front-matter field, for the lead photo. */
  field?: string | undefined;
  /** 1-based file line, when known. */
  line?: number | undefined;
  /** The lead photo is also the link-preview and search-engine image: it should be large. */
  lead?: boolean | undefined;
}

/** The file line on which `src` first appears in the article, for messages about body images. */
export function lineOfImage(contents: string, src: string): number | undefined {
  const candidates = [src, encodeURI(src)];
  const lines = contents.split('\n');
  const index = lines.findIndex((line) => candidates.some((c) => line.includes(c)));
  return index === -1 ? undefined : index + 1;
}

/**
 * Checks the files behind an article's images: each must resolve inside the content folder
 * (images/image-ref.ts) and decode as a JPEG, PNG, WebP or AVIF (images/image-file-check.ts).
 */
export async function imageProblems(
  refs: readonly ImageReference[],
  articlePath: string,
  file: string,
  contentDir: string,
  checks: ImageFileChecks,
): Promise<{ errors: ContentProblem[]; warnings: ContentProblem[]; facts: Record<string, ImageFacts> }> {
  const errors: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const facts: Record<string, ImageFacts> = {};
  for (const ref of refs) {
    const where = { file, field: ref.field, line: ref.line };
    const resolved = resolveImageRef(ref.src, articlePath, contentDir);
    if (!resolved.ok) {
      errors.push({ ...where, problem: resolved.problem, fix: resolved.fix });
      continue;
    }
    const checked = await checks.check(resolved.path);
    if (!checked.ok) {
      errors.push({ ...where, problem: `The image ${ref.src} ${checked.problem}`, fix: checked.fix });
      continue;
    }
    facts[ref.src] = checked.facts;
    if (ref.lead && checked.facts.width < MIN_SHARE_WIDTH) {
      warnings.push({
        ...where,
        problem: `The photo is ${checked.facts.width} px wide; link previews and Google's Top stories need at least ${MIN_SHARE_WIDTH} px.`,
        fix: 'Use a larger version of the photo if there is one.',
      });
    }
  }
  return { errors, warnings, facts };
}

/** Problems with the URLs an article gets: its own (empty or reserved slug) and its topics'. */
export function urlProblems(article: Article): ContentProblem[] {
  // A topic page needs an address (/tema/{slug}/): a tag without letters or digits has none.
  const tagProblems = article.tags
    .filter((tag) => topicSlug(tag) === '')
    .map((tag) => ({
      file: article.file,
      field: 'tags',
      problem: `The tag ${JSON.stringify(tag)} has no letters or digits, so its topic page would have no address.`,
      fix: 'Remove it, or write the topic in words, e.g. tags: [Nagorno-Karabakh].',
    }));
  return [...tagProblems, ...ownUrlProblems(article)];
}

function ownUrlProblems(article: Article): ContentProblem[] {
  if (article.slug === '') {
    return [
      {
        file: article.file,
        field: 'title',
        problem: 'The title gives an empty URL slug (no letters or digits).',
        fix: 'Add a "slug" field, e.g. slug: vapenhvile-i-nagorno-karabakh.',
      },
    ];
  }
  if (isReservedArticleSlug(article.slug)) {
    return [
      {
        file: article.file,
        field: 'slug',
        problem: `The URL slug "${article.slug}" is reserved for the site's own pages.`,
        fix: 'Give the article another "slug" (or title).',
      },
    ];
  }
  return [];
}

/** Two articles with the same URL: both files named, one problem for each clash. */
export function duplicateUrlProblems(articles: readonly PublishedAt[]): ContentProblem[] {
  const byPath = new Map<string, PublishedAt>();
  const problems: ContentProblem[] = [];
  for (const article of articles) {
    const other = byPath.get(article.path);
    if (!other) {
      byPath.set(article.path, article);
      continue;
    }
    problems.push({
      file: article.file,
      field: 'slug',
      problem: `${other.file} and ${article.file} would both be published at ${article.path}.`,
      fix: 'Give one of them a different title or a "slug" field.',
    });
  }
  return problems;
}

/** Where an article file would be published: all the cross-file check needs to keep of it. */
type PublishedAt = Pick<Article, 'file' | 'path'>;

/**
 * Collects the results of validating a content folder file by file, then the checks across
 * files (URL clashes): the one procedure behind both the build's loader and check:content.
 */
export class ContentCheck {
  readonly errors: ContentProblem[] = [];
  readonly warnings: ContentProblem[] = [];
  // Only file and URL, not the whole article: memory that adds up in a large archive.
  private readonly articles: PublishedAt[] = [];
  private readonly schema: ArticleSchema;

  // A plain field, not a parameter property: scripts run this file with Node's type stripping.
  constructor(schema: ArticleSchema) {
    this.schema = schema;
  }

  /** Validates one file; `id` is its path under articles/ without ".md". `path` is its address. */
  add(
    contents: string,
    file: string,
    id: string,
    readBytes?: () => Uint8Array,
  ): ValidatedArticle & { path: string | undefined } {
    const result = validateArticleFile(contents, file, this.schema, readBytes);
    let path: string | undefined;
    if (result.data) {
      const article = toArticle(id, file, result.data, undefined);
      const problems = urlProblems(article);
      if (problems.length === 0) {
        path = article.path;
        this.articles.push({ file: article.file, path });
      }
      result.errors.push(...problems);
    }
    this.warnings.push(...result.warnings);
    this.errors.push(...result.errors);
    return { ...result, path };
  }

  /**
   * A file validated in an earlier build and unchanged since (catalog.ts): its address joins the
   * check across files, and its warnings are listed again.
   */
  addKnown(file: string, path: string | undefined, warnings: readonly ContentProblem[]): void {
    if (path !== undefined) this.articles.push({ file, path });
    this.warnings.push(...warnings);
  }

  /**
   * Checks an article's image files (see imageProblems). Returns what the good ones are, by
   * path as written, or undefined when any is bad (reported).
   */
  async addImages(
    refs: readonly ImageReference[],
    articlePath: string,
    file: string,
    contentDir: string,
    checks: ImageFileChecks,
  ): Promise<Record<string, ImageFacts> | undefined> {
    if (refs.length === 0) return {};
    const { errors, warnings, facts } = await imageProblems(refs, articlePath, file, contentDir, checks);
    this.errors.push(...errors);
    this.warnings.push(...warnings);
    return errors.length === 0 ? facts : undefined;
  }

  /** Adds the problems only visible across files; call once, after every file was added. */
  finish(): void {
    const byFile = [...this.articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    this.errors.push(...duplicateUrlProblems(byFile));
  }
}
