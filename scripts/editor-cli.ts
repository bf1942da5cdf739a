/** What `npm run new` and `npm run import` share: options, checks and writing the file. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  articleFilePath,
  articleFileText,
  entryFileName,
  entryFileText,
  imageFilePath,
  writeNewArticle,
  type NewArticleFields,
} from '../src/lib/editor/article-file.ts';
import { inspectImage } from '../src/lib/images/image-file-check.ts';
import { imageNameProblem } from '../src/lib/images/image-ref.ts';
import { getCategories } from '../src/lib/content/categories.ts';
import { ARTICLES_DIR } from '../src/lib/content/dir.ts';
import { isoOslo, osloDay, parseDateTime } from '../src/lib/dates.ts';
import { parseArticleSource } from '../src/lib/content/frontmatter.ts';
import { ENTRIES_FOLDER, entryAnchor } from '../src/lib/content/live.ts';
import { isValidSlug, slugify } from '../src/lib/slug.ts';
import { articlePath, href, normaliseBase } from '../src/lib/urls.ts';
import { langProblem, parseLang, type Lang } from '../src/lib/lang.ts';

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

/** `--lang nn`: the article's written standard (left out, the site's default applies). */
export function langOption(raw: string | undefined): Lang | undefined {
  if (raw === undefined) return undefined;
  return parseLang(raw) ?? fail(langProblem('--lang', raw).replace('Leave it out', 'Leave --lang out'));
}

/** The options of a lead photo, shared by every editor tool. */
export const PHOTO_OPTIONS = {
  image: { type: 'string' },
  alt: { type: 'string' },
  caption: { type: 'string' },
  credit: { type: 'string' },
} as const;

export interface PhotoOption {
  /** The photo file to copy beside the article. */
  file: string;
  alt: string;
  caption: string | undefined;
  credit: string | undefined;
}

/** Checks --image and its text before anything is written: a readable photo, with alt text. */
export async function photoOption(values: {
  image?: string | undefined;
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}): Promise<PhotoOption | undefined> {
  const { image, alt, caption, credit } = values;
  if (!image) {
    if (alt || caption || credit)
      fail('--alt, --caption and --credit describe a photo: give it with --image.');
    return undefined;
  }
  if (!existsSync(image)) fail(`--image: ${image} does not exist.`);
  const badName = imageNameProblem(image, image);
  if (badName) fail(`--image: ${badName.problem} ${badName.fix}`);
  const checked = await inspectImage(image);
  if (!checked.ok) fail(`--image: The image ${image} ${checked.problem} ${checked.fix}`);
  if (!alt?.trim()) {
    fail(
      '--alt is required with --image: describe the photo for readers who cannot see it, e.g. --alt "Sergej Lavrov ved et bord i Moskva".',
    );
  }
  if (!credit)
    console.log(
      'Note: no --credit; the build will warn until the photo has one (e.g. --credit "Foto: NTB").',
    );
  return { file: image, alt: alt.trim(), caption, credit };
}

