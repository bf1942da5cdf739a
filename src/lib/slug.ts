/** Norwegian letters get their conventional ASCII spelling rather than being stripped. */
const TRANSLITERATION: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  å: 'a',
  ß: 'ss',
  þ: 'th',
  ð: 'd',
  đ: 'd',
  ł: 'l',
  œ: 'oe',
};

/** Longest slug derived from a title; an explicit `slug` may be longer. */
export const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug: lower-case ASCII words joined by "-". æ→ae, ø→o, å→a; other accents are stripped
 * (é→e, ü→u); anything else separates words. Returns "" when nothing usable is left.
 */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[æøåßþðđłœ]/g, (ch) => TRANSLITERATION[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  // Long headlines make unwieldy URLs: cut at the last whole word that fits.
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/** True when a front-matter `slug` override is already in slug form. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
