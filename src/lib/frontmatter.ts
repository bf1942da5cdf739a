/**
 * Splits an article file into front-matter and body, parsing the YAML ourselves.
 *
 * Why not Astro's parser: it uses js-yaml's default schema, which turns an unquoted
 * `2020-10-12T23:30:00` into a UTC Date (the Oslo-time rule is lost) and rolls `2020-10-32`
 * over to 1 November. The core schema keeps dates as the strings the editor wrote, and
 * src/lib/dates.ts parses them with our rules.
 */
import yaml from 'js-yaml';
import { ContentError } from './content-error';

export interface ArticleSource {
  data: Record<string, unknown>;
  body: string;
  rawFrontmatter: string;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

/** Parses `---\n<yaml>\n---\n<markdown>`; throws ContentError naming the file and the fix. */
export function parseArticleSource(contents: string, file: string): ArticleSource {
  const replacement = contents.indexOf('\uFFFD');
  if (replacement !== -1) {
    throw new ContentError(
      file,
      undefined,
      `The file is not valid UTF-8 (first bad character at text offset ${replacement}).`,
      'Save it as UTF-8 in your editor.',
    );
  }
  const opening = OPENING.exec(contents);
  if (!opening) {
    throw new ContentError(
      file,
      undefined,
      'The file does not start with front-matter.',
      'Begin it with a line "---", the fields (title, date, category), and another line "---".',
    );
  }
  const rest = contents.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new ContentError(
      file,
      undefined,
      'The front-matter is never closed.',
      'Add a line with only "---" after the last field.',
    );
  }
  const rawFrontmatter = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  let parsed: unknown;
  try {
    parsed = yaml.load(rawFrontmatter, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    const reason = error instanceof yaml.YAMLException ? error.reason : String(error);
    const line = error instanceof yaml.YAMLException ? error.mark.line + 2 : undefined;
    throw new ContentError(
      file,
      undefined,
      `The front-matter is not valid YAML${line ? ` (line ${line})` : ''}: ${reason}.`,
      'Put values that contain ": " or start with a quote, "[" or "#" in double quotes, e.g. title: "Lavrov: – Enighet om våpenhvile".',
    );
  }
  if (parsed === null || parsed === undefined) parsed = {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ContentError(
      file,
      undefined,
      'The front-matter is not a list of fields.',
      'Write one "field: value" per line between the two "---" lines.',
    );
  }
  return { data: parsed as Record<string, unknown>, body, rawFrontmatter };
}
