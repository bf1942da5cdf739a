/**
 * Reading and checking live stories' entries (src/lib/content/live.ts): every Markdown file in an
 * `oppdateringer/` folder under the articles folder, parsed and checked (its fields, its photo,
 * its time against its story's `live`, one pinned entry per story), every problem reported
 * together naming the file, the field and the fix. The entries' loader (live-loader.ts) and
 * `npm run check:content` share it, so both say the same.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import { ContentError, fieldPath, type ContentProblem } from './errors.ts';
import { listLiveEntryFiles } from './dir.ts';
import { parseArticleSource } from './frontmatter.ts';
import { entryProblems, storyFileOfEntry, storyIdOfEntry, type LiveData } from './live.ts';
import { dateTime, LIVE_ENTRY_FIELDS, liveEntrySchema } from './schema.ts';
import { inspectImage } from '../images/image-file-check.ts';
import type { ImageFacts } from './articles.ts';

const liveField = z.object({ start: dateTime('live.start'), end: dateTime('live.end').optional() });

/** The story beside an entry folder: whether its index.md exists, and its `live` when valid. */
function readStory(dir: string, entryPath: string): { exists: boolean; live: LiveData | undefined; digest: string } {
  const path = join(dir, storyFileOfEntry(entryPath));
  let contents: string;
  try {
    contents = readFileSync(path, 'utf8');
  } catch {
    return { exists: false, live: undefined, digest: '' };
  }
  try {
    const { data } = parseArticleSource(contents, path);
    const live = liveField.safeParse(data.live);
    // A broken index.md is reported by the articles loader; its entries wait for it.
    return { exists: true, live: live.success ? live.data : undefined, digest: JSON.stringify(data.live ?? null) };
  } catch {
    return { exists: true, live: undefined, digest: '' };
  }
}

/** An entry that passed every check: what the loader stores. */
export interface CheckedEntry {
  /** "2020/uvaer/oppdateringer/2115-storm" */
  id: string;
  /** Absolute path. */
  path: string;
  /** The file's text, front-matter and all (its digest). */
  contents: string;
  /** The front-matter as written. */
  data: Record<string, unknown>;
  /** The Markdown text. */
  body: string;
  imageFacts: ImageFacts | undefined;
  /** Stands for the story's `live` in the entry's digest: a changed start or end checks it again. */
  storyDigest: string;
}

/** Every entry under `dir`, checked; `contentDir` is what messages name files relative to. */
export async function checkLiveEntries(
  dir: string,
  contentDir: string,
): Promise<{ entries: CheckedEntry[]; problems: ContentProblem[]; rejected: Set<string>; files: number }> {
  const schema = liveEntrySchema();
  const problems: ContentProblem[] = [];
  const entries: CheckedEntry[] = [];
  const stories = new Map<string, ReturnType<typeof readStory>>();
  const pinned = new Map<string, string>();
  /** The ids of entries with a problem (the dev server keeps their last good version). */
  const rejected = new Set<string>();
  const files = listLiveEntryFiles(dir);
  for (const entryPath of files) {
    const path = join(dir, entryPath);
    const file = relative(contentDir, path).split(sep).join('/');
    const id = entryPath.replace(/\.md$/, '');
    const problem = (field: string | undefined, text: string, fix: string) => {
      rejected.add(id);
      problems.push({ file, field: field || undefined, problem: text, fix });
    };
    let source;
    let contents: string;
    try {
      contents = readFileSync(path, 'utf8');
      source = parseArticleSource(contents, file, () => readFileSync(path));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      rejected.add(id);
      problems.push(error.problem);
      continue;
    }
    for (const key of Object.keys(source.data)) {
      if (!(LIVE_ENTRY_FIELDS as readonly string[]).includes(key)) {
        problem(key, 'is not a field of a live entry.', `The fields are ${LIVE_ENTRY_FIELDS.join(', ')}.`);
      }
    }
    const parsed = schema.safeParse(source.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(fieldPath(issue.path), issue.message, '');
      continue;
    }
    const storyId = storyIdOfEntry(entryPath);
    const story = stories.get(storyId) ?? readStory(dir, entryPath);
    stories.set(storyId, story);
    const before = parsed.data.pinned && !parsed.data.draft ? pinned.get(storyId) : undefined;
    for (const p of entryProblems(parsed.data, story, before)) problem(p.field, p.problem, p.fix);
    if (parsed.data.pinned && !parsed.data.draft && !before) pinned.set(storyId, file);
    if (source.body.trim() === '') {
      problem(undefined, 'The entry has no text.', 'Write the update below the front-matter.');
    }
    if (/!\[[^\]]*\]\(/.test(source.body) || /<img\b/i.test(source.body)) {
      problem(undefined, 'An entry cannot have images in its text.', 'Give the entry its photo with image: (src, alt).');
    }
    let imageFacts: ImageFacts | undefined;
    if (parsed.data.image) {
      const check = await inspectImage(resolve(dirname(path), parsed.data.image.src));
      if (check.ok) imageFacts = check.facts;
      else problem('image.src', `${parsed.data.image.src}: ${check.problem}`, check.fix);
    }
    if (rejected.has(id)) continue;
    entries.push({
      id,
      path,
      contents,
      data: source.data,
      body: source.body.trim(),
      imageFacts,
      storyDigest: story.digest,
    });
  }
  return { entries, problems, rejected, files: files.length };
}
