/**
 * A wire body (HTML, or NITF's body.content) → the article's Markdown, through rehype and remark:
 * NITF's own elements become HTML (`hl2` a subheading, `block` its content, `media` removed: its
 * picture is the lead photo), then the article sanitiser (sanitize-schema.ts: no script, no
 * event handlers, no style, links kept with safe schemes), then rehype-remark and
 * remark-stringify. The build sanitises the Markdown again when it renders it.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize from 'rehype-sanitize';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { articleSanitizeSchema } from '../markdown/sanitize-schema.ts';

/** NITF elements by what they are in HTML. */
const NITF_HEADINGS: Record<string, string> = { hl1: 'h2', hl2: 'h2', hl3: 'h3' };
// Pictures come with the story (its associations), never from the text: an <img> in a wire body
// points at the agency's servers and has no alt text.
const NITF_DROPPED = new Set(['media', 'body.head', 'body.end', 'tagline', 'img', 'picture', 'figure']);
const NITF_UNWRAPPED = new Set(['block', 'body.content', 'body', 'nitf', 'section']);

/**
 * A rehype plugin that rewrites every element, children first: `rewrite` returns what stands in
 * its place (the element itself, its children alone, or nothing).
 */
function rewriteElements(rewrite: (element: Element, children: ElementContent[]) => ElementContent[]) {
  const walk = (children: ElementContent[]): ElementContent[] =>
    children.flatMap((node) => (node.type === 'element' ? rewrite(node, walk(node.children)) : [node]));
  return () => (tree: Root) => {
    tree.children = walk(tree.children as ElementContent[]) as Root['children'];
  };
}

/** NITF's own elements as HTML. */
const nitfToHtml = rewriteElements((node, children) => {
  if (NITF_DROPPED.has(node.tagName)) return [];
  if (NITF_UNWRAPPED.has(node.tagName)) return children;
  return [{ ...node, tagName: NITF_HEADINGS[node.tagName] ?? node.tagName, children }];
});

/** A link the sanitiser emptied (javascript:, data:) is its text. */
const unwrapEmptyLinks = rewriteElements((node, children) =>
  node.tagName === 'a' && !node.properties.href ? children : [{ ...node, children }],
);

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(nitfToHtml)
  .use(rehypeSanitize, articleSanitizeSchema)
  .use(unwrapEmptyLinks)
  .use(rehypeRemark)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' });

/** The body's Markdown; empty when nothing readable is left. */
export function wireHtmlToMarkdown(html: string): string {
  return String(processor.processSync(html))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
