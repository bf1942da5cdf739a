/**
 * What an article may point at as an image, and where that is on disk. One rule for the lead
 * image in front-matter and for images in the body, shared by the build and check:content:
 * - a path relative to the article file (`./lavrov.jpg`, `bilder/kart.png`, `../felles/kart.png`),
 *   which must stay inside the content folder (also after following symlinks);
 * - JPEG, PNG, WebP or AVIF;
 * - never a remote URL (a reader's browser would fetch it from a third party, it cannot be
 *   optimised or sized, and it can change or vanish after publication) and never SVG (an SVG
 *   can carry script, which runs when the file is opened from our origin).
 * Every problem says what to do instead.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** File extensions an article image may have (lower case, with the dot). */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif'] as const;

export type ImageRef = { ok: true; path: string } | { ok: false; problem: string; fix: string };

/** http(s)://…, protocol-relative //…, or any other URL scheme (data:, file:, …). */
export function isRemoteSrc(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/**
 * Resolves `src` (as written in the article) against the article file, and checks the rules
 * above. `contentDir` is the folder nothing may be read from outside of.
 */
export function resolveImageRef(src: string, articlePath: string, contentDir: string): ImageRef {
  const shown = src.length > 80 ? `${src.slice(0, 77)}…` : src;
  if (src.trim() === '') {
    return { ok: false, problem: 'The image path is empty.', fix: 'Write the file name, e.g. ./foto.jpg.' };
  }
  if (isRemoteSrc(src)) {
    return {
      ok: false,
      problem: `The image ${shown} is a remote URL; images must be files beside the article.`,
      fix: 'Download the photo (with the right to publish it), put it beside the article and write ./foto.jpg.',
    };
  }
  if (src.startsWith('/')) {
    return {
      ok: false,
      problem: `The image ${shown} is a site path; images are found relative to the article file.`,
      fix: 'Put the photo beside the article and write ./foto.jpg.',
    };
  }
  const path = resolve(dirname(articlePath), src);
  const badName = imageNameProblem(path, shown);
  if (badName) return { ok: false, ...badName };
  const root = realpathOr(contentDir);
  if (!inside(root, path)) {
    return {
      ok: false,
      problem: `The image ${shown} is outside the content folder (${path}).`,
      fix: 'Copy the photo into the content folder, beside the article, and point to the copy.',
    };
  }
  if (!existsSync(path)) {
    return {
      ok: false,
      problem: `The image ${shown} does not exist: looked for ${path}.`,
      fix: 'Check the file name (upper and lower case count) and that the file is beside the article.',
    };
  }
  // A symlink inside the folder may still lead out of it: only the real location counts.
  const real = realpathSync(path);
  if (!inside(root, real)) {
    return {
      ok: false,
      problem: `The image ${shown} is a link to a file outside the content folder (${real}).`,
      fix: 'Copy the photo into the content folder instead of linking to it.',
    };
  }
  if (!statSync(real).isFile()) {
    return {
      ok: false,
      problem: `The image ${shown} is a folder, not a file.`,
      fix: 'Point to the image file.',
    };
  }
  return { ok: true, path: real };
}

/** An image file's name must say JPEG, PNG, WebP or AVIF; SVG is refused with the reason. */
export function imageNameProblem(path: string, shown: string): { problem: string; fix: string } | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.svg' || ext === '.svgz') {
    return {
      problem: `The image ${shown} is an SVG, which can carry script; SVG is not allowed in articles.`,
      fix: 'Export it as PNG (graphics, maps) or JPEG (photos) and use that file.',
    };
  }
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
    return {
      problem: `The image ${shown} is not a JPEG, PNG, WebP or AVIF file (by its name).`,
      fix: `Use a file ending in ${IMAGE_EXTENSIONS.join(', ')}.`,
    };
  }
  return undefined;
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
