/**
 * No original photo is ever published: only the resized copies Astro's image pipeline makes,
 * without camera metadata (GPS position, camera, owner).
 *
 * Vite emits every imported photo into dist/_astro/ as it is, and Astro deletes each original
 * once it has made the copies a page asked for. A photo no page asks for (its article is a draft
 * or embargoed) stays behind: its original, metadata and all, would be online before the
 * article is. This removes every file in the output that is byte for byte a photo from the
 * content folder. Matching bytes, not names, means nothing else can be caught by mistake and no
 * original can slip through under another name.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputTree } from '../build/output-files.ts';
import { IMAGE_EXTENSIONS } from './image-ref.ts';

const isImage = (name: string) =>
  (IMAGE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());

function imageFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && isImage(d.name))
    .map((d) => join(d.parentPath, d.name));
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Output files that are byte for byte one of the source photos. */
export function originalsIn(outputFiles: readonly string[], sourceFiles: readonly string[]): string[] {
  // Sizes first: a stat each; only a file the size of a source photo is read and hashed.
  const bySize = new Map<number, string[]>();
  for (const path of sourceFiles) {
    const size = statSync(path).size;
    bySize.set(size, [...(bySize.get(size) ?? []), path]);
  }
  const sourceDigests = new Map<string, string>();
  const digestOf = (path: string) => {
    let known = sourceDigests.get(path);
    if (!known) sourceDigests.set(path, (known = digest(path)));
    return known;
  };
  return outputFiles.filter((path) => {
    const candidates = bySize.get(statSync(path).size);
    if (!candidates) return false;
    const bytes = digest(path);
    return candidates.some((source) => digestOf(source) === bytes);
  });
}

export function dropOriginalImages({ contentDir }: { contentDir: string }): AstroIntegration {
  return {
    name: 'news-drop-original-images',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        // From the build's one walk of dist/ (src/lib/build/output-files.ts); the content
        // folder is walked only when the output has photos at all.
        const tree = outputTree(fileURLToPath(dir));
        const output = tree
          .list()
          .map((f) => f.path)
          .filter(isImage);
        const found = output.length > 0 ? originalsIn(output, imageFiles(contentDir)) : [];
        for (const path of found) {
          rmSync(path);
          tree.removed(path);
        }
        if (found.length > 0) {
          logger.info(
            `Removed ${found.length} original photo(s) no published page shows (drafts, embargoes).`,
          );
        }
      },
    },
  };
}
