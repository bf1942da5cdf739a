/**
 * Converts an NTB wire text into an article:
 *   npm run import -- <wire.txt> --title "Tittel" [--date 2020-10-10T10:40] [--category utenriks] [--slug …]
 *     [--lang nn]
 *     [--image foto.jpg --alt "Hva bildet viser" [--caption "…"] [--credit "Foto: NTB"]]
 * The header "date YYYY-MM[-DD] NTB <category>" gives the category and byline; a header with a
 * day and no time gets 12:00 Oslo time; a header with only a month needs --date. The plain-text
 * format does not say its language: --lang nn marks a nynorsk text.
 */
import { readFileSync } from 'node:fs';
import { formatDateTime } from '../src/lib/dates.ts';
import { headerNoon, parseWire, wireToMarkdown, WireError } from '../src/lib/editor/wire.ts';
import {
  checkCategory,
  createArticle,
  fail,
  parseDateOption,
  parseOptions,
  langOption,
  photoOption,
  PHOTO_OPTIONS,
} from './editor-cli.ts';

const parsed = parseOptions({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    date: { type: 'string' },
    category: { type: 'string' },
    slug: { type: 'string' },
    lang: { type: 'string' },
    ...PHOTO_OPTIONS,
  },
});
const { values, positionals } = parsed;
const [wireFile] = positionals;
if (!wireFile || positionals.length > 1)
  fail('Give one wire text file: npm run import -- wire.txt --title "…"');

let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(wireFile));
} catch (error) {
  fail(`Cannot read ${wireFile} as UTF-8 text: ${error instanceof Error ? error.message : String(error)}`);
}

let wire;
try {
  wire = parseWire(text);
} catch (error) {
  if (error instanceof WireError) fail(`${wireFile}: ${error.message}`);
  throw error;
}

if (!values.title) fail(`${wireFile} has no headline: give one with --title "…".`);
const category = checkCategory(values.category ?? wire.header.category);
const lang = langOption(values.lang);
const photo = await photoOption(values);

let date: Date;
if (values.date) {
  date = parseDateOption(values.date);
} else {
  const noon = headerNoon(wire.header);
  if (!noon) {
    const { year, month } = wire.header;
    fail(
      `The header gives only the month (${year}-${String(month).padStart(2, '0')}): give the publication time with --date, e.g. --date ${year}-${String(month).padStart(2, '0')}-10T10:40.`,
    );
  }
  date = noon;
  console.log(
    `The header has no time of day: using 12:00 Oslo time (${formatDateTime(date)}). Use --date to set it.`,
  );
}

const subheadings = wire.blocks.filter((b) => b.kind === 'subheading').length;
console.log(
  `Read ${wire.blocks.length} paragraphs: ${subheadings} subheading(s), ${wire.blocks.filter((b) => b.kind === 'paragraph' && b.text.startsWith('–')).length} quote(s).`,
);
createArticle(
  { title: values.title, date, category, byline: wire.header.agency, lang },
  wireToMarkdown(wire.blocks),
  values.slug,
  photo,
);
