/**
 * Field rules shared by the files editors write (article front-matter, site.yaml, authors.yaml):
 * each message says what to write, because editors read them in a failed build.
 */
import { z } from 'astro/zod';

/** A required, non-empty text field; `example` is a value to write. */
export const text = (field: string, example: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `"${field}" is required. Add a line such as ${field}: ${example}.`
          : `"${field}" must be text, e.g. ${field}: ${example}. Put it in double quotes if it looks like a number, a date or true/false.`,
    })
    .trim()
    .min(1, { error: `"${field}" is empty. Write a value or remove the line.` });

/** An e-mail address (a plain check: something@domain.tld, nothing that could break markup). */
export const email = (field: string, example: string) =>
  text(field, example).refine((v) => /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(v), {
    error: `"${field}" is not an e-mail address, e.g. ${field}: ${example}.`,
  });
