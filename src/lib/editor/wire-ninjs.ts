/**
 * IPTC ninjs (News in JSON) → WireItem. Three generations are in use: 1.x (`headline`,
 * `body_html`/`body_xhtml`/`body_text`, `description_text`, `subject`, `place`, `byline`), 2.x
 * (lowercase lists: `headlines`, `descriptions`, `bodies`, `subjects`, `places`, `by`) and 3.x
 * (the 2.x lists with camelCase names: `versionCreated`, `pubStatus`, `contentType`,
 * `embargoedUntil`). Which one a document is follows from its names, not from a declared version
 * (agencies rarely send one).
 */
import { escapeMarkup } from '../escape.ts';
import {
  pubStatus,
  versionNumber,
  wireTime,
  WireFormatError,
  type WireItem,
  type WirePicture,
} from './wire-item.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Which generation a ninjs document is, from the names it uses. */
export function ninjsGeneration(doc: Json): 1 | 2 | 3 {
  if ('versionCreated' in doc || 'pubStatus' in doc || 'firstCreated' in doc || 'embargoedUntil' in doc)
    return 3;
  if (
    list(doc.bodies).some((b) => 'contentType' in b) ||
    list(doc.descriptions).some((d) => 'contentType' in d)
  )
    return 3;
  if (Array.isArray(doc.headlines) || Array.isArray(doc.bodies) || Array.isArray(doc.descriptions)) return 2;
  return 1;
}

/** The value of the list item with one of `roles` (in that order of preference), else the first. */
function byRole(items: Json[], roles: readonly string[]): Json | undefined {
  for (const role of roles) {
    const found = items.find((item) => String(item.role ?? '').toLowerCase() === role);
    if (found) return found;
  }
  return items[0];
}

/** Plain text as HTML paragraphs (a body given only as text). */
const textToHtml = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeMarkup(p)}</p>`)
    .join('');

const contentTypeOf = (item: Json) => String(item.contentType ?? item.contenttype ?? '').toLowerCase();

/** The body of a 2.x/3.x document: the HTML one if there is one, else the text one. */
function bodyFromList(bodies: Json[]): string | undefined {
  const html = bodies.filter((b) => /html|xhtml/.test(contentTypeOf(b)) || /html/.test(String(b.role ?? '')));
  const chosen = byRole(html, ['main', 'richtext', 'html']);
  if (chosen && text(chosen.value)) return text(chosen.value);
  const plain = byRole(bodies, ['main', 'text']);
  const value = plain && text(plain.value);
  return value && textToHtml(value);
}

/** The pictures in `associations` (an object by name, or a list), with their renditions. */
function pictures(associations: unknown, generation: 1 | 2 | 3): WirePicture[] {
  const items = isObject(associations) ? Object.values(associations).filter(isObject) : list(associations);
  return items
    .filter((a) => ['picture', 'image', 'graphic'].includes(String(a.type ?? '').toLowerCase()))
    .map((a) => {
      const renditions = isObject(a.renditions)
        ? Object.entries(a.renditions).filter(([, r]) => isObject(r))
        : [];
      // The original, else the largest by width.
      const rendition = (renditions.find(([name]) => name === 'original') ??
        [...renditions].sort(
          ([, x], [, y]) => Number((y as Json).width ?? 0) - Number((x as Json).width ?? 0),
        )[0])?.[1] as Json | undefined;
      const caption =
        generation === 1
          ? (text(a.description_text) ?? text(a.body_text) ?? text(a.headline))
          : (text(byRole(list(a.descriptions), ['caption', 'summary', 'text'])?.value) ??
            text(byRole(list(a.headlines), ['main'])?.value));
      return {
        href: text(rendition?.href),
        caption,
        credit: text(a.byline) ?? text(a.by) ?? text(a.copyrightholder),
        alt: text(a.alt_text) ?? text(a.altText) ?? text(byRole(list(a.descriptions), ['alt'])?.value),
      };
    });
}

/** A ninjs document (already parsed JSON) as a WireItem. */
export function readNinjs(doc: unknown): WireItem {
  if (!isObject(doc)) throw new WireFormatError('The file is JSON but not a ninjs object.');
  const generation = ninjsGeneration(doc);
  const id = text(doc.uri) ?? text(doc.guid);
  if (!id)
    throw new WireFormatError(
      'The story has no "uri": a ninjs item needs one to be followed across versions.',
    );
  const camel = generation === 3;
  const subjects = [...list(doc.subjects), ...list(doc.subject)].flatMap((s) => {
    const name = text(s.name) ?? text(s.literal);
    return name ? [name] : [];
  });
  const places = [...list(doc.places), ...list(doc.place)].flatMap((p) => {
    const name = text(p.name) ?? text(p.literal);
    return name ? [name] : [];
  });
  const headline =
    generation === 1 ? text(doc.headline) : text(byRole(list(doc.headlines), ['main', 'headline'])?.value);
  const lede =
    generation === 1
      ? (text(doc.description_text) ?? text(doc.description_html)?.replace(/<[^>]*>/g, ''))
      : text(byRole(list(doc.descriptions), ['summary', 'lede', 'text'])?.value)?.replace(/<[^>]*>/g, '');
  const bodyHtml =
    generation === 1
      ? (text(doc.body_html) ??
        text(doc.body_xhtml) ??
        (text(doc.body_text) && textToHtml(text(doc.body_text) ?? '')))
      : bodyFromList(list(doc.bodies));
  const located = isObject(doc.located) ? text(doc.located.name) : text(doc.located);
  return {
    format: `ninjs ${generation}`,
    id,
    version: versionNumber(doc.version),
    firstCreated: wireTime(
      camel ? doc.firstCreated : doc.firstcreated,
      camel ? 'firstCreated' : 'firstcreated',
    ),
    versionCreated: wireTime(
      camel ? doc.versionCreated : doc.versioncreated,
      camel ? 'versionCreated' : 'versioncreated',
    ),
    embargoedUntil: wireTime(
      doc.embargoedUntil ?? doc.embargoed,
      'embargoedUntil' in doc ? 'embargoedUntil' : 'embargoed',
    ),
    pubStatus: pubStatus(camel ? doc.pubStatus : doc.pubstatus),
    headline,
    lede: lede?.trim() || undefined,
    byline: text(doc.by) ?? text(doc.byline),
    dateline: located,
    language: text(doc.language),
    subjects,
    places,
    bodyHtml,
    pictures: pictures(doc.associations, generation),
    note: text(doc.ednote) ?? text(doc.edNote),
  };
}
