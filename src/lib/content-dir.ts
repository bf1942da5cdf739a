import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project's own content folder; its category list is the default for other folders. */
export const PROJECT_CONTENT_DIR = resolve('content');

/** Where articles and the category list are read from: `CONTENT_DIR`, default `content/`. */
export const CONTENT_DIR = resolve(process.env.CONTENT_DIR || PROJECT_CONTENT_DIR);

export const ARTICLES_DIR = join(CONTENT_DIR, 'articles');

export const CATEGORIES_FILE_NAME = 'categories.yaml';

/** The category list in force: the content folder's own, or the project's default list. */
export function categoriesFile(): string {
  const own = join(CONTENT_DIR, CATEGORIES_FILE_NAME);
  return existsSync(own) ? own : join(PROJECT_CONTENT_DIR, CATEGORIES_FILE_NAME);
}

export function readCategoriesText(): { text: string; file: string } {
  const file = categoriesFile();
  return { text: readFileSync(file, 'utf8'), file };
}
