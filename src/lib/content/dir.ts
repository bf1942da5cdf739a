import { isLiveEntryPath } from './live.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { settings } from '../config.ts';
import type { ContentProblem } from './errors.ts';

/** The project's own content folder; its category list is the default for other folders. */
export const PROJECT_CONTENT_DIR = resolve('content');

/** Where articles and the category list are read from: `CONTENT_DIR`, default `content/`. */
export const CONTENT_DIR = resolve(settings().contentDir ?? PROJECT_CONTENT_DIR);

export const ARTICLES_DIR = join(CONTENT_DIR, 'articles');

export const CATEGORIES_FILE_NAME = 'categories.yaml';

/** The category list in force: the content folder's own, or the project's default list. */
export function categoriesFile(): string {
  const own = join(CONTENT_DIR, CATEGORIES_FILE_NAME);
  return existsSync(own) ? own : join(PROJECT_CONTENT_DIR, CATEGORIES_FILE_NAME);
}

/**
 * An article's id: its path under the articles folder, with "/" separators and without ".md"
 * ("2020/lavrov-i-moskva"). The store key and the name in messages; never the URL.
 */
export function articleId(relativePath: string): string {
  return relativePath.split(/[\\/]/).join('/').replace(/\.md$/, '');
}

/**
 * True for a path under the articles folder (relative, "/" separators) that names an article:
 * a `.md` file, not inside or named as a hidden (dot) file or folder. What glob('**\/*.md')
 * matched before the loader listed files itself.
 */
export function isArticleFile(relativePath: string): boolean {
  return isContentMarkdown(relativePath) && !isLiveEntryPath(relativePath);
}

/** A Markdown file in the articles folder that is not hidden: an article or a live entry. */
function isContentMarkdown(relativePath: string): boolean {
  const parts = relativePath.split('/');
  return (
    relativePath.endsWith('.md') &&
    parts.every((part) => part !== '' && part !== '..' && !part.startsWith('.'))
  );
}

/** A live story's entry (src/lib/content/live.ts): never an article of its own. */
export function isLiveEntryFile(relativePath: string): boolean {
  return isContentMarkdown(relativePath) && isLiveEntryPath(relativePath);
}

/**
 * The article files under `articlesDir`, relative with "/" separators, sorted (so the store is
 * filled in the same order on every machine). Symbolic links are not followed (see
 * symlinkProblems, which refuses those named like articles).
 */
export function listArticleFiles(articlesDir: string): string[] {
  return listMarkdown(articlesDir, isArticleFile);
}

/** The live entries under `articlesDir` (files in oppdateringer/ folders), as listArticleFiles. */
export function listLiveEntryFiles(articlesDir: string): string[] {
  return listMarkdown(articlesDir, isLiveEntryFile);
}

function listMarkdown(articlesDir: string, wanted: (path: string) => boolean): string[] {
  if (!existsSync(articlesDir)) return [];
  const files: string[] = [];
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(join(articlesDir, folder), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile() && wanted(path)) files.push(path);
    }
  }
  return files.sort();
}

export function readCategoriesText(): { text: string; file: string } {
  const file = categoriesFile();
  return { text: readFileSync(file, 'utf8'), file };
}

/**
 * Symbolic links under the articles folder to articles or folders, as problems for the report.
 * They are refused, not followed: a link can lead outside CONTENT_DIR (publishing or reading
 * files nobody meant to publish), and a link to an article inside it would publish that article
 * twice. Checked before any article is read. Photos may be links, as long as they lead to a
 * file inside CONTENT_DIR (src/lib/images/image-ref.ts checks that where a photo is used).
 */
export function symlinkProblems(
  articlesDir: string = ARTICLES_DIR,
  contentDir: string = CONTENT_DIR,
): ContentProblem[] {
  if (!existsSync(articlesDir)) return [];
  const leadsToFolder = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false; // a broken link: refused below if it is named like an article
    }
  };
  // Walked by hand: readdirSync's `recursive` descends into linked folders.
  const links: string[] = [];
  const folders = [articlesDir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isSymbolicLink() && (entry.name.endsWith('.md') || leadsToFolder(path)))
        links.push(path);
    }
  }
  return links
    .map((path) => relative(contentDir, path).split('\\').join('/'))
    .sort()
    .map((file) => ({
      file,
      problem: 'is a symbolic link; links to articles or folders under articles/ are not followed.',
      fix: 'Copy the article (or folder) into articles/ instead of linking to it.',
    }));
}
