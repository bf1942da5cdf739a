/**
 * Splits an article file into front-matter and body, parsing the YAML ourselves.
 *
 * Why not Astro's parser: it uses js-yaml's default schema, which turns an unquoted
 * `2020-10-12T23:30:00` into a UTC Date (the Oslo-time rule is lost) and rolls `2020-10-32`
 * over to 1 November. The core schema keeps dates as the strings the editor wrote, and
 * src/lib/dates.ts parses them with our rules.
 */
import * as yaml from 'js-yaml';
import { ContentError } from './errors.ts';

export interface ArticleSource {
  data: Record<string, unknown>;
  body: string;
  rawFrontmatter: string;
  /** 1-based line of the file on which the body starts, for line numbers in warnings. */
  bodyLine: number;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

/** Byte offset of the first byte that is not valid UTF-8, or -1 when all of it is. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Slow path only for broken files: the valid prefix decodes, so search for its end.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        // stream: a sequence cut off at the end of the prefix is not an error yet.
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    return lo;
  }
}

/** The fix that fits a js-yaml error; quoting fixes most of the rest (": " inside a value). */
function yamlFix(reason: string): string {
  if (/duplicated mapping key/.test(reason))
    return 'Each field may appear once: remove or rename the second one.';
  if (/null byte|non-printable/.test(reason)) {
    return 'Remove the invisible control character (often pasted from another program); retype the line if unsure.';
  }
  if (/tab characters/.test(reason)) return 'Indent with spaces, not tabs.';
  return 'Put values that contain ": " or start with a quote, "[" or "#" in double quotes, e.g. title: "Lavrov: – Enighet om våpenhvile".';
}

/**
 * The field path ("tags" or "" for the top) of the first list or block that occurs twice in a
 * parsed front-matter, or undefined. js-yaml gives an alias (*name) the anchor's own object, so
 * a repeat is an alias. Nested aliases double at each level (an "alias bomb": 500 bytes took
 * minutes of CPU in validation); the walk stops at the first repeat, so it is linear in the
 * bytes that were parsed.
 */
function firstRepeatedNode(root: unknown): string | undefined {
  const seen = new Set<object>();
  const walk = (value: unknown, path: string): string | undefined => {
    if (typeof value !== 'object' || value === null || value instanceof Date) return undefined;
    if (seen.has(value)) return path;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      const found = walk(child, path || (Array.isArray(value) ? '' : key));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(root, '');
}

/**
 * Parses `---\n<yaml>\n---\n<markdown>`; throws ContentError naming the file and the fix.
 * `contents` was decoded leniently (bad bytes become U+FFFD); `readBytes` lets us tell a
 * broken file from one that really contains U+FFFD, and give the byte offset.
 */
export function parseArticleSource(
  contents: string,
  file: string,
  readBytes?: () => Uint8Array,
): ArticleSource {
  if (contents.includes('\uFFFD')) {
    const offset = readBytes
      ? firstInvalidUtf8Byte(readBytes())
      : Buffer.byteLength(contents.slice(0, contents.indexOf('\uFFFD')), 'utf8');
    if (offset !== -1) {
      throw new ContentError(
        file,
        undefined,
        `The file is not valid UTF-8 (first bad byte at byte offset ${offset}).`,
        'Save it as UTF-8 in your editor (Latin-1/Windows-1252 text must be converted).',
      );
    }
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
    const line = error instanceof yaml.YAMLException ? (error.mark?.line ?? -1) + 2 : undefined;
    throw new ContentError(
      file,
      undefined,
      `The front-matter is not valid YAML${line ? ` (line ${line})` : ''}: ${reason}.`,
      yamlFix(reason),
    );
  }
  if (parsed === null || parsed === undefined) parsed = {};
  const alias = firstRepeatedNode(parsed);
  if (alias !== undefined) {
    throw new ContentError(
      file,
      alias || undefined,
      'The front-matter repeats a list or block through a YAML alias (*name). Aliases can make a few bytes expand into millions of values, so they are not allowed.',
      'Write the values out where they are used, and remove the anchor (&name) and the alias.',
    );
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ContentError(
      file,
      undefined,
      'The front-matter is not a list of fields.',
      'Write one "field: value" per line between the two "---" lines.',
    );
  }
  const consumed = contents.length - body.length;
  const bodyLine = contents.slice(0, consumed).split('\n').length;
  return { data: parsed as Record<string, unknown>, body, rawFrontmatter, bodyLine };
}
