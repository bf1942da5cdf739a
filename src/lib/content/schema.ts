/**
 * The article front-matter contract (documented field by field in the README). Every message
 * says what to do, because editors read them in a failed build.
 */
import { z } from 'astro/zod';
import type { ArticleData } from './articles.ts';
import { parseDateTime } from '../dates.ts';
import { isValidSlug } from '../slug.ts';
import { text } from './fields.ts';
import { getBuildNow } from '../now.ts';
import { ARTICLE_TYPES, DEFAULT_ARTICLE_TYPE } from './article-types.ts';
import { correctionDateProblems } from './corrections.ts';
import { langProblem, parseLang, type Lang } from '../lang.ts';

export const dateTime = (field: string) =>
  z
    .string({
      error: `"${field}" is required: the publication time in ISO 8601, e.g. ${field}: 2020-10-10T10:40:00+02:00 (an offset-less time is Oslo time).`,
    })
    .transform((raw, ctx) => {
      const parsed = parseDateTime(raw);
      if (parsed.ok) return parsed.date;
      ctx.issues.push({ code: 'custom', message: parsed.message, input: raw });
      return z.NEVER;
    });

/** Every front-matter field an article may have (others are reported as warnings). */
export const KNOWN_FIELDS = [
  'title',
  'date',
  'updated',
  'category',
  'lede',
  'byline',
  'dateline',
  'tags',
  'image',
  'draft',
  'slug',
  'type',
  'corrections',
  'lang',
  'live',
  'wire',
  'killed',
] as const;

/** The fields of `image:`. */
export const IMAGE_FIELDS = ['src', 'alt', 'caption', 'credit'] as const;

const IMAGE_EXAMPLE =
  'image:\n  src: ./lavrov.jpg\n  alt: Sergej Lavrov ved et bord i Moskva\n  credit: "Foto: Ola Nordmann / NTB"';

/**
 * The front-matter `image` (the lead photo) and the body's images. `src` is Astro's `image()`
 * helper in the collection (src/content.config.ts): it turns a path relative to the article into
 * an image import (width, height, format) for Astro's image pipeline. Without it
 * (`npm run check:content`, the loader's own checks) `src` stays the path as written; the file
 * itself is checked in src/lib/content/validate.ts.
 */
export const plainSrc = () =>
  z
    .string({ error: `"image.src" is required: the photo's file name, e.g.\n${IMAGE_EXAMPLE}` })
    .trim()
    .min(1, { error: '"image.src" is empty: write the file name of the photo, e.g. src: ./lavrov.jpg.' });

export function leadImage<S extends z.ZodType>(src: () => S) {
  return z.object(
    {
      src: src(),
      alt: z
        .string({
          error: (issue) =>
            issue.input === undefined
              ? '"image.alt" is required: describe the photo for readers who cannot see it, e.g. alt: Sergej Lavrov ved et bord i Moskva.'
              : '"image.alt" must be text. Put it in double quotes if it looks like a number, a date or true/false.',
        })
        .trim()
        .min(1, { error: '"image.alt" is empty: describe what the photo shows.' }),
      caption: text('image.caption', '"Lavrov ledet samtalene fredag."').optional(),
      credit: text('image.credit', '"Foto: Ola Nordmann / NTB"').optional(),
    },
    { error: `"image" must be a block with the photo's src and alt on their own lines:\n${IMAGE_EXAMPLE}` },
  );
}

/**
 * Version of what the loader stores per article. Stored entries are reused while their file is
 * unchanged, so a change to the derived fields below must bump this: every article is then parsed
 * and rendered again (it is mixed into each entry's digest, src/content.config.ts).
 */
export const STORE_FORMAT = 5;

/**
 * Set by the loader, never written by editors: the body's images (src/lib/images/body-images.ts)
 * and what the image files are (size as shown, format, digest; src/lib/images/image-file-check.ts).
 */
export const DERIVED_FIELDS = ['bodyImages', 'imageFacts'] as const;

const imageFacts = z.object({
  width: z.number(),
  height: z.number(),
  format: z.enum(['jpeg', 'png', 'webp', 'avif']),
  digest: z.string(),
});

const LIVE_EXAMPLE = 'live:\n  start: 2020-10-10T08:00\n  end: 2020-10-10T23:00 (when the coverage is over)';

const CORRECTION_EXAMPLE =
  'corrections:\n  - date: 2020-10-11T09:15:00+02:00\n    text: En tidligere versjon oppga feil antall drepte.';

/**
 * The schema, for a given list of category slugs; `image` is Astro's image helper (see above).
 * `now` is the build's: a correction dated after it is an error (it cannot have been made yet).
 */
