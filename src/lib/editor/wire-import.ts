/**
 * Importing one IPTC wire file (ninjs or NewsML-G2) into the articles folder: a new story becomes
 * a new article file; a later version of a story already imported rewrites that same file (same
 * address: the slug is kept in the file); the same version again changes nothing; an older one
 * is refused; a kill marks the file `killed` (never deletes it). Every outcome says what it did;
 * every failure is a WireFormatError naming what is wrong, and writes nothing.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { articleFilePath, articleFileText, imageFilePath, writeNewFile } from './article-file.ts';
import { readWireFile } from './wire-formats.ts';
import { WireFormatError } from './wire-item.ts';
import { wireToArticle, type WireArticle, type WireCategories } from './wire-article.ts';
import { versionVerdict } from './wire-store.ts';
import { osloDay, isoOslo } from '../dates.ts';
import { slugify } from '../slug.ts';
import { articlePath } from '../urls.ts';

export interface WireImportContext {
  articlesDir: string;
  categories: WireCategories;
  /** The mapping file's name, for messages. */
  mappingFile: string;
  /** The stored stories by wire id (wire-store.ts `wireIndex`); kept up to date by each import. */
  index: Map<string, { path: string; version: number | undefined }>;
}

export interface WireImportResult {
  outcome: 'created' | 'updated' | 'unchanged' | 'killed' | 'nothing to kill';
  /** The article file, absolute. */
  path: string | undefined;
  /** The article's site path. */
  url: string | undefined;
  notes: string[];
}

/** The lead photo from the story's picture: a local rendition beside the wire file is copied. */
function photo(
  article: WireArticle,
  wireFile: string,
  notes: string[],
): { from: string; alt: string; caption: string | undefined; credit: string | undefined } | undefined {
  const picture = article.picture;
  if (!picture?.href) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(picture.href)) {
    notes.push(
      `The picture ${picture.href} is remote only: it was not fetched (put the file beside the wire file).`,
    );
    return undefined;
  }
  const from = resolve(dirname(wireFile), picture.href);
  if (!existsSync(from)) {
    notes.push(`The picture ${picture.href} is not beside ${basename(wireFile)}: the story has no photo.`);
    return undefined;
  }
  const alt = picture.alt ?? picture.caption;
  if (!alt) {
    notes.push(
      `The picture ${picture.href} has no description for readers who cannot see it: it was left out.`,
    );
    return undefined;
  }
  return { from, alt, caption: picture.caption, credit: picture.credit };
}

/** Imports one wire file. */
export function importWireFile(wireFile: string, context: WireImportContext): WireImportResult {
  const text = readFileSync(wireFile, 'utf8');
  const read = readWireFile(text);
  if (read.kind !== 'iptc')
    throw new WireFormatError(
      'The file is NTB plain text: import it with npm run import -- FILE --title "…".',
    );
  const { item } = read;
  const stored = context.index.get(item.id);
  const verdict = versionVerdict(stored, item.version);
  const notes: string[] = [];
  const storedPath = stored && join(context.articlesDir, stored.path);
  const urlOf = (path: string) => {
    const source = readFileSync(path, 'utf8');
    const date = /^date: (.+)$/m.exec(source)?.[1];
    const slug = /^slug: (.+)$/m.exec(source)?.[1];
    return date && slug ? articlePath(osloDay(new Date(date)), slug.trim()) : undefined;
  };

  if (verdict === 'older') {
    throw new WireFormatError(
      `Version ${item.version} of ${item.id} is older than the one already imported (${stored?.version}, ${stored?.path}): refused.`,
    );
  }
  if (item.pubStatus === 'canceled') {
    if (!storedPath)
      return {
        outcome: 'nothing to kill',
        path: undefined,
        url: undefined,
        notes: [`${item.id} was never imported.`],
      };
    const source = readFileSync(storedPath, 'utf8');
    const at = item.versionCreated ?? new Date();
    const reason = item.note;
    const lines = [
      `killed:`,
      `  at: ${isoOslo(at)}`,
      ...(reason ? [`  reason: ${JSON.stringify(reason)}`] : []),
    ];
    let marked = source.replace(/^killed:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*/m, '');
    marked = marked.replace(
      /^(wire:[ \t]*\r?\n[ \t]+id:.*\r?\n)(?:[ \t]+version:.*\r?\n)?/m,
      (_, head: string) => (item.version === undefined ? head : `${head}  version: ${item.version}\n`),
    );
    marked = marked.replace(/^---\r?\n/, `---\n${lines.join('\n')}\n`);
    writeFileSync(storedPath, marked);
    context.index.set(item.id, { path: stored.path, version: item.version ?? stored.version });
    return { outcome: 'killed', path: storedPath, url: urlOf(storedPath), notes };
  }
  if (verdict === 'same')
    return { outcome: 'unchanged', path: storedPath, url: storedPath && urlOf(storedPath), notes };

  const article = wireToArticle(item, context.categories, context.mappingFile);
  const picture = photo(article, wireFile, notes);
  // The address is fixed by the first version: its slug and date are kept in the file.
  const previous = storedPath ? readFileSync(storedPath, 'utf8') : undefined;
  const slug = (previous && /^slug: (.+)$/m.exec(previous)?.[1]?.trim()) || slugify(article.title);
  if (!slug) throw new WireFormatError('The headline has no letters or digits for an address.');
  const firstDate = previous && /^date: (.+)$/m.exec(previous)?.[1];
  const date = firstDate ? new Date(firstDate) : article.date;
  const path = storedPath ?? articleFilePath(context.articlesDir, date, slug);
  const photoPath = picture && imageFilePath(path, picture.from);
  const markdown = articleFileText(
    {
      title: article.title,
      slug,
      date,
      updated: article.updated,
      category: article.category,
      byline: article.byline,
      dateline: article.dateline,
      lede: article.lede,
      tags: article.tags,
      lang: article.lang,
      image:
        picture && photoPath
          ? {
              src: `./${basename(photoPath)}`,
              alt: picture.alt,
              caption: picture.caption,
              credit: picture.credit,
            }
          : undefined,
      draft: article.action === 'draft',
      wire: article.wire,
    },
    article.body,
  );
  mkdirSync(dirname(path), { recursive: true });
  if (storedPath) {
    if (picture && photoPath) copyFileSync(picture.from, photoPath);
    writeFileSync(path, markdown);
  } else {
    writeNewFile(path, markdown);
    if (picture && photoPath) copyFileSync(picture.from, photoPath);
  }
  context.index.set(item.id, { path: path.slice(context.articlesDir.length + 1), version: item.version });
  if (article.action === 'draft') notes.push('Withheld by the agency: saved as a draft (draft: true).');
  return { outcome: storedPath ? 'updated' : 'created', path, url: articlePath(osloDay(date), slug), notes };
}
