/**
 * Imports wire stories into articles:
 *   npm run import -- FILE... [--publish]              IPTC ninjs (1.x, 2.x, 3.x) and NewsML-G2 files
 *   npm run import -- --watch DIR [--publish]          every file that lands in DIR (README, "Wire import")
 *   npm run import -- <wire.txt> --title "Tittel" [--date 2020-10-10T10:40] [--category utenriks] [--slug …]
 *     [--lang nn] [--image foto.jpg --alt "Hva bildet viser" [--caption "…"] [--credit "Foto: NTB"]]
 * Each file is recognised by its content. An IPTC story maps to an article by its own fields and
 * content/wire-categories.yaml; a later version updates the same article, a kill takes it down.
 * NTB's plain text: the header "date YYYY-MM[-DD] NTB <category>" gives the category and byline;
 * a header with a day and no time gets 12:00 Oslo time; one with only a month needs --date; the
 * format does not say its language: --lang nn marks a nynorsk text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatDateTime } from '../src/lib/dates.ts';
import { headerNoon, parseWire, wireToMarkdown, WireError } from '../src/lib/editor/wire.ts';
import { readWireFile } from '../src/lib/editor/wire-formats.ts';
import { importWireFile, type WireImportContext } from '../src/lib/editor/wire-import.ts';
import { watchInbox } from '../src/lib/editor/wire-inbox.ts';
import { parseWireCategories } from '../src/lib/editor/wire-article.ts';
import { wireIndex } from '../src/lib/editor/wire-store.ts';
import { getCategories } from '../src/lib/content/categories.ts';
import { ARTICLES_DIR, CONTENT_DIR } from '../src/lib/content/dir.ts';
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
    watch: { type: 'string' },
    publish: { type: 'boolean' },
    ...PHOTO_OPTIONS,
  },
});
const { values, positionals } = parsed;

/** What every IPTC import needs: the category mapping and the stories already imported. */
function iptcContext(): WireImportContext {
  const mappingFile = join(CONTENT_DIR, 'wire-categories.yaml');
  const shown = relative(process.cwd(), mappingFile) || mappingFile;
  if (!existsSync(mappingFile)) {
    fail(
      `${shown} is missing: it maps the wire's subjects to categories, e.g.\nInnenriks: innenriks\nUtenriks: utenriks`,
    );
  }
  const slugs = getCategories().map((c) => c.slug);
  let categories;
  try {
    categories = parseWireCategories(readFileSync(mappingFile, 'utf8'), shown, slugs);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  return { articlesDir: ARTICLES_DIR, categories, mappingFile: shown, index: wireIndex(ARTICLES_DIR) };
}

/** `--publish`: the build, as `npm run build` runs it (it builds only what changed). */
function publish(): void {
  console.log('Publishing: npm run build');
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit' });
  if (build.status !== 0)
    console.error(`Error: the build failed (status ${build.status}); the imported files stay.`);
}

const describe = (file: string, result: ReturnType<typeof importWireFile>) => {
  const where = result.path ? ` ${relative(process.cwd(), result.path) || result.path}` : '';
  console.log(`${file}: ${result.outcome}${where}${result.url ? ` (${result.url})` : ''}`);
  for (const note of result.notes) console.log(`  note: ${note}`);
};

if (values.watch !== undefined) {
  if (positionals.length > 0) fail('--watch DIR imports what lands in DIR: give no files besides it.');
  if (!existsSync(values.watch)) fail(`--watch: ${values.watch} does not exist.`);
  const inbox = watchInbox(
    values.watch,
    iptcContext,
    (event) => {
      if (event.result) describe(event.file, event.result);
      else console.error(`${event.file}: failed: ${event.error}`);
    },
    values.publish ? () => publish() : undefined,
  );
  console.log(`Watching ${values.watch} (done/ and failed/ beside the files). Ctrl-C stops.`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void inbox.stop().then(() => process.exit(0));
    });
  }
} else {
  const iptc = positionals.filter((file) => {
    try {
      return readWireFile(readFileSync(file, 'utf8')).kind === 'iptc';
    } catch {
      return true; // broken JSON or XML: reported below, with the reason
    }
  });
  if (positionals.length > 0 && iptc.length === positionals.length) {
    const context = iptcContext();
    let failed = 0;
    for (const file of positionals) {
      try {
        describe(file, importWireFile(file, context));
      } catch (error) {
        failed++;
        console.error(
          `Error: ${file}: ${error instanceof Error ? error.message : String(error)} Nothing was written for it.`,
        );
      }
    }
    if (values.publish && failed < positionals.length) publish();
    process.exit(failed > 0 ? 1 : 0);
  } else {
    await importNtbText();
  }
}

async function importNtbText(): Promise<void> {
  const [wireFile] = positionals;
  if (!wireFile || positionals.length > 1)
    fail(
      'Give one wire text file: npm run import -- wire.txt --title "…" (or IPTC files: ninjs or NewsML-G2).',
    );

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
}
