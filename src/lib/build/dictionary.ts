/**
 * The site's compression dictionary, for Compression Dictionary Transport (RFC 9842).
 *
 * An article page is mostly the site's own markup (head, header, menu, footer, the JSON-LD keys)
 * around a few kilobytes of text. Plain brotli cannot know that markup in advance, and on a
 * 15 kB Norwegian page it saves only 6 % against gzip (bench/RESULTS.md, "Serving"). With the
 * markup as a shared dictionary, a page costs about its text alone. nginx announces the
 * dictionary on every page (a Link header, src/lib/deploy/nginx.ts); a browser that has it sends
 * its SHA-256 in `Available-Dictionary` and `dcb` in `Accept-Encoding`, and nginx answers with
 * the page's `.dcb` twin: brotli compressed against the dictionary, which the build writes
 * beside the `.br` and `.gz` twins.
 *
 * The dictionary is what the sampled article pages have in common, so it changes only when the
 * templates do; a new article keeps it (keepDictionary), so a rebuild compresses only the
 * pages that changed. Twins are named by the dictionary's hash, which nginx takes from the
 * request header as it is: a browser holding an older dictionary finds no twin and gets brotli.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants, type BrotliOptions } from 'node:zlib';
import { isArticlePath } from '../urls.ts';

/**
 * Brotli quality for `.dcb` twins: 5 is the lowest that uses a custom dictionary at all
 * (qualities 1–4 come out larger than without one) and is as small as 6.
 */
export const DCB_QUALITY = 5;

/** Article pages sampled for the dictionary, spread over the archive. */
export const SAMPLE_PAGES = 16;

/**
 * A kept dictionary is replaced when a new one would make the sampled pages this much smaller:
 * a template change, not the wobble of which articles were sampled.
 */
export const REPLACE_WHEN_SMALLER = 0.97;

/** Pages that get a `.dcb` twin: the documents the dictionary's `match-dest` names. */
export const DICTIONARY_TARGETS = /\.html$/;

/** `dcb` framing (RFC 9842, section 4): a magic number, then the dictionary's SHA-256. */
const DCB_MAGIC = Buffer.from([0xff, 0x44, 0x43, 0x42]);

/** Tags, and the text between them (split at quotes, so JSON-LD keys survive without values). */
const TOKENS = /<[^>]*>|[^<"]+|"/g;

/**
 * The tokens that at least half the pages share (and at least two), in the order of the first
 * page: the template, without any one article's text. Empty when there are fewer than two pages.
 */
export function commonMarkup(pages: readonly string[]): string {
  if (pages.length < 2) return '';
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const token of new Set(page.match(TOKENS))) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const [first = ''] = pages;
  return (first.match(TOKENS) ?? []).filter((token) => (counts.get(token) ?? 0) >= threshold).join('');
}

export interface Dictionary {
  bytes: Buffer;
  /** SHA-256, base64, as the browser sends it in Available-Dictionary (between colons). */
  hash: string;
}

const sha256 = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();

/** A SHA-256 in base64 that can be part of a file name as it is: no "/" or "+". */
const FILE_NAME_HASH = /^[A-Za-z0-9]{43}=$/;

/**
 * The dictionary file for some markup. Its first line is a counter, raised until the hash has
 * only letters and digits in base64 (one try in four): nginx then uses the hash from the request
 * header as part of a file name, with no `/` or `+` to escape.
 */
export function sealDictionary(markup: string): Dictionary {
  for (let counter = 0; ; counter++) {
    const bytes = Buffer.from(`ordbok ${counter}\n${markup}`);
    const hash = sha256(bytes).toString('base64');
    if (FILE_NAME_HASH.test(hash)) return { bytes, hash };
  }
}

/**
 * A dictionary file already written (its name carries no version), or undefined when its hash
 * would not do as part of a file name (not one sealDictionary made).
 */
export function readDictionary(bytes: Buffer): Dictionary | undefined {
  const hash = sha256(bytes).toString('base64');
  return FILE_NAME_HASH.test(hash) ? { bytes, hash } : undefined;
}

/**
 * Node's brotli takes a dictionary since nodejs/node#61763 (in the pinned Node 24.21);
 * @types/node 24 does not list the option yet. An older Node ignores it.
 */
type BrotliWithDictionary = BrotliOptions & { dictionary: Buffer };

/** True when this Node's brotli uses a dictionary (an older one silently ignores it). */
export function dictionariesSupported(): boolean {
  const text = Buffer.from('Våpenhvilen i Nagorno-Karabakh skulle tre i kraft lørdag. '.repeat(4));
  const options: BrotliWithDictionary = { dictionary: text };
  return brotliCompressSync(text, options).length < brotliCompressSync(text).length;
}

/** The twin's suffix: "index.html" + ".<hash>.dcb". */
export const dcbSuffix = (hash: string): string => `.${hash}.dcb`;

/** A file's dictionary-compressed twin (Content-Encoding: dcb). */
export function dcbEncode(data: Buffer, dictionary: Dictionary): Buffer {
  const options: BrotliWithDictionary = {
    dictionary: dictionary.bytes,
    params: {
      [constants.BROTLI_PARAM_QUALITY]: DCB_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  };
  const compressed = brotliCompressSync(data, options);
  return Buffer.concat([DCB_MAGIC, Buffer.from(dictionary.hash, 'base64'), compressed]);
}

/** Decodes a `.dcb` twin: the file's bytes, or an error if it was made with another dictionary. */
export function dcbDecode(twin: Buffer, dictionary: Dictionary): Buffer {
  if (!twin.subarray(0, 4).equals(DCB_MAGIC)) throw new Error('not a dcb stream');
  if (twin.subarray(4, 36).toString('base64') !== dictionary.hash) throw new Error('another dictionary');
  const options: BrotliWithDictionary = { dictionary: dictionary.bytes };
  return brotliDecompressSync(twin.subarray(36), options);
}

/** Up to `count` paths spread evenly over the sorted list (the same ones for the same list). */
export function spread<T>(sorted: readonly T[], count: number = SAMPLE_PAGES): T[] {
  if (sorted.length <= count) return [...sorted];
  return Array.from(
    { length: count },
    (_, i) => sorted[Math.floor(((i + 0.5) * sorted.length) / count)] as T,
  );
}

/** Keep the dictionary the site has unless the fresh one makes the sampled pages clearly smaller. */
export function keepDictionary(keptBytes: number, freshBytes: number): boolean {
  return freshBytes >= keptBytes * REPLACE_WHEN_SMALLER;
}

/** The bytes of some pages' `.dcb` twins with a dictionary, for keepDictionary. */
export const dcbBytes = (pages: readonly Buffer[], dictionary: Dictionary): number =>
  pages.reduce((sum, page) => sum + dcbEncode(page, dictionary).length, 0);

/**
 * The pages the dictionary is made from, as paths relative to dist/: article pages spread over
 * the archive (sorted by path, so by date), then the front page and the 404 page, which every
 * site has. The first one gives the dictionary its order.
 */
export function samplePages(htmlPaths: readonly string[]): string[] {
  const articles = htmlPaths
    .filter(
      (path) => path.endsWith('/index.html') && isArticlePath(`/${path.slice(0, -'index.html'.length)}`),
    )
    .sort();
  return [...spread(articles), ...['index.html', '404.html'].filter((path) => htmlPaths.includes(path))];
}