export function articleSchema<S extends z.ZodType = ReturnType<typeof plainSrc>>(
  categorySlugs: readonly [string, ...string[]],
  image?: () => S,
  now: Date = getBuildNow(),
) {
  const src = (image ?? plainSrc) as () => S;
  return z
    .object({
      title: text('title', '"Våpenhvile i Nagorno-Karabakh"'),
      date: dateTime('date'),
      updated: dateTime('updated').optional(),
      category: z.enum(categorySlugs, {
        error: (issue) =>
          issue.input === undefined
            ? `"category" is required: one of ${categorySlugs.join(', ')}.`
            : `"category" must be one of: ${categorySlugs.join(', ')} (not "${String(issue.input)}").`,
      }),
      lede: text('lede', '"Kort ingress."').optional(),
      byline: text('byline', 'NTB').optional(),
      dateline: text('dateline', 'MOSKVA').optional(),
      tags: z
        .array(text('tags', '[Armenia, Aserbajdsjan]'), {
          error: '"tags" must be a list, e.g. tags: [Armenia, Aserbajdsjan].',
        })
        .default([]),
      image: leadImage(src).optional(),
      bodyImages: z
        .array(
          z.object({
            src: src(),
            path: z.string(),
            alt: z.string(),
            title: z.string().optional(),
            block: z.boolean(),
          }),
        )
        .default([]),
      imageFacts: z
        .object({ lead: imageFacts.optional(), body: z.array(imageFacts).default([]) })
        .default({ body: [] }),
      draft: z.boolean({ error: '"draft" must be true or false.' }).default(false),
      type: z
        .enum(ARTICLE_TYPES, {
          error: (issue) =>
            `"type" must be one of: ${ARTICLE_TYPES.join(', ')} (not "${String(issue.input)}"). Leave it out for news (${DEFAULT_ARTICLE_TYPE}).`,
        })
        .default(DEFAULT_ARTICLE_TYPE),
      corrections: z
        .array(
          z.object(
            {
              date: dateTime('corrections.date'),
              text: text('corrections.text', '"En tidligere versjon oppga feil antall drepte."'),
            },
            { error: `each correction must have a date and a text:\n${CORRECTION_EXAMPLE}` },
          ),
          { error: `"corrections" must be a list of corrections:\n${CORRECTION_EXAMPLE}` },
        )
        .default([]),
      // A live story (src/lib/content/live.ts): its entries are files in oppdateringer/ beside it.
      live: z
        .object(
          { start: dateTime('live.start'), end: dateTime('live.end').optional() },
          { error: `"live" must be a block with the start of the coverage:\n${LIVE_EXAMPLE}` },
        )
        .optional(),
      // Written by the wire importer (src/lib/editor/wire-article.ts): the agency's id of the
      // story and the version this file holds, so a later version updates this file.
      wire: z
        .object(
          {
            id: z.string({ error: '"wire.id" must be text: the agency\'s id of the story.' }).trim().min(1),
            version: z.number({ error: '"wire.version" must be a whole number.' }).int().nonnegative().optional(),
          },
          { error: '"wire" must be a block with the wire id, e.g. wire:\n  id: urn:ntb:123\n  version: 2' },
        )
        .optional(),
      // A kill (the agency's "canceled"): the story is taken out of every page, list, feed,
      // sitemap and search, and its address answers 410 Gone. The file is kept, marked.
      killed: z
        .object(
          {
            at: dateTime('killed.at'),
            reason: text('killed.reason', '"Saken trekkes."').optional(),
          },
          { error: '"killed" must be a block with the time of the kill, e.g. killed:\n  at: 2020-10-10T15:00\n  reason: Saken trekkes.' },
        )
        .optional(),
      // Absent means the site's default language (site.yaml), decided when the page is built.
      lang: z
        .unknown()
        .optional()
        .transform((raw, ctx): Lang | undefined => {
          if (raw === undefined) return undefined;
          const lang = parseLang(raw);
          if (lang) return lang;
          ctx.issues.push({ code: 'custom', message: langProblem('lang', raw), input: raw });
          return z.NEVER;
        }),
      slug: z
        .string({ error: '"slug" must be text.' })
        .refine(isValidSlug, {
          error:
            '"slug" must be lower-case ASCII words joined by "-", e.g. slug: vapenhvile-i-nagorno-karabakh.',
        })
        .optional(),
    })
    .superRefine((data, ctx) => {
      if (data.updated && data.updated.getTime() < data.date.getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message:
            '"updated" is before "date". An update cannot precede publication: fix the time or remove "updated".',
        });
      }
      if (data.live?.end && data.live.end.getTime() < data.live.start.getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: ['live', 'end'],
          message: '"live.end" is before "live.start": fix the times, or remove "end" while the coverage runs.',
        });
      }
      for (const { index, message } of correctionDateProblems(data.date, data.corrections, now)) {
        ctx.addIssue({ code: 'custom', path: ['corrections', index, 'date'], message });
      }
    });
}

export type ArticleSchema = z.ZodType<ArticleData, unknown>;

/** The schema of our own checks (loader, check:content): image paths stay as written. */
export function validationSchema(
  categorySlugs: readonly [string, ...string[]],
  now: Date = getBuildNow(),
): ArticleSchema {
  return articleSchema(categorySlugs, undefined, now);
}

/** The fields of a live story's entry (oppdateringer/*.md); another is an error. */
export const LIVE_ENTRY_FIELDS = ['date', 'title', 'byline', 'image', 'pinned', 'draft'] as const;

/**
 * A live story's entry (src/lib/content/live.ts): its time (required), an optional title, byline
 * and photo, pinned (at most one per story) and draft. `imageFacts` is set by the loader.
 */
export function liveEntrySchema<S extends z.ZodType = ReturnType<typeof plainSrc>>(image?: () => S) {
  const src = (image ?? plainSrc) as () => S;
  return z.object({
    date: dateTime('date'),
    title: text('title', '"Nye angrep i natt"').optional(),
    byline: text('byline', 'NTB').optional(),
    image: leadImage(src).optional(),
    imageFacts: imageFacts.optional(),
    pinned: z.boolean({ error: '"pinned" must be true or false.' }).default(false),
    draft: z.boolean({ error: '"draft" must be true or false.' }).default(false),
  });
}
