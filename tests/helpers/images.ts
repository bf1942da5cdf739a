/** Reading the photos of a built page as a browser would: <picture>s, their files and metadata. */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { visit } from 'unist-util-visit';

export interface FoundPicture {
  sources: { type: string; srcset: string; sizes: string }[];
  img: Record<string, string>;
  /** The <figure> around it, when there is one. */
  figure: { classes: string[]; caption: string; credit: string } | undefined;
  /** Classes of the <picture>. */
  classes: string[];
}

const text = (node: Element | Root): string =>
  node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');

const attributes = (node: Element): Record<string, string> =>
  Object.fromEntries(
    Object.entries(node.properties).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : String(v)]),
  );

const classesOf = (node: Element): string[] => {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
};

/** Every <picture> in the page, in order. */
export function picturesIn(html: string): FoundPicture[] {
  const found: FoundPicture[] = [];
  visit(fromHtml(html), 'element', (node: Element, _index, parent) => {
    if (node.tagName !== 'picture') return;
    const elements = node.children.filter((c): c is Element => c.type === 'element');
    const img = elements.find((e) => e.tagName === 'img');
    const figure = parent?.type === 'element' && parent.tagName === 'figure' ? parent : undefined;
    const figcaption = figure?.children.find(
      (c): c is Element => c.type === 'element' && c.tagName === 'figcaption',
    );
    const credit = figcaption?.children.find(
      (c): c is Element => c.type === 'element' && classesOf(c).includes('credit'),
    );
    found.push({
      sources: elements
        .filter((e) => e.tagName === 'source')
        .map((e) => ({
          type: String(e.properties.type),
          srcset: String(e.properties.srcSet),
          sizes: String(e.properties.sizes),
        })),
      img: img ? attributes(img) : {},
      figure: figure && {
        classes: classesOf(figure),
        caption: figcaption ? text(figcaption).trim() : '',
        credit: credit ? text(credit).trim() : '',
      },
      classes: classesOf(node),
    });
  });
  return found;
}

/** "a.avif 360w, b.avif 720w" → [{ url, width }]. */
export function srcsetEntries(srcset: string): { url: string; width: number }[] {
  return srcset.split(',').map((part) => {
    const [url = '', descriptor = ''] = part.trim().split(/\s+/);
    return { url, width: Number(descriptor.replace(/w$/, '')) };
  });
}

/** The file in dist/ behind a URL of the site (absolute, or a path under the deploy base). */
export function fileOf(outDir: string, base: string, url: string): string {
  const path = new URL(url, 'https://site.invalid').pathname;
  if (!path.startsWith(base)) throw new Error(`${url} is not under the base ${base}`);
  return join(outDir, decodeURIComponent(path.slice(base.length)));
}

export const imageInfo = (path: string) => sharp(path).metadata();

const IMAGE = /\.(jpe?g|png|webp|avif)$/i;

/** Every image file under a folder. */
export function imageFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && IMAGE.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

/** What sharp calls each output type. */
export const SHARP_FORMAT: Record<string, string> = {
  'image/avif': 'heif',
  'image/webp': 'webp',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
};

export const typeOfFile = (path: string): string =>
  ({ '.avif': 'image/avif', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.png': 'image/png' })[
    extname(path).toLowerCase()
  ] ?? 'unknown';

/** The camera metadata sharp finds in an image file, and traces of it in the bytes. */
export async function metadataLeft(path: string, traces: readonly string[]): Promise<string[]> {
  const meta = await sharp(path).metadata();
  const bytes = readFileSync(path);
  return [
    meta.exif ? 'EXIF' : '',
    meta.xmp ? 'XMP' : '',
    meta.iptc ? 'IPTC' : '',
    ...traces.filter((t) => bytes.includes(t)),
  ].filter(Boolean);
}
