/**
 * The only module that calls getCollection(). It loads the articles once per build, applies
 * the publishing rule, checks URLs are unique and builds the archive index; every page reads
 * from the memoised result.
 */
import type { ImageMetadata } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { isPublished, teaserOf, toArticle, type Article, type ArticleImage, type ImageFacts } from './articles.ts';
import { buildArchive, type Archive } from '../archive/archive.ts';
import { listingPages, type ListingPage } from '../archive/routes.ts';
import { getCategories } from './categories.ts';
import { newsSitemapLeaves, sitemapParts, type SitemapUrl } from '../distribution/sitemaps.ts';
import { SITE } from '../site.ts';
import { formatReport } from './errors.ts';
import { pageKeys, shareInKeys } from '../build/cache-key.ts';
import { getPublication } from './publication.ts';
import { formatDateTime, isoOslo } from '../dates.ts';
import { splitCaption } from '../images/picture.ts';
import { getBuildNow } from '../now.ts';
import { settings } from '../config.ts';
import { earliest, writeNextChange } from '../build/up-to-date.ts';
import { duplicateUrlProblems } from './validate.ts';
import { readRenderFacts } from '../markdown/render-facts.ts';
import { readBody } from './body-files.ts';
import { correctionsLog, type LoggedCorrection } from '../archive/corrections-log.ts';
import { recordGone } from '../build/redirects.ts';
import {
  entryAnchor,
  liveCoverage,
  publishedEntries,
  storyIdOfEntry,
  type LiveCoverage,
  type LiveEntry,
} from './live.ts';
import { plainText } from '../escape.ts';
import { storedCount } from './stored-count.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
type LiveEntryEntry = CollectionEntry<'liveEntries'>;

export interface SiteData {
  archive: Archive;
  /** The content entry of a published article: its rendered body and images. */
  entry(id: string): ArticleEntry;
  /** The build's "now". */
  now: Date;
}

/**
 * The imports Astro's image pipeline takes, by ArticleImage.key. They stay here, out of the
 * plain data that pages, lists and cache keys pass around: an import is a proxy that marks the
 * original file as used (and publishes it, camera metadata and all) when any field is read.
 */
const imageImports = new Map<string, ImageMetadata>();

/** The import of an article image, for getImage() (src/lib/images/render.ts) and nothing else. */
export function imageImport(image: ArticleImage): ImageMetadata {
  const found = imageImports.get(image.key);
  if (!found) throw new Error(`No image import for ${image.key}.`);
  return found;
}

function articleImage(
  entry: Pick<ArticleEntry, 'id' | 'filePath'>,
  slot: string,
  src: unknown,
  facts: ImageFacts | undefined,
  text: { alt: string; caption: string | undefined; credit: string | undefined },
): ArticleImage {
  if (!facts || typeof src !== 'object' || src === null) {
    throw new Error(`${entry.filePath ?? entry.id}: an image was not imported; build again with --force.`);
  }
  const key = `${entry.id}#${slot}`;
  imageImports.set(key, src as ImageMetadata);
  return { key, ...facts, ...text };
}

/** The lead photo under the headline, if the article has one. */
export function leadImage(entry: ArticleEntry): ArticleImage | undefined {
  const lead = entry.data.image;
  if (!lead) return undefined;
  const { alt, caption, credit } = lead;
  return articleImage(entry, 'lead', lead.src, entry.data.imageFacts.lead, { alt, caption, credit });
}

/** The body's images, in order (src/lib/images/body-images.ts). */
export function bodyImages(entry: ArticleEntry): (ArticleImage & { block: boolean })[] {
  return entry.data.bodyImages.map((image, i) => {
    const facts = entry.data.imageFacts.body[i];
    const found = articleImage(entry, String(i), image.src, facts, {
      alt: image.alt,
      ...splitCaption(image.title),
    });
    return { ...found, block: image.block };
  });
}

/**
 * Embargoed articles go live only with a rebuild: say when the next one is due, so operators
 * can schedule it (README, "Deploy").
 */
function announceNextEmbargo(all: readonly Article[], now: Date): Date | undefined {
  const next = all
    .filter((a) => !a.draft && a.date.getTime() > now.getTime())
    .sort((a, b) => a.date.getTime() - b.date.getTime())[0];
  if (next) {
    console.log(
      `[embargo] Next embargoed article: ${next.file} at ${isoOslo(next.date)} (${formatDateTime(next.date)}). Rebuild after that time to publish it.`,
    );
  }
  return next?.date;
}

