/**
 * Site-wide settings. Values that operators change per deploy come from the environment
 * (documented in the README); everything else is a typed constant here.
 */

/** The time zone every date is shown and bucketed in, whatever the build machine's zone. */
export const TIME_ZONE = 'Europe/Oslo';

/** The publication's name, editors and contacts are in content/site.yaml (content/publication.ts). */
export const SITE = {
  /** Articles per page on category and day lists before they paginate. */
  pageSize: 20,
  /** Articles per category section on the front page. */
  frontPageSectionSize: 4,
  /** Articles in the front page's "latest news" list. */
  frontPageLatest: 8,
} as const;
