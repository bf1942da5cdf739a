/**
 * How deeply an article's Markdown nests, estimated from the source before it is parsed.
 * remark, rehype-raw and the hast utilities walk trees recursively: a thousand nested list
 * levels took 40–50 s and then overflowed the stack, and thousands of nested blockquotes or
 * <div>s overflowed it at once. No real article nests more than a handful of levels, so a
 * source that could nest deeper than MAX_NESTING is refused with a message (src/lib/content/loader.ts)
 * instead of being rendered. The estimate errs high (an upper bound on the real depth), never
 * low, and is linear in the length of the text.
 */

/** Deeper than any news article nests (lists in quotes in lists…), far below a stack overflow. */
export const MAX_NESTING = 100;

export interface Nesting {
  depth: number;
  /** What nests that deep, for the message. */
  kind: 'lists and quotes' | 'HTML elements';
  /** 1-based line in the body where the depth is reached. */
  line: number;
}

/** Elements that never have content (and so never nest), and those often left unclosed. */
const NOT_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
]);

/**
 * The deepest nesting of block containers (`>` quotes and list items, by their markers at the
 * start of a line and by indentation) and of raw HTML elements in a Markdown body.
 */
export function deepestNesting(markdown: string): Nesting {
  let blocks: Nesting = { depth: 0, kind: 'lists and quotes', line: 0 };
  let html: Nesting = { depth: 0, kind: 'HTML elements', line: 0 };
  let open = 0;
  const lines = markdown.split('\n');
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    // Container markers at the start of a line: "> > - 1. text", and indentation (two
    // columns a level, the least a nested list item needs; a tab counts as four).
    const lead = /^[\t >*+\-\d.)]*/.exec(text)?.[0] ?? '';
    const markers = (lead.match(/>|[*+-](?=\s|$)|\d{1,9}[.)](?=\s|$)/g) ?? []).length;
    const columns = [...(/^[\t ]*/.exec(text)?.[0] ?? '')].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0);
    const depth = markers + Math.floor(columns / 2);
    if (depth > blocks.depth) blocks = { ...blocks, depth, line };
    // Raw HTML: opening tags minus closing ones, across lines.
    for (const tag of text.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g)) {
      const [, closing, name = '', selfClosing] = tag;
      if (selfClosing || NOT_NESTING.has(name.toLowerCase())) continue;
      open = closing ? Math.max(0, open - 1) : open + 1;
      if (open > html.depth) html = { ...html, depth: open, line };
    }
  }
  return html.depth > blocks.depth ? html : blocks;
}
