/**
 * Writing new article files (for `npm run new` and `npm run import`): the front-matter in the
 * documented order, the file name and folder from the Oslo date, never overwriting.
 */
import { constants, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { LeadImageData } from '../content/articles.ts';
import { DEFAULT_ARTICLE_TYPE, type ArticleType } from '../content/article-types.ts';
import { formatTime, isoOslo, osloDay } from '../dates.ts';
import { slugify } from '../slug.ts';
import type { Lang } from '../lang.ts';

export interface NewArticleFields {
  title: string;
  date: Date;
  updated?: Date | undefined;
  category: string;
  byline?: string | undefined;
  dateline?: string | undefined;
  lede?: string | undefined;
  tags?: string[] | undefined;
  /** The lead photo; `src` relative to the article file. */
  image?: LeadImageData | undefined;
  draft?: boolean | undefined;
  /** The kind (article-types.ts); news (the default) is not written. */
  type?: ArticleType | undefined;
  /** The written standard, when the editor named one (else the site's default applies). */
  lang?: Lang | undefined;
  /** A live story (src/lib/content/live.ts): when its coverage starts. */
  live?: { start: Date } | undefined;
  /** Kept in the file so the address never changes with the title (wire stories). */
  slug?: string | undefined;
  /** The wire story and version the file holds (the importer's). */
  wire?: { id: string; version?: number | undefined } | undefined;
  /** A kill: published nowhere, its address gone. */
  killed?: { at: Date; reason?: string | undefined } | undefined;
}

/** A YAML scalar that round-trips any text: JSON strings are valid YAML double-quoted strings. */
const quote = (text: string) => JSON.stringify(text);

/** The Markdown file: front-matter (date with its Oslo offset) and body. */
export function articleFileText(fields: NewArticleFields, body: string): string {
  const lines = [
    '---',
    `title: ${quote(fields.title)}`,
    ...(fields.slug ? [`slug: ${fields.slug}`] : []),
    `date: ${isoOslo(fields.date)}`,
    ...(fields.updated ? [`updated: ${isoOslo(fields.updated)}`] : []),
    `category: ${fields.category}`,
  ];
  if (fields.type && fields.type !== DEFAULT_ARTICLE_TYPE) lines.push(`type: ${fields.type}`);
  if (fields.lang) lines.push(`lang: ${fields.lang}`);
  if (fields.byline) lines.push(`byline: ${quote(fields.byline)}`);
  if (fields.dateline) lines.push(`dateline: ${quote(fields.dateline)}`);
  if (fields.lede) lines.push(`lede: ${quote(fields.lede)}`);
  if (fields.tags && fields.tags.length > 0) lines.push(`tags: [${fields.tags.map(quote).join(', ')}]`);
  if (fields.image) {
    const { src, alt, caption, credit } = fields.image;
    lines.push('image:', `  src: ${quote(src)}`, `  alt: ${quote(alt)}`);
    if (caption) lines.push(`  caption: ${quote(caption)}`);
    if (credit) lines.push(`  credit: ${quote(credit)}`);
  }
  if (fields.live) lines.push('live:', `  start: ${isoOslo(fields.live.start)}`);
  if (fields.wire) {
    lines.push('wire:', `  id: ${quote(fields.wire.id)}`);
    if (fields.wire.version !== undefined) lines.push(`  version: ${fields.wire.version}`);
  }
  if (fields.killed) {
    lines.push('killed:', `  at: ${isoOslo(fields.killed.at)}`);
    if (fields.killed.reason) lines.push(`  reason: ${quote(fields.killed.reason)}`);
  }
  if (fields.draft) lines.push('draft: true');
  lines.push('---', '');
  return `${lines.join('\n')}\n${body.trim()}\n`;
}

/**
 * <articles>/<yyyy>/<mm>/<slug>.md, by the Oslo date of publication; a live story is a folder,
 * <slug>/index.md, with its entries in oppdateringer/ beside it.
 */
export function articleFilePath(
  articlesDir: string,
  date: Date,
  slug: string,
  { folder = false } = {},
): string {
  const { year, month } = osloDay(date);
  return folder
    ? join(articlesDir, year, month, slug, 'index.md')
    : join(articlesDir, year, month, `${slug}.md`);
}

/** A live entry's fields as `npm run new -- --entry` writes them. */
export interface NewEntryFields {
  date: Date;
  title?: string | undefined;
  byline?: string | undefined;
  image?: LeadImageData | undefined;
  pinned?: boolean | undefined;
  draft?: boolean | undefined;
}

/** A live entry's Markdown file: front-matter (date with its Oslo offset) and text. */
export function entryFileText(fields: NewEntryFields, body: string): string {
  const lines = ['---', `date: ${isoOslo(fields.date)}`];
  if (fields.title) lines.push(`title: ${quote(fields.title)}`);
  if (fields.byline) lines.push(`byline: ${quote(fields.byline)}`);
  if (fields.image) {
    const { src, alt, caption, credit } = fields.image;
    lines.push('image:', `  src: ${quote(src)}`, `  alt: ${quote(alt)}`);
    if (caption) lines.push(`  caption: ${quote(caption)}`);
    if (credit) lines.push(`  credit: ${quote(credit)}`);
  }
  if (fields.pinned) lines.push('pinned: true');
  if (fields.draft) lines.push('draft: true');
  lines.push('---', '');
  return `${lines.join('\n')}\n${body.trim()}\n`;
}

/**
 * An entry's file name in the story's oppdateringer/: its Oslo time and its title's slug
 * ("1945-nye-angrep.md"), so the folder reads in order and the anchor says what it is. `taken`
 * tells names already there: a second entry in the same minute gets "-2", and so on.
 */
export function entryFileName(
  date: Date,
  title: string | undefined,
  taken: (name: string) => boolean,
): string {
  const time = osloHhmm(date);
  const words = title ? slugify(title).split('-').slice(0, 6).join('-') : '';
  const stem = words ? `${time}-${words}` : time;
  let name = `${stem}.md`;
  for (let n = 2; taken(name); n++) name = `${stem}-${n}.md`;
  return name;
}

/** "19.45" Oslo time as "1945". */
function osloHhmm(date: Date): string {
  return formatTime(date).replace(/\D/g, '');
}

/** The lead photo's file beside the article: the article's name with the photo's extension. */
export function imageFilePath(articlePath: string, photo: string): string {
  return articlePath.replace(/\.md$/, extname(photo).toLowerCase());
}

/**
 * Writes the article and copies its photo beside it, both or neither: an existing file is never
 * overwritten, and a failure leaves nothing behind.
 */
export function writeNewArticle(path: string, text: string, photo?: { from: string; to: string }): void {
  mkdirSync(dirname(path), { recursive: true });
  if (photo) {
    try {
      copyFileSync(photo.from, photo.to, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new Error(`${photo.to} already exists; nothing was written. Choose another title or --slug.`, {
          cause: error,
        });
      }
      throw error;
    }
  }
  try {
    writeNewFile(path, text);
  } catch (error) {
    if (photo) rmSync(photo.to, { force: true });
    throw error;
  }
}

/** Writes a new file; throws (and writes nothing) when it already exists. */
export function writeNewFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${path} already exists; nothing was written. Choose another title or --slug.`, {
        cause: error,
      });
    }
    throw error;
  }
}
