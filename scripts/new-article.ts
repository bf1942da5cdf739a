/**
 * Creates a new article file with valid front-matter:
 *   npm run new -- --title "Tittel" --category utenriks [--date 2020-10-10T10:40] [--byline NTB] [--slug …]
 *     [--type kommentar] [--lang nn]
 *     [--image foto.jpg --alt "Hva bildet viser" [--caption "…"] [--credit "Foto: NTB"]]
 * With --image, the photo is copied beside the article and becomes its lead image.
 * The date defaults to now (Oslo time). The file starts as a draft so that nothing half-written
 * is published by the next build: remove "draft: true" when the article is ready.
 *
 * Live coverage (src/lib/content/live.ts):
 *   npm run new -- --live --title "…" --category innenriks   a live story: <slug>/index.md with live.start
 *   npm run new -- --entry FOLDER --text "…" [--title "…"] [--byline …] [--pinned] [--image … --alt …]
 * An entry is stamped with the current Oslo time (or --date) and written to FOLDER/oppdateringer/;
 * without --text it starts as a draft with a placeholder to write over.
 */
import {
  checkCategory,
  createArticle,
  createEntry,
  fail,
  parseDateOption,
  parseOptions,
  langOption,
  photoOption,
  PHOTO_OPTIONS,
} from './editor-cli.ts';
import { ARTICLE_TYPES } from '../src/lib/content/article-types.ts';

const { values } = parseOptions({
  options: {
    title: { type: 'string' },
    category: { type: 'string' },
    date: { type: 'string' },
    byline: { type: 'string' },
    dateline: { type: 'string' },
    slug: { type: 'string' },
    type: { type: 'string' },
    lang: { type: 'string' },
    live: { type: 'boolean' },
    entry: { type: 'string' },
    text: { type: 'string' },
    pinned: { type: 'boolean' },
    ...PHOTO_OPTIONS,
  },
});

if (values.entry !== undefined) {
  await createEntry(values.entry, values);
  process.exit(0);
}
if (values.pinned || values.text !== undefined)
  fail('--pinned and --text belong to an entry: give --entry FOLDER.');

if (!values.title)
  fail(
    '--title is required, e.g. npm run new -- --title "Våpenhvile i Nagorno-Karabakh" --category utenriks',
  );
const category = checkCategory(values.category);
const type = ARTICLE_TYPES.find((kind) => kind === values.type);
if (values.type !== undefined && !type)
  fail(`--type must be one of: ${ARTICLE_TYPES.join(', ')} (not "${values.type}").`);
const lang = langOption(values.lang);
const photo = await photoOption(values);
// Whole minutes: "now" to the second looks odd in front-matter.
const date = values.date ? parseDateOption(values.date) : new Date(Math.floor(Date.now() / 60_000) * 60_000);

createArticle(
  {
    title: values.title,
    date,
    category,
    type,
    lang,
    byline: values.byline,
    dateline: values.dateline,
    draft: true,
    live: values.live ? { start: date } : undefined,
  },
  values.live
    ? 'Skriv innledningen her: hva som skjer, og hva vi følger.'
    : 'Skriv ingressen eller første avsnitt her.\n\n## Mellomtittel\n\nMer tekst.',
  values.slug,
  photo,
);
