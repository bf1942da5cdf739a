/**
 * What the article pages, the search page and its client script must agree on: Pagefind's
 * filter names (written by ArticleLayout, queried by src/scripts/search.ts) and the search
 * page's query parameters. No Node imports: the client script bundles this file.
 */

/** Pagefind filters on every article page: `data-pagefind-filter="emne:Utenriks"`. */
export const SEARCH_FILTERS = { category: 'emne', year: 'år', type: 'type', language: 'språk' } as const;

/** The search page's URL parameters (/sok/?q=…&emne=…&aar=…): links to a search keep working. */
export const SEARCH_PARAMS = {
  query: 'q',
  category: 'emne',
  year: 'aar',
  type: 'type',
  language: 'sprak',
} as const;

/** Results shown for one search; the count says how many more there are. */
export const MAX_SEARCH_RESULTS = 30;