/** A live story's entry as pages show it: its rendered text, anchor and photo. */
function toLiveEntry(entry: LiveEntryEntry): LiveEntry {
  const html = entry.rendered?.html ?? '';
  const lead = entry.data.image;
  return {
    anchor: entryAnchor(entry.id),
    file: entry.filePath ?? entry.id,
    date: entry.data.date,
    title: entry.data.title,
    byline: entry.data.byline,
    pinned: entry.data.pinned,
    draft: entry.data.draft,
    html,
    text: plainText(html),
    image:
      lead &&
      articleImage(entry, 'lead', lead.src, entry.data.imageFacts, {
        alt: lead.alt,
        caption: lead.caption,
        credit: lead.credit,
      }),
  };
}

/** The live stories' entries, by the id of their story. */
async function liveEntriesByStory(): Promise<Map<string, LiveEntry[]>> {
  const byStory = new Map<string, LiveEntry[]>();
  // Astro warns about an empty collection on every build; most builds have no live story.
  if (storedCount('liveEntries') === 0) return byStory;
  for (const entry of await getCollection('liveEntries')) {
    const story = storyIdOfEntry(entry.id);
    const list = byStory.get(story) ?? [];
    list.push(toLiveEntry(entry));
    byStory.set(story, list);
  }
  return byStory;
}

async function load(): Promise<SiteData> {
  const entries = await getCollection('articles');
  const now = getBuildNow();
  // Drafts are shown (and marked) only by the dev server, never in a build.
  const includeDrafts = __SHOW_DRAFTS__;
  const liveEntries = await liveEntriesByStory();
  /** Times at which a live story changes by the clock alone: an embargoed entry, its end. */
  const liveChanges: Date[] = [];
  const coverageOf = (entry: ArticleEntry): LiveCoverage | undefined => {
    const live = entry.data.live;
    if (!live) return undefined;
    const all = liveEntries.get(entry.id) ?? [];
    for (const e of all) if (!e.draft && e.date.getTime() > now.getTime()) liveChanges.push(e.date);
    if (live.end && live.end.getTime() > now.getTime()) liveChanges.push(live.end);
    return liveCoverage(live, publishedEntries(all, now, includeDrafts), now);
  };
  const all: Article[] = entries.map((entry) => {
    const { derivedLede, wordCount } = readRenderFacts(entry.rendered?.metadata);
    // Lists, link previews and search show the lead photo, else the body's first image.
    const image = leadImage(entry) ?? bodyImages(entry)[0];
    return toArticle(entry.id, entry.filePath ?? entry.id, entry.data, derivedLede, wordCount, image, coverageOf(entry));
  });
  // Checked over drafts and embargoed articles too: a clash must fail today's build, not
  // the scheduled rebuild that publishes the second article.
  // The loader reports clashes with the other content errors; this guards the dev server,
  // whose watcher reloads single files without that check.
  const clashes = duplicateUrlProblems(all);
  if (clashes.length > 0) throw new Error(formatReport(clashes));
  const published = all.filter((article) => isPublished(article, now, { includeDrafts }));
  // Killed stories that had been published: their addresses answer 410 Gone (nginx).
  recordGone(all.filter((a) => a.killed && !a.draft && a.date.getTime() <= now.getTime()).map((a) => a.path));
  for (const a of all) {
    if (a.killed) {
      const reason = a.killed.reason ? `: ${a.killed.reason.replace(/[.!]$/, '')}` : '';
      console.log(`[wire] Killed: ${a.file} (${a.path}) at ${isoOslo(a.killed.at)}${reason}.`);
    }
  }
  shareInKeys(published);
  shareInKeys(published.map(teaserOf));
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const entry = (id: string): ArticleEntry => {
    const found = byId.get(id);
    if (!found) throw new Error(`No content entry for article "${id}".`);
    return found;
  };
  const nextEmbargo = announceNextEmbargo(all, now);
  const archive = buildArchive(published);
  // `npm run build` skips a build with unchanged inputs until the output would change by the
  // clock alone (build/up-to-date.ts): an embargo lapses, or a story leaves the news sitemap.
  if (!includeDrafts) {
    const cacheDir = resolve(settings().cacheDir);
    mkdirSync(cacheDir, { recursive: true });
    const leaving = newsSitemapLeaves(archive.articles, now);
    writeNextChange(
      cacheDir,
      earliest([
        ...(nextEmbargo ? [{ at: nextEmbargo, what: 'an embargoed article is due' }] : []),
        ...(leaving ? [{ at: leaving, what: 'an article leaves the news sitemap' }] : []),
        ...liveChanges.map((at) => ({ at, what: 'a live entry is due, or live coverage ends' })),
      ]),
    );
  }
  return { archive, entry, now };
}

