/** What `npm run new` and `npm run import` share: options, checks and writing the file. */
import { relative } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  articleFilePath,
  articleMarkdown,
  writeNewFile,
  type NewArticleFields,
} from '../src/lib/article-file.ts';
import { getCategories } from '../src/lib/categories.ts';
import { ARTICLES_DIR } from '../src/lib/content-dir.ts';
import { osloDay, parseDateTime } from '../src/lib/dates.ts';
import { isValidSlug, slugify } from '../src/lib/slug.ts';
import { articlePath, href, normaliseBase } from '../src/lib/urls.ts';

/** Prints the message and exits with status 1. */
export function fail(message: string): never {
  console.error(`Error: ${message}`);
  process.exit(1);
}

/** Command-line options; a malformed call is a clear error, not a stack trace. */
export function parseOptions<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs(config);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

export function checkCategory(category: string | undefined): string {
  const slugs = getCategories().map((c) => c.slug);
  if (!category) fail(`--category is required: one of ${slugs.join(', ')}.`);
  if (!slugs.includes(category))
    fail(`--category "${category}" is not a category. Use one of ${slugs.join(', ')}.`);
  return category;
}

export function parseDateOption(raw: string): Date {
  const parsed = parseDateTime(raw);
  if (!parsed.ok) fail(`--date: ${parsed.message}`);
  return parsed.date;
}

/** Writes the article and prints where it went and the URL it will get. */
export function createArticle(fields: NewArticleFields, body: string, slugOption?: string): void {
  if (!fields.title.trim()) fail('--title is empty.');
  if (slugOption !== undefined && !isValidSlug(slugOption)) {
    fail('--slug must be lower-case ASCII words joined by "-", e.g. vapenhvile-i-karabakh.');
  }
  const slug = slugOption ?? slugify(fields.title);
  if (!slug) fail('The title has no letters or digits for a URL; give --slug.');
  const path = articleFilePath(ARTICLES_DIR, fields.date, slug);
  let markdown = articleMarkdown(fields, body);
  if (slugOption !== undefined) markdown = markdown.replace(/\ndate: /, `\nslug: ${slugOption}\ndate: `);
  try {
    writeNewFile(path, markdown);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const url = href(articlePath(osloDay(fields.date), slug), normaliseBase(process.env.BASE_PATH || '/'));
  const site = process.env.SITE_URL ? new URL(url, process.env.SITE_URL).href : url;
  const shown = relative(process.cwd(), path);
  console.log(`Created ${shown.startsWith('..') ? path : shown}`);
  console.log(`URL: ${site}${fields.draft ? ' (once published: remove "draft: true")' : ''}`);
}
