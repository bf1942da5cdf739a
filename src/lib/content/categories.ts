/** The category list: parsed and checked once, then looked up by slug. */
import { parseSettingsYaml } from './settings-file.ts';
import { readCategoriesText } from './dir.ts';
import { isValidSlug } from '../slug.ts';
import { isReservedTopLevelSegment } from '../urls.ts';
import { SITE_LANG, type Lang } from '../lang.ts';

export interface Category {
  /** URL segment and front-matter value, e.g. "okonomi". */
  slug: string;
  /** Display name, e.g. "Økonomi". */
  name: string;
  /** The nynorsk name where it differs ("Utanriks"), shown in nynorsk articles and pages. */
  nn?: string | undefined;
  description: string;
}

/** Parses `categories.yaml` (a list of {slug, name, description}); throws with the fix on error. */
export function parseCategories(text: string, file: string): Category[] {
  const parsed = parseSettingsYaml(text, file);
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new Error(`${file}: expected a list of categories ("- slug: …" entries), found none.`);
  }
  const seen = new Set<string>();
  return parsed.map((raw: unknown, i): Category => {
    const where = `${file}, category ${i + 1}`;
    const entry = (raw ?? {}) as Record<string, unknown>;
    const { slug, name, nn, description = '' } = entry;
    if (typeof slug !== 'string' || !isValidSlug(slug)) {
      throw new Error(`${where}: "slug" must be lower-case ASCII words joined by "-", e.g. okonomi.`);
    }
    if (isReservedTopLevelSegment(slug)) {
      throw new Error(`${where}: slug "${slug}" is reserved for the site's own pages. Pick another.`);
    }
    if (seen.has(slug)) throw new Error(`${where}: slug "${slug}" is listed twice.`);
    seen.add(slug);
    if (typeof name !== 'string' || name.trim() === '') {
      throw new Error(`${where}: "name" (the Norwegian display name) is missing.`);
    }
    if (typeof description !== 'string') {
      throw new Error(`${where}: "description" must be text.`);
    }
    if (nn !== undefined && (typeof nn !== 'string' || nn.trim() === '')) {
      throw new Error(`${where}: "nn" (the nynorsk name, e.g. nn: Utanriks) must be text; leave it out when it is the same.`);
    }
    return { slug, name: name.trim(), ...(nn === undefined ? {} : { nn: nn.trim() }), description: description.trim() };
  });
}

let categories: Category[] | undefined;
let bySlug: Map<string, Category> | undefined;

/** The categories in force for this build, in the list's order (the front page's order). */
export function getCategories(): Category[] {
  if (!categories) {
    const { text, file } = readCategoriesText();
    categories = parseCategories(text, file);
  }
  return categories;
}

/**
 * The category's name in a written standard (the site's by default: menus, lists, search): its
 * nynorsk name when it has one.
 */
export function categoryName(category: Category, lang: Lang = SITE_LANG): string {
  return (lang === 'nn' && category.nn) || category.name;
}

/** The category for a slug (looked up for every list item, so by map); the schema guarantees it exists. */
export function getCategory(slug: string): Category {
  bySlug ??= new Map(getCategories().map((c) => [c.slug, c]));
  const found = bySlug.get(slug);
  if (!found) throw new Error(`Unknown category "${slug}".`);
  return found;
}
