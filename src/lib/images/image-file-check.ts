/**
 * Checks that an article image is a photo the build can encode: a JPEG, PNG, WebP or AVIF that
 * decodes to the end and is not absurdly large. Astro's image service is lenient by design
 * (`failOn: 'none'`): a truncated JPEG would be published grey, and a file it cannot decode
 * would be copied through unoptimised, camera metadata included. So every image is decoded
 * once here, before Astro sees it, and a bad one fails the build naming the article.
 *
 * Decoding costs 30–600 ms a photo, so results are kept in a file keyed by path, size and
 * modification time: a rebuild decodes only new or replaced images.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ImageFacts } from '../content/articles.ts';
import { MAX_IMAGE_PIXELS } from './layout.ts';

/** `problem` follows the image's name: "The image ./foto.jpg " + problem. */
export type ImageCheck = { ok: true; facts: ImageFacts } | { ok: false; problem: string; fix: string };

const FORMATS: Record<string, ImageFacts['format'] | undefined> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  heif: 'avif',
};

/**
 * Decodes the whole file (at a small size, so memory stays bounded) and reports what it is.
 * `maxPixels` is MAX_IMAGE_PIXELS; tests lower it.
 */
export async function inspectImage(path: string, maxPixels = MAX_IMAGE_PIXELS): Promise<ImageCheck> {
  // Loaded on first use: a build without new photos never loads libvips (~100 MB).
  const { default: sharp } = await import('sharp');
  let meta;
  try {
    meta = await sharp(path, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch {
    return {
      ok: false,
      problem: 'is not an image (or not one this build can read).',
      fix: 'Save the photo again as JPEG (or PNG for graphics) and replace the file.',
    };
  }
  const format = meta.format === 'heif' && meta.compression !== 'av1' ? undefined : FORMATS[meta.format];
  if (meta.format === 'svg') {
    return {
      ok: false,
      problem: 'is an SVG file, which can carry script; SVG is not allowed in articles.',
      fix: 'Export it as PNG or JPEG.',
    };
  }
  if (!format || !meta.width || !meta.height) {
    return {
      ok: false,
      problem: `is a ${String(meta.format).toUpperCase()} file; articles take JPEG, PNG, WebP or AVIF.`,
      fix: 'Save it as JPEG (photos) or PNG (graphics).',
    };
  }
  const pixels = meta.width * meta.height;
  if (pixels > maxPixels) {
    const mp = (n: number) => `${Math.round(n / 1e6)} megapixels`;
    return {
      ok: false,
      problem: `is ${meta.width}×${meta.height} pixels (${mp(pixels)}); the limit is ${mp(maxPixels)}.`,
      fix: 'Export it smaller, e.g. 4000 pixels on the long side; the site never shows more than that.',
    };
  }
  try {
    // Shrink-on-load keeps this cheap; the decoder still reads every byte, so a cut-off file fails.
    await sharp(path, { failOn: 'error', limitInputPixels: maxPixels, sequentialRead: true })
      .resize(64, 64, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      ok: false,
      problem: `is damaged and cannot be decoded (${reason}).`,
      fix: 'Export or download the photo again and replace the file.',
    };
  }
  // Rotated by its EXIF orientation (5–8 turn it a quarter): the size the reader sees.
  const turned = (meta.orientation ?? 1) >= 5;
  const digest = createHash('sha256').update(readFileSync(path)).digest('base64url').slice(0, 22);
  return {
    ok: true,
    facts: {
      width: turned ? meta.height : meta.width,
      height: turned ? meta.width : meta.height,
      format,
      digest,
    },
  };
}

/** Image checks remembered across builds (path + size + mtime), saved beside Astro's cache. */
export class ImageFileChecks {
  private readonly known = new Map<string, ImageCheck>();
  private readonly cacheFile: string | undefined;
  private changed = false;

  constructor(cacheFile?: string) {
    this.cacheFile = cacheFile;
    if (!cacheFile) return;
    try {
      const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, ImageCheck>;
      for (const [key, value] of Object.entries(saved)) this.known.set(key, value);
    } catch {
      // First build or a cleared cache: every image is decoded once.
    }
  }

  /** `path` must already be resolved and inside the content folder (image-ref.ts). */
  async check(path: string): Promise<ImageCheck> {
    const key = stampOf(path);
    const cached = key === undefined ? undefined : this.known.get(key);
    if (cached) return cached;
    const result = await inspectImage(path);
    if (key !== undefined) {
      this.known.set(key, result);
      this.changed = true;
    }
    return result;
  }

  /** Writes the checks of files that are still there unchanged; the rest are forgotten. */
  save(): void {
    if (!this.cacheFile || !this.changed) return;
    const kept = [...this.known].filter(([key]) => stampOf(key.split('\u0000')[0] ?? '') === key);
    mkdirSync(dirname(this.cacheFile), { recursive: true });
    writeFileSync(this.cacheFile, JSON.stringify(Object.fromEntries(kept)));
  }
}

/** path + size + mtime, or undefined when the file is gone. */
function stampOf(path: string): string | undefined {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${path}\u0000${size}\u0000${mtimeMs}`;
  } catch {
    return undefined;
  }
}
