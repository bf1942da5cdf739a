/**
 * Validates every article, live entry, site.yaml and authors.yaml without building the site, with the
 * build's own messages:
 *   npm run check:content            (CONTENT_DIR as for the build)
 * Exits 1 when any file has an error; warnings are listed but do not fail.
 * Lead photos are checked like the build checks them; Markdown plugin errors and the body's
 * images show only in a build (this does not render).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getCategories } from '../src/lib/content/categories.ts';
import { formatReport } from '../src/lib/content/errors.ts';
import {
  ARTICLES_DIR,
  articleId,
  CONTENT_DIR,
  listArticleFiles,
  symlinkProblems,
} from '../src/lib/content/dir.ts';
import { ImageFileChecks } from '../src/lib/images/image-file-check.ts';
import { validationSchema } from '../src/lib/content/schema.ts';
import { ContentCheck } from '../src/lib/content/validate.ts';
import { getPublication } from '../src/lib/content/publication.ts';
import { getAuthorProfiles } from '../src/lib/content/authors.ts';
import { checkLiveEntries } from '../src/lib/content/live-entries.ts';

/** The settings files' problems (each message names the file, the entry and the fix). */
const settingsProblems: string[] = [];
for (const read of [getPublication, getAuthorProfiles]) {
  try {
    read();
  } catch (error) {
    settingsProblems.push(error instanceof Error ? error.message : String(error));
  }
}

const schema = validationSchema(getCategories().map((c) => c.slug) as [string, ...string[]]);
const check = new ContentCheck(schema);
const images = new ImageFileChecks();
// Links are refused before any article is read, as the build does (src/lib/content/dir.ts).
const links = symlinkProblems();
// The files the build reads (src/lib/content/dir.ts).
const files = links.length > 0 ? [] : listArticleFiles(ARTICLES_DIR);

for (const entry of files) {
  const path = join(ARTICLES_DIR, entry);
  const bytes = readFileSync(path);
  const id = articleId(entry);
  const file = relative(CONTENT_DIR, path);
  const result = check.add(new TextDecoder().decode(bytes), file, id, () => bytes);
  const lead = result.data?.image;
  if (lead)
    await check.addImages(
      [{ src: lead.src, field: 'image.src', lead: true }],
      path,
      file,
      CONTENT_DIR,
      images,
    );
}
check.finish();
// Live stories' entries, checked as their loader checks them.
const live =
  links.length > 0 ? { problems: [], files: 0 } : await checkLiveEntries(ARTICLES_DIR, CONTENT_DIR);
const { warnings } = check;
const errors = [...links, ...check.errors, ...live.problems];

const report = formatReport(errors, warnings);
if (report) console.log(report);
for (const problem of settingsProblems) console.log(problem);
console.log(
  `${files.length} article file${files.length === 1 ? '' : 's'}${live.files > 0 ? ` and ${live.files} live entr${live.files === 1 ? 'y' : 'ies'}` : ''} checked in ${CONTENT_DIR}: ${errors.length} error(s), ${warnings.length} warning(s).`,
);
process.exitCode = errors.length > 0 || settingsProblems.length > 0 ? 1 : 0;