/**
 * The key function of this build's pages (src/lib/build/cache-key.ts). Every page shows the
 * category menu and the footer (site.yaml's editor and contacts) beside its own data, so both
 * are in every key: a change to either renders every page again.
 */
export function sitePageKeys(): (pageData: unknown) => string {
  // Keys let a build reuse pages; the dev server renders each request afresh and never reads
  // them, and hashing every page's data after each saved article cost it time at 10 000.
  if (__DEV_SERVER__) return () => 'dev';
  return pageKeys({ categories: getCategories(), publication: getPublication() });
}

let siteData: Promise<SiteData> | undefined;

/** Published articles, sorted and grouped: computed once per build. */
export function getSiteData(): Promise<SiteData> {
  siteData ??= load();
  return siteData;
}

let listing: Promise<ListingPage[]> | undefined;

/** Every list page (categories, topics, bylines, days, months, years): computed once per build. */
export function getListingPages(): Promise<ListingPage[]> {
  listing ??= getSiteData().then(({ archive }) => listingPages(archive, getCategories(), SITE.pageSize));
  return listing;
}

/** An author's profile (authors.yaml) as their byline page shows it; the photo as an ArticleImage. */
export interface AuthorCard {
  name: string;
  slug: string;
  role: string | undefined;
  bio: string | undefined;
  email: string | undefined;
  photo: ArticleImage | undefined;
}

let authorCards: Promise<Map<string, AuthorCard>> | undefined;

/** The author profiles by byline slug, read once per build. */
export function getAuthorCards(): Promise<Map<string, AuthorCard>> {
  // Astro warns about an empty collection (in the dev server on every save); many sites have none.
  authorCards ??= (storedCount('authors') === 0 ? Promise.resolve([]) : getCollection('authors')).then(
    (entries) =>
      new Map(
        entries.map(({ id, data }) => {
          let photo: ArticleImage | undefined;
          if (data.photo && data.photoFacts) {
            const key = `authors/${id}#photo`;
            imageImports.set(key, data.photo.src);
            photo = { key, ...data.photoFacts, alt: data.photo.alt, caption: undefined, credit: undefined };
          }
          const card: AuthorCard = {
            name: data.name,
            slug: data.slug,
            role: data.role,
            bio: data.bio,
            email: data.email,
            photo,
          };
          return [id, card];
        }),
      ),
  );
  return authorCards;
}

let corrections: Promise<LoggedCorrection[]> | undefined;

/** Every correction on the site, newest first (the log at /rettelser/ and its feeds). */
export function getCorrectionsLog(): Promise<LoggedCorrection[]> {
  corrections ??= getSiteData().then(({ archive }) => correctionsLog(archive.articles));
  return corrections;
}

let sitemaps: Promise<Map<string, SitemapUrl[]>> | undefined;

/** The site's pages by sitemap (src/lib/distribution/sitemaps.ts): computed once per build. */
export function getSitemapParts(): Promise<Map<string, SitemapUrl[]>> {
  sitemaps ??= Promise.all([getSiteData(), getListingPages()]).then(([{ archive }, pages]) =>
    sitemapParts(archive, pages),
  );
  return sitemaps;
}

export interface BodyOutline {
  headings: { depth: number; slug: string; text: string }[];
}

/** The rendered body's HTML (kept in a file of its own, src/lib/content/body-files.ts). */
export function bodyHtml(entry: ArticleEntry): string {
  return readBody(entry.rendered, entry.filePath ?? entry.id);
}

/** The body's headings, as collected when the entry was rendered. */
export function bodyOutline(entry: ArticleEntry): BodyOutline {
  const metadata = entry.rendered?.metadata;
  return {
    headings: Array.isArray(metadata?.headings) ? (metadata.headings as BodyOutline['headings']) : [],
  };
}
