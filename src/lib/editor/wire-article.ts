/**
 * A WireItem (wire-item.ts) → the article it becomes: front-matter fields, Markdown body, what to
 * do with it (publish, hold as a draft, kill) and its picture. Every rule of the mapping lives
 * here (README, "Wire import"):
 *   headline → title; summary → lede; by/creator → byline ("Av " dropped); located → dateline;
 *   language → lang (nb, nn; "no" is the site's default); the first subject the mapping file
 *   names → category, the other subjects and the places → tags; firstCreated → date, a later
 *   embargo → date (our embargo rule then applies); versionCreated of a later version → updated;
 *   usable → published, withheld → draft, canceled → killed.
 */
import { parseLang, type Lang } from '../lang.ts';
import { parseSettingsYaml } from '../content/settings-file.ts';
import { WireFormatError, type WireItem, type WirePicture } from './wire-item.ts';
import { wireHtmlToMarkdown } from './wire-markdown.ts';

/** Subject names (lower case) → category slugs, from content/wire-categories.yaml. */
export type WireCategories = Map<string, string>;

/** The file's mapping: `Innenriks: innenriks` lines; each slug must be a category. */
export function parseWireCategories(source: string, file: string, slugs: readonly string[]): WireCategories {
  const parsed = parseSettingsYaml(source, file);
  if (parsed === undefined) return new Map();
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `${file}: must map the wire's subject names to categories, e.g.\nInnenriks: innenriks\nUtenriks: utenriks`,
    );
  }
  const map: WireCategories = new Map();
  for (const [subject, slug] of Object.entries(parsed)) {
    if (typeof slug !== 'string' || !slugs.includes(slug)) {
      throw new Error(
        `${file} → ${subject}: "${String(slug)}" is not a category. Use one of ${slugs.join(', ')}.`,
      );
    }
    map.set(subject.trim().toLowerCase(), slug);
  }
  return map;
}

/** What the importer does with the story. */
export type WireAction = 'publish' | 'draft' | 'kill';

export interface WireArticle {
  wire: { id: string; version: number | undefined };
  action: WireAction;
  title: string;
  date: Date;
  updated: Date | undefined;
  category: string;
  lede: string | undefined;
  byline: string | undefined;
  dateline: string | undefined;
  lang: Lang | undefined;
  tags: string[];
  body: string;
  /** The first picture with a file, for the lead photo. */
  picture: WirePicture | undefined;
}

/** "Av Kari Nordmann, NTB" → "Kari Nordmann, NTB". */
const byline = (by: string | undefined) => by?.replace(/^(av|by|von|fra)\s+/i, '').trim() || undefined;

/** The written standard; a language other than Norwegian is refused (the site is Norwegian). */
function wireLang(language: string | undefined): Lang | undefined {
  if (!language) return undefined;
  const lang = parseLang(language);
  if (lang) return lang;
  if (/^(no|nor)([-_]no)?$/i.test(language.trim())) return undefined;
  throw new WireFormatError(
    `The story is in "${language}", not bokmål (nb) or nynorsk (nn): this site publishes Norwegian text only.`,
  );
}

/** The article a wire story becomes; an error names what is missing and how to fix it. */
export function wireToArticle(item: WireItem, categories: WireCategories, mappingFile: string): WireArticle {
  const title = item.headline?.replace(/\s+/g, ' ').trim();
  if (!title)
    throw new WireFormatError(
      'The story has no headline (a "main" headline): it cannot be published without one.',
    );
  const match = item.subjects.find((subject) => categories.has(subject.toLowerCase()));
  if (!match) {
    const subjects = item.subjects.length > 0 ? item.subjects.map((s) => `"${s}"`).join(', ') : 'none';
    throw new WireFormatError(
      `No category fits the story's subjects (${subjects}). Map one in ${mappingFile}, e.g. "${item.subjects[0] ?? 'Innenriks'}: innenriks".`,
    );
  }
  const category = categories.get(match.toLowerCase()) as string;
  const created = item.firstCreated ?? item.versionCreated;
  if (!created) throw new WireFormatError('The story has no creation time (firstCreated or versionCreated).');
  // An embargo later than the story's creation is its publication time: our embargo rule applies.
  const date = item.embargoedUntil && item.embargoedUntil > created ? item.embargoedUntil : created;
  const updated = item.versionCreated && item.versionCreated > date ? item.versionCreated : undefined;
  const seen = new Set<string>();
  const tags = [
    ...item.subjects.filter((s) => s !== match && !categories.has(s.toLowerCase())),
    ...item.places,
  ].filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key) || !/[\p{L}\p{N}]/u.test(tag)) return false;
    seen.add(key);
    return true;
  });
  const body = item.bodyHtml ? wireHtmlToMarkdown(item.bodyHtml) : '';
  const action: WireAction =
    item.pubStatus === 'canceled' ? 'kill' : item.pubStatus === 'withheld' ? 'draft' : 'publish';
  if (!body && action !== 'kill') throw new WireFormatError('The story has no text (no body).');
  return {
    wire: { id: item.id, version: item.version },
    action,
    title,
    date,
    updated,
    category,
    lede: item.lede?.replace(/\s+/g, ' ').trim() || undefined,
    byline: byline(item.byline),
    dateline: item.dateline,
    lang: wireLang(item.language),
    tags,
    body,
    picture: item.pictures.find((p) => p.href),
  };
}
