/**
 * Validates every article without building the site, with the build's own messages:
 *   npm run check:content            (CONTENT_DIR as for the build)
 * Exits 1 when any article has an error; warnings are listed but do not fail.
 * Markdown plugin errors show only in a build (this does not render).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toArticle, type Article } from '../src/lib/articles.ts';
import { getCategories } from '../src/lib/categories.ts';
import { formatReport, type ContentProblem } from '../src/lib/content-error.ts';
import { ARTICLES_DIR, CONTENT_DIR } from '../src/lib/content-dir.ts';
import { articleSchema } from '../src/lib/schema.ts';
import { duplicateUrlProblems, urlProblems, validateArticleFile } from '../src/lib/validate.ts';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.md'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

const schema = articleSchema(getCategories().map((c) => c.slug) as [string, ...string[]]);
const errors: ContentProblem[] = [];
const warnings: ContentProblem[] = [];
const articles: Article[] = [];
const files = markdownFiles(ARTICLES_DIR);

for (const path of files) {
  const file = relative(CONTENT_DIR, path);
  const bytes = readFileSync(path);
  const result = validateArticleFile(new TextDecoder().decode(bytes), file, schema, () => bytes);
  warnings.push(...result.warnings);
  if (result.data) {
    const article = toArticle(relative(ARTICLES_DIR, path), file, result.data, undefined);
    const problems = urlProblems(article);
    if (problems.length === 0) articles.push(article);
    result.errors.push(...problems);
  }
  errors.push(...result.errors);
}
errors.push(...duplicateUrlProblems(articles));

const report = formatReport(errors, warnings);
if (report) console.log(report);
console.log(
  `${files.length} article file${files.length === 1 ? '' : 's'} checked in ${CONTENT_DIR}: ${errors.length} error(s), ${warnings.length} warning(s).`,
);
process.exitCode = errors.length > 0 ? 1 : 0;
