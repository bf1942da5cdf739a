/**
 * IPTC NewsML-G2 → WireItem: a `newsItem` (alone, or the text item of a `newsMessage`), its
 * itemMeta (guid, version, created times, embargo, pubStatus), contentMeta (headline, summary,
 * creator/by, located, language, subjects) and the text from `inlineXML`: NITF (`body.content`
 * with `p`, `hl2`, `block`, `media`) or XHTML. Pictures are `media` references in NITF and
 * picture items (`remoteContent`) in the same message.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  pubStatus,
  versionNumber,
  wireTime,
  WireFormatError,
  type WireItem,
  type WirePicture,
} from './wire-item.ts';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // The text stays as written (NITF or XHTML), for the HTML pipeline.
  stopNodes: ['*.inlineXML'],
  isArray: (name) =>
    [
      'newsItem',
      'subject',
      'headline',
      'description',
      'creator',
      'inlineXML',
      'remoteContent',
      'name',
    ].includes(name),
  trimValues: true,
});

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nodes = (value: unknown): Node[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) =>
    isNode(v) ? v : { '#text': v },
  );
/** The text of an element: its own text, or its first `name` child's. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  if (Array.isArray(value)) return textOf(value[0]);
  if (isNode(value)) return textOf(value['#text']) ?? textOf(value.name);
  return undefined;
}
const attr = (node: unknown, name: string): string | undefined =>
  isNode(node) && node[`@${name}`] !== undefined ? String(node[`@${name}`]) : undefined;

/** An element with `role` among `roles` (in order of preference), else the one without a role, else the first. */
function byRole(items: Node[], roles: readonly string[]): Node | undefined {
  for (const role of roles) {
    const found = items.find(
      (item) => (attr(item, 'role') ?? '').toLowerCase().replace(/^\w+:/, '') === role,
    );
    if (found) return found;
  }
  return items.find((item) => attr(item, 'role') === undefined) ?? items[0];
}

const itemClass = (item: Node): string =>
  (attr((item.itemMeta as Node | undefined)?.itemClass, 'qcode') ?? '').toLowerCase();

/** NITF's `media` references → pictures; the caption and alt text go with them. */
function nitfPictures(xml: string): WirePicture[] {
  const found: WirePicture[] = [];
  for (const [, media = ''] of xml.matchAll(/<media\b[^>]*media-type="image"[^>]*>([\s\S]*?)<\/media>/g)) {
    const reference = /<media-reference\b([^>]*)>/.exec(media)?.[1] ?? '';
    const value = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(reference)?.[1];
    const caption = /<media-caption[^>]*>([\s\S]*?)<\/media-caption>/
      .exec(media)?.[1]
      ?.replace(/<[^>]*>/g, '')
      .trim();
    const credit = /<media-producer[^>]*>([\s\S]*?)<\/media-producer>/
      .exec(media)?.[1]
      ?.replace(/<[^>]*>/g, '')
      .trim();
    found.push({
      href: value('source'),
      caption: caption || undefined,
      credit: credit || undefined,
      alt: value('alternate-text'),
    });
  }
  return found;
}

/** The story's text as HTML: NITF's body.content, or an XHTML body. */
function bodyOf(inline: Node | undefined): string | undefined {
  const raw = textOf(inline?.['#text']) ?? (typeof inline === 'string' ? inline : undefined);
  if (!raw) return undefined;
  const content = /<body\.content\b[^>]*>([\s\S]*?)<\/body\.content>/.exec(raw)?.[1];
  if (content !== undefined) return content.trim();
  const body = /<body\b[^>]*>([\s\S]*?)<\/body>/.exec(raw)?.[1];
  return (body ?? raw).trim();
}

/** A NewsML-G2 document (XML text) as a WireItem. */
export function readNewsml(xml: string): WireItem {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new WireFormatError(
      `The XML is broken at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  const doc = parser.parse(xml) as Node;
  const message = doc.newsMessage as Node | undefined;
  const items = nodes(doc.newsItem ?? (message?.itemSet as Node | undefined)?.newsItem);
  const story =
    items.find((item) => /text|composite/.test(itemClass(item))) ??
    items.find((item) => !/picture|graphic/.test(itemClass(item)));
  if (!story)
    throw new WireFormatError(
      'No newsItem with text in the file (a NewsML-G2 newsItem, or a newsMessage with one).',
    );
  const id = attr(story, 'guid');
  if (!id)
    throw new WireFormatError(
      'The newsItem has no "guid": it is needed to follow the story across versions.',
    );
  const meta = (story.itemMeta ?? {}) as Node;
  const content = (story.contentMeta ?? {}) as Node;
  const inline = nodes((story.contentSet as Node | undefined)?.inlineXML);
  const text =
    inline.find((i) => /nitf|xhtml|html/.test((attr(i, 'contenttype') ?? '').toLowerCase())) ?? inline[0];
  const raw = textOf(text?.['#text']) ?? '';
  const subjects = nodes(content.subject).flatMap((s) => {
    const name = textOf(s.name);
    return name ? [name] : [];
  });
  const places = nodes(content.subject)
    .filter((s) => /geo|location|place/i.test(attr(s, 'type') ?? ''))
    .flatMap((s) => (textOf(s.name) ? [textOf(s.name) as string] : []));
  const pictureItems = items
    .filter((item) => /picture|graphic/.test(itemClass(item)))
    .map((item): WirePicture => {
      const pictureMeta = (item.contentMeta ?? {}) as Node;
      const remote = nodes((item.contentSet as Node | undefined)?.remoteContent);
      return {
        href: attr(remote.find((r) => attr(r, 'rendition')?.includes('highRes')) ?? remote[0], 'href'),
        caption: textOf(byRole(nodes(pictureMeta.description), ['caption', 'summary'])),
        credit: textOf(pictureMeta.creditline) ?? textOf(nodes(pictureMeta.creator)[0]),
        alt: textOf(byRole(nodes(pictureMeta.description), ['alt'])),
      };
    });
  return {
    format: 'NewsML-G2',
    id,
    version: versionNumber(attr(story, 'version')),
    firstCreated: wireTime(textOf(meta.firstCreated) ?? textOf(content.contentCreated), 'firstCreated'),
    versionCreated: wireTime(textOf(meta.versionCreated), 'versionCreated'),
    embargoedUntil: wireTime(textOf(meta.embargoed), 'embargoed'),
    pubStatus: pubStatus(attr(meta.pubStatus, 'qcode') ?? textOf(meta.pubStatus)),
    headline: textOf(byRole(nodes(content.headline), ['main', 'headline'])),
    lede: textOf(byRole(nodes(content.description), ['summary', 'lede'])),
    byline: textOf(content.by) ?? textOf(nodes(content.creator)[0]),
    dateline: textOf(content.located),
    language: attr(content.language, 'tag'),
    subjects: subjects.filter((s) => !places.includes(s)),
    places,
    bodyHtml: bodyOf(text),
    pictures: [...nitfPictures(raw), ...pictureItems],
    note: textOf(meta.edNote),
  };
}
