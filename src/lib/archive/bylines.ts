/**
 * Bylines: who wrote an article, as the text and links of its byline and as JSON-LD authors.
 * "Ola Nordmann og Kari Nordmann, NTB" names two people and an agency; each gets a page at
 * /av/{slug}/.
 *
 * People and organisations are told apart by name: an agency listed in NEWS_AGENCIES, or any
 * name written in capitals only (NTB, ANB, AFP), is an organisation; anything else is a person.
 * Wire bylines put the agency last after a comma, but the rule does not depend on position.
 */
import type { Article } from '../content/articles.ts';
import { slugify } from '../slug.ts';
import { groupArticles, type ArticleGroup } from './groups.ts';

/** News agencies whose names are not all capitals. */
export const NEWS_AGENCIES: ReadonlySet<string> = new Set(['reuters', 'bloomberg', 'ritzau']);

export interface Author {
  name: string;
  slug: string;
  kind: 'person' | 'organization';
}

/** A byline as text pieces: names (linked) and the separators between them (plain). */
export type BylinePart = { text: string; author?: undefined } | { text: string; author: Author };

/** Separators between names: commas, "og", "and", "&", "/". */
const SEPARATOR = /(\s*,\s*|\s+og\s+|\s+and\s+|\s*&\s*|\s*\/\s*)/i;

export const authorSlug = (name: string): string => slugify(name);

export function authorKind(name: string): Author['kind'] {
  const isCapitals = /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
  return isCapitals || NEWS_AGENCIES.has(name.toLowerCase()) ? 'organization' : 'person';
}

/** The byline as text pieces, in order; joined, they give the byline back as written. */
export function bylineParts(byline: string): BylinePart[] {
  const parts: BylinePart[] = [];
  byline.split(SEPARATOR).forEach((piece, i) => {
    if (piece === '') return;
    // split() with a capture group alternates: name, separator, name, …
    const name = piece.trim();
    const slug = authorSlug(name);
    if (i % 2 === 1 || slug === '') {
      parts.push({ text: piece });
      return;
    }
    const lead = piece.slice(0, piece.indexOf(name));
    if (lead) parts.push({ text: lead });
    parts.push({ text: name, author: { name, slug, kind: authorKind(name) } });
    const trail = piece.slice(piece.indexOf(name) + name.length);
    if (trail) parts.push({ text: trail });
  });
  return parts;
}

/** The people and organisations a byline names, once each, in order. */
export function bylineAuthors(byline: string | undefined): Author[] {
  if (!byline) return [];
  const seen = new Set<string>();
  const authors: Author[] = [];
  for (const part of bylineParts(byline)) {
    if (!part.author || seen.has(part.author.slug)) continue;
    seen.add(part.author.slug);
    authors.push(part.author);
  }
  return authors;
}

export interface AuthorGroup extends ArticleGroup {
  kind: Author['kind'];
}

/** Every person and organisation in a byline, with their articles, newest first. */
export function buildAuthors(newestFirst: readonly Article[]): Map<string, AuthorGroup> {
  const groups = groupArticles(newestFirst, (a) => bylineAuthors(a.byline));
  return new Map([...groups].map(([slug, group]) => [slug, { ...group, kind: authorKind(group.name) }]));
}
