/**
 * The article front-matter contract (documented field by field in the README). Every message
 * says what to do, because editors read them in a failed build.
 */
import { z } from 'astro/zod';
import type { ArticleData } from './articles.ts';
import { parseDateTime } from './dates.ts';
import { isValidSlug } from './slug.ts';

const text = (field: string, example: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `"${field}" is required. Add a line such as ${field}: ${example}.`
          : `"${field}" must be text, e.g. ${field}: ${example}. Put it in double quotes if it looks like a number, a date or true/false.`,
    })
    .trim()
    .min(1, { error: `"${field}" is empty. Write a value or remove the line.` });

const dateTime = (field: string) =>
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
  'draft',
  'slug',
] as const;

/** The schema, for a given list of category slugs. */
export function articleSchema(categorySlugs: readonly [string, ...string[]]) {
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
      draft: z.boolean({ error: '"draft" must be true or false.' }).default(false),
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
    }) satisfies z.ZodType<ArticleData, unknown>;
}
