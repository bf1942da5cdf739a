/**
 * Who answers for the site (`site.yaml` in the content folder): the publication's name, its
 * responsible editor (medieansvarsloven requires one be named), contacts, owner and the press
 * codes it follows. Parsed and checked once; every page's footer, /om/ and the
 * NewsMediaOrganization JSON-LD read it from here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSettingsYaml } from './settings-file.ts';
import { z } from 'astro/zod';
import { email, text } from './fields.ts';
import { CONTENT_DIR, PROJECT_CONTENT_DIR } from './dir.ts';
import { fieldPath } from './errors.ts';
import { langProblem, parseLang, type Lang } from '../lang.ts';

export const SITE_FILE_NAME = 'site.yaml';

/** The press codes a publication can declare, with where readers find them. */
export const PRESS_CODES = {
  'vaer-varsom': { name: 'Vær Varsom-plakaten', url: 'https://presse.no/pfu/etiske-regler/vaer-varsom-plakaten/' },
  redaktorplakaten: { name: 'Redaktørplakaten', url: 'https://presse.no/pfu/etiske-regler/redaktorplakaten/' },
  pfu: { name: 'Pressens Faglige Utvalg (PFU)', url: 'https://presse.no/pfu/' },
} as const;

export type PressCode = keyof typeof PRESS_CODES;
const CODE_NAMES = Object.keys(PRESS_CODES) as [PressCode, ...PressCode[]];

const EXAMPLE = `name: Nyhetsleseren
responsibleEditor: Kari Nordmann
newsEditor: Ola Nordmann
owner: Nyhetsleseren AS
address: Postboks 1 Sentrum, 0101 Oslo
email: redaksjonen@nyheter.example.no
phone: "+47 22 00 00 00"
logo: /logo.svg
codes: [vaer-varsom, redaktorplakaten, pfu]`;


const schema = z.object(
  {
    name: text('name', 'Nyhetsleseren'),
    description: text('description', '"Nyheter fra inn- og utland."').optional(),
    /** The site's written standard: its menus, footer and search, and every article without `lang`. */
    language: z
      .unknown()
      .optional()
      .transform((raw, ctx): Lang => {
        if (raw === undefined) return 'nb';
        const lang = parseLang(raw);
        if (lang) return lang;
        ctx.issues.push({ code: 'custom', message: langProblem('language', raw), input: raw });
        return z.NEVER;
      }),
    responsibleEditor: text('responsibleEditor', 'Kari Nordmann'),
    newsEditor: text('newsEditor', 'Ola Nordmann').optional(),
    owner: text('owner', 'Nyhetsleseren AS'),
    address: text('address', '"Postboks 1 Sentrum, 0101 Oslo"'),
    email: email('email', 'redaksjonen@nyheter.example.no'),
    phone: text('phone', '"+47 22 00 00 00"')
      .refine((v) => /^\+?[\d ]{8,16}$/.test(v), {
        error: '"phone" must be digits and spaces, optionally starting with +, e.g. phone: "+47 22 00 00 00".',
      })
      .optional(),
    logo: text('logo', '/logo.svg').refine((v) => /^\/[\w./-]+\.(svg|png|jpg|jpeg|webp)$/i.test(v), {
      error: '"logo" must be a path in public/ starting with "/", e.g. logo: /logo.svg.',
    }),
    codes: z
      .array(
        z.enum(CODE_NAMES, {
          error: (issue) => `"codes" lists "${String(issue.input)}"; the codes are: ${CODE_NAMES.join(', ')}.`,
        }),
        { error: `"codes" must be a list, e.g. codes: [${CODE_NAMES.join(', ')}].` },
      )
      .default([]),
  },
  { error: `the file must hold the publication's settings, e.g.:\n${EXAMPLE}` },
);

export type Publication = z.infer<typeof schema>;

/** The fields site.yaml may have; another is an error (most likely a misspelt one). */
const KNOWN = Object.keys(schema.shape);

/**
 * Parses site.yaml; throws one error naming the file, each bad field and the fix. `publicDir`
 * is where the logo must be.
 */
export function parsePublication(source: string, file: string, publicDir: string): Publication {
  const parsed = parseSettingsYaml(source, file);
  const problems: string[] = [];
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const key of Object.keys(parsed)) {
      if (!KNOWN.includes(key)) {
        problems.push(`${file} → ${key}: not a setting. The settings are: ${KNOWN.join(', ')}.`);
      }
    }
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`${file}${issue.path.length > 0 ? ` → ${fieldPath(issue.path)}` : ''}: ${issue.message}`);
    }
  } else if (!existsSync(join(publicDir, result.data.logo))) {
    problems.push(`${file} → logo: ${result.data.logo} is not in public/. Put the file there or fix the path.`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return (result as { data: Publication }).data;
}

/** The site.yaml in force: the content folder's own, or the project's. */
export function publicationFile(): string {
  const own = join(CONTENT_DIR, SITE_FILE_NAME);
  return existsSync(own) ? own : join(PROJECT_CONTENT_DIR, SITE_FILE_NAME);
}

/** The project's public/ folder (the logo's home). */
export const PUBLIC_DIR = join(PROJECT_CONTENT_DIR, '..', 'public');

let publication: Publication | undefined;

/** The publication for this build, read once. */
export function getPublication(): Publication {
  if (!publication) {
    const file = publicationFile();
    publication = parsePublication(readFileSync(file, 'utf8'), relative(process.cwd(), file), PUBLIC_DIR);
  }
  return publication;
}

/** The site's description (front page, feeds): site.yaml's, else a plain default. */
export function siteDescription(): string {
  return getPublication().description ?? 'Nyheter ordnet etter dato og emne.';
}
