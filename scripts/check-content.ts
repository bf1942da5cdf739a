/**
 * Validates every article without building the site, with the build's own messages:
 *   npm run check:content            (CONTENT_DIR as for the build)
 * Exits 1 when any article has an error; warnings are listed but do not fail.
 * Markdown plugin errors show only in a build (this does not render).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getCategories } from '../src/lib/categories.ts';
import { formatReport } from '../src/lib/content-error.ts';
import { ARTICLES_DIR, CONTENT_DIR } from '../src/lib/content-dir.ts';
import { articleSchema } from '../src/lib/schema.ts';
import { ContentCheck } from '../src/lib/validate.ts';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.md'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

const schema = articleSchema(getCategories().map((c) => c.slug) as [string, ...string[]]);
const check = new ContentCheck(schema);
const files = markdownFiles(ARTICLES_DIR);

for (const path of files) {
  const bytes = readFileSync(path);
  const id = relative(ARTICLES_DIR, path).replace(/\.md$/, '');
  check.add(new TextDecoder().decode(bytes), relative(CONTENT_DIR, path), id, () => bytes);
}
check.finish();
const { errors, warnings } = check;

const report = formatReport(errors, warnings);
if (report) console.log(report);
console.log(
  `${files.length} article file${files.length === 1 ? '' : 's'} checked in ${CONTENT_DIR}: ${errors.length} error(s), ${warnings.length} warning(s).`,
);
process.exitCode = errors.length > 0 ? 1 : 0;
