/**
 * The two written standards of Norwegian: bokmål (`nb`) and nynorsk (`nn`). Every decision about
 * a page's or a story's language is made here: what front-matter may say, what a page is marked
 * as, and the codes feeds, Open Graph and sitemaps want. Pure (the search script imports it too).
 */

export const LANGS = ['nb', 'nn'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The site's default language (content/site.yaml `language`), fixed when the build starts
 * (src/lib/build/flags.ts). The site's chrome (menu, footer, search) speaks it, and so does every
 * article without `lang`; outside a build (unit tests) it is bokmål.
 */
export const SITE_LANG: Lang = typeof __SITE_LANG__ === 'undefined' ? 'nb' : __SITE_LANG__;

/** What an editor may write: the two codes, also with the country (BCP 47 `nn-NO`, `nb_NO`). */
const ACCEPTED = /^(nb|nn)(?:[-_]no)?$/i;

/** The language a front-matter or settings value names, or undefined when it names neither. */
export function parseLang(raw: unknown): Lang | undefined {
  if (typeof raw !== 'string') return undefined;
  const code = ACCEPTED.exec(raw.trim())?.[1]?.toLowerCase();
  return LANGS.find((lang) => lang === code);
}

/** The message for a value that is not a language, naming what is allowed. */
export function langProblem(field: string, raw: unknown): string {
  return (
    `"${field}" must be nb (bokmål) or nn (nynorsk); nb-NO and nn-NO are accepted too ` +
    `(not "${String(raw)}"). Leave it out for the site's default language.`
  );
}

/**
 * The standard's name, the same in both standards: the search filter's values and the hint on a
 * result in the other standard.
 */
export function langName(lang: Lang): string {
  return lang === 'nn' ? 'Nynorsk' : 'Bokmål';
}

/** Open Graph's locale: `nb_NO`, `nn_NO`. */
export function ogLocale(lang: Lang): string {
  return `${lang}_NO`;
}

/** BCP 47 with the country, for feeds and JSON-LD: `nb-NO`, `nn-NO`. */
export function langTag(lang: Lang): string {
  return `${lang}-NO`;
}

/**
 * The `lang` attribute an element needs inside a page of `pageLang`: its own language when it
 * differs, else none (an attribute that repeats the page's language is noise).
 */
export function langAttr(lang: Lang, pageLang: Lang): Lang | undefined {
  return lang === pageLang ? undefined : lang;
}
