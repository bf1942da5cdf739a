/** The categories the issue requires in the project's default list (content/categories.yaml). */
export const REQUIRED_CATEGORIES = [
  'innenriks',
  'utenriks',
  'politikk',
  'okonomi',
  'sport',
  'kultur',
  'teknologi',
  'helse',
] as const;
