/**
 * Author profiles (`authors.yaml` in the content folder, optional): a role, a short bio, an
 * e-mail and a photo per person, shown on their byline page (/av/{slug}/) with ProfilePage
 * markup. A byline without a profile works as before. Parsed and checked here with messages
 * that name the file, the entry and the fix; the photo goes through Astro's image pipeline as the
 * `authors` collection (src/content.config.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSettingsYaml } from './settings-file.ts';
import { z } from 'astro/zod';
import { email, text } from './fields.ts';
import { authorSlug } from '../archive/bylines.ts';
import { CONTENT_DIR, PROJECT_CONTENT_DIR } from './dir.ts';
import { fieldPath } from './errors.ts';

export const AUTHORS_FILE_NAME = 'authors.yaml';

const EXAMPLE = `- name: Kari Nordmann
  role: Kommentator
  bio: Skriver om samferdsel og arbeidsliv.
  email: kari.nordmann@nyheter.example.no
  photo:
    src: forfattere/kari-nordmann.jpg
    alt: Kari Nordmann`;


const profileSchema = z
  .object(
    {
      name: text('name', 'Kari Nordmann'),
      role: text('role', 'Kommentator').optional(),
      bio: text('bio', '"Skriver om samferdsel og arbeidsliv."').optional(),
      email: email('email', 'kari.nordmann@nyheter.example.no').optional(),
      photo: z
        .object(
          {
            src: text('photo.src', 'forfattere/kari-nordmann.jpg'),
            alt: text('photo.alt', 'Kari Nordmann'),
          },
          { error: '"photo" must be a block with src (the file, beside authors.yaml) and alt.' },
        )
        .strict()
        .optional(),
    },
    { error: `each entry must be a person's block, e.g.:\n${EXAMPLE}` },
  )
  .strict();

export type AuthorProfileData = z.infer<typeof profileSchema>;

/** A profile, with the slug of its byline page and its photo's path on disk. */
export interface AuthorProfile extends AuthorProfileData {
  slug: string;
  /** Absolute path of the photo file, when there is one. */
  photoFile: string | undefined;
}

/** Parses authors.yaml; throws one error naming the file, each bad entry and field, and the fix. */
export function parseAuthors(source: string, file: string): AuthorProfile[] {
  const parsed = parseSettingsYaml(source, file);
  if (parsed === undefined || parsed === null) return [];
  if (!Array.isArray(parsed)) {
    throw new Error(`${file}: expected a list of people ("- name: …" entries), e.g.:\n${EXAMPLE}`);
  }
  const problems: string[] = [];
  const profiles: AuthorProfile[] = [];
  const seen = new Map<string, number>();
  parsed.forEach((raw: unknown, i) => {
    const name = (raw as { name?: unknown } | null)?.name;
    const where = `${file} → entry ${i + 1}${typeof name === 'string' ? ` (${name})` : ''}`;
    const result = profileSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const unknown = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined;
        problems.push(
          unknown
            ? `${where}: ${unknown} is not a profile field. The fields are: name, role, bio, email, photo (src, alt).`
            : `${where}${issue.path.length > 0 ? ` → ${fieldPath(issue.path)}` : ''}: ${issue.message}`,
        );
      }
      return;
    }
    const slug = authorSlug(result.data.name);
    const earlier = seen.get(slug);
    if (earlier !== undefined) {
      problems.push(`${where}: "${result.data.name}" has a profile already (entry ${earlier}). Keep one.`);
      return;
    }
    seen.set(slug, i + 1);
    const photoFile = result.data.photo && resolve(dirname(file), result.data.photo.src);
    if (photoFile && !existsSync(photoFile)) {
      problems.push(
        `${where} → photo.src: ${result.data.photo?.src} does not exist. Put the photo beside ${AUTHORS_FILE_NAME} or fix the path.`,
      );
      return;
    }
    profiles.push({ ...result.data, slug, photoFile });
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return profiles;
}

/** The authors.yaml in force: the content folder's own, else the project's, else none. */
export function authorsFile(): string | undefined {
  for (const dir of [CONTENT_DIR, PROJECT_CONTENT_DIR]) {
    const file = join(dir, AUTHORS_FILE_NAME);
    if (existsSync(file)) return file;
  }
  return undefined;
}

let profiles: AuthorProfile[] | undefined;

/** The profiles for this build, read once (an empty list without authors.yaml). */
export function getAuthorProfiles(): AuthorProfile[] {
  if (!profiles) {
    const file = authorsFile();
    profiles = file ? parseAuthors(readFileSync(file, 'utf8'), relative(process.cwd(), file)) : [];
  }
  return profiles;
}