/** Writes the article (and copies its photo beside it) and prints where it went and its URL. */
export function createArticle(
  fields: NewArticleFields,
  body: string,
  slugOption?: string,
  photo?: PhotoOption,
): void {
  if (!fields.title.trim()) fail('--title is empty.');
  if (slugOption !== undefined && !isValidSlug(slugOption)) {
    fail('--slug must be lower-case ASCII words joined by "-", e.g. vapenhvile-i-karabakh.');
  }
  const slug = slugOption ?? slugify(fields.title);
  if (!slug) fail('The title has no letters or digits for a URL; give --slug.');
  const path = articleFilePath(ARTICLES_DIR, fields.date, slug, { folder: fields.live !== undefined });
  const photoPath = photo ? imageFilePath(path, photo.file) : undefined;
  const image =
    photo && photoPath
      ? { src: `./${basename(photoPath)}`, alt: photo.alt, caption: photo.caption, credit: photo.credit }
      : undefined;
  let markdown = articleFileText({ ...fields, image }, body);
  if (slugOption !== undefined) markdown = markdown.replace(/\ndate: /, `\nslug: ${slugOption}\ndate: `);
  try {
    writeNewArticle(path, markdown, photo && photoPath ? { from: photo.file, to: photoPath } : undefined);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const url = href(articlePath(osloDay(fields.date), slug), normaliseBase(process.env.BASE_PATH || '/'));
  const site = process.env.SITE_URL ? new URL(url, process.env.SITE_URL).href : url;
  const shown = relative(process.cwd(), path);
  console.log(`Created ${shown.startsWith('..') ? path : shown}`);
  if (photoPath) console.log(`Photo copied to ${photoPath}`);
  console.log(`URL: ${site}${fields.draft ? ' (once published: remove "draft: true")' : ''}`);
}

/** The options of `npm run new -- --entry FOLDER`. */
export interface EntryOptions {
  date?: string | undefined;
  title?: string | undefined;
  byline?: string | undefined;
  text?: string | undefined;
  pinned?: boolean | undefined;
  image?: string | undefined;
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** The live story in `folder` (its index.md): its coverage times and its address. */
function liveStory(folder: string): { start: Date; end: Date | undefined; path: string } {
  const index = basename(folder) === 'index.md' ? folder : join(folder, 'index.md');
  if (!existsSync(index)) {
    fail(
      `--entry: ${folder} has no index.md. Give the live story's folder (npm run new -- --live creates one).`,
    );
  }
  let data: Record<string, unknown>;
  try {
    data = parseArticleSource(readFileSync(index, 'utf8'), index).data;
  } catch (error) {
    fail(`--entry: ${error instanceof Error ? error.message : String(error)}`);
  }
  const live = data.live as { start?: unknown; end?: unknown } | undefined;
  const time = (value: unknown, field: string): Date => {
    const parsed = parseDateTime(String(value));
    if (!parsed.ok) fail(`--entry: ${index} → ${field}: ${parsed.message}`);
    return parsed.date;
  };
  if (!live || live.start === undefined) {
    fail(
      `--entry: ${index} is not a live story. Add to its front-matter:\nlive:\n  start: ${isoOslo(new Date())}`,
    );
  }
  const date = time(data.date, 'date');
  const slug = typeof data.slug === 'string' ? data.slug : slugify(String(data.title ?? ''));
  return {
    start: time(live.start, 'live.start'),
    end: live.end === undefined ? undefined : time(live.end, 'live.end'),
    path: articlePath(osloDay(date), slug),
  };
}

/**
 * Adds an entry to the live story in `folder`: FOLDER/oppdateringer/<hhmm>-<title>.md stamped
 * with the current Oslo time (or --date), its photo copied beside it; both or nothing.
 */
export async function createEntry(folder: string, values: EntryOptions): Promise<void> {
  const story = liveStory(folder.replace(/\/index\.md$/, ''));
  const storyFolder = folder.replace(/\/index\.md$/, '');
  // Whole minutes, as articles: the entry's time is what readers see.
  const date = values.date
    ? parseDateOption(values.date)
    : new Date(Math.floor(Date.now() / 60_000) * 60_000);
  if (date < story.start)
    fail(
      `The entry's time ${isoOslo(date)} is before the coverage started (live.start ${isoOslo(story.start)}).`,
    );
  if (story.end && date > story.end) {
    fail(
      `The coverage ended at ${isoOslo(story.end)} (live.end). Remove or move live.end in index.md to add entries.`,
    );
  }
  const dir = join(storyFolder, ENTRIES_FOLDER);
  if (values.pinned && existsSync(dir)) {
    const pinned = readdirSync(dir).find(
      (name) => name.endsWith('.md') && /^pinned:\s*true\s*$/m.test(readFileSync(join(dir, name), 'utf8')),
    );
    if (pinned) fail(`--pinned: ${join(dir, pinned)} is pinned already. Remove "pinned: true" there first.`);
  }
  const photo = await photoOption(values);
  const name = entryFileName(date, values.title, (n) => existsSync(join(dir, n)));
  const path = join(dir, name);
  const photoPath = photo ? path.replace(/\.md$/, extname(photo.file).toLowerCase()) : undefined;
  const text = values.text?.trim();
  const markdown = entryFileText(
    {
      date,
      title: values.title?.trim() || undefined,
      byline: values.byline,
      image:
        photo && photoPath
          ? { src: `./${basename(photoPath)}`, alt: photo.alt, caption: photo.caption, credit: photo.credit }
          : undefined,
      pinned: values.pinned,
      // Without --text the placeholder must not be published by the next build.
      draft: !text,
    },
    text || 'Skriv oppdateringen her.',
  );
  try {
    writeNewArticle(path, markdown, photo && photoPath ? { from: photo.file, to: photoPath } : undefined);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const url = href(story.path, normaliseBase(process.env.BASE_PATH || '/'));
  const site = process.env.SITE_URL ? new URL(url, process.env.SITE_URL).href : url;
  const shown = relative(process.cwd(), path);
  console.log(`Created ${shown.startsWith('..') ? path : shown}`);
  if (photoPath) console.log(`Photo copied to ${photoPath}`);
  console.log(`URL: ${site}#${entryAnchor(name)}${text ? '' : ' (once written: remove "draft: true")'}`);
}
