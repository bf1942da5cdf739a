/**
 * Names of the files Vite emits into /_astro/. A photo's copies are named after its original
 * file, and an editor's file name ("Bilde av Fjord.JPG", "Ærlig talt.jpg", or the same written in
 * NFD as macOS does) would reach public URLs with spaces, capitals and percent-escapes. Photos are
 * published under a plain ASCII slug of their name instead ("bilde-av-fjord.<hash>_<hash>.webp");
 * the front-matter and Markdown keep using the file's real name.
 *
 * Every other asset keeps the name Astro gives it (assumption 6 in
 * src/lib/build/astro-internals/index.ts: `<assets>/[name].[hash][extname]`, a page's styles
 * named up to "@_@"). If Astro changes its own naming, only stylesheet names differ from
 * Astro's; they stay valid and hashed.
 */
import { IMAGE_EXTENSIONS } from './image-ref.ts';
import { slugify } from '../slug.ts';
import { ASTRO_PAGE_NAME_END } from '../build/astro-internals/index.ts';

/** What a photo without a usable name (only emoji, say) is published as. */
const FALLBACK = 'bilde';

/**
 * The published stem of a photo file name: "Bilde av Fjord.JPG" → "bilde-av-fjord". slugify()
 * decomposes (NFKD) before it drops accents, so a name in NFD gives the same stem as in NFC.
 */
export function photoStem(fileName: string): string {
  return slugify(fileName.replace(/\.[^.]*$/, '')) || FALLBACK;
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

/** Vite's `assetFileNames` for the build: photos by their slug, the rest as Astro names them. */
export function assetFileNames(assetsDir: string) {
  return (assetInfo: { names?: readonly string[] }): string => {
    const name = assetInfo.names?.[0] ?? '';
    const extension = extensionOf(name);
    if ((IMAGE_EXTENSIONS as readonly string[]).includes(extension)) {
      return `${assetsDir}/${photoStem(name)}.[hash]${extension}`;
    }
    if (name.includes(ASTRO_PAGE_NAME_END)) {
      return `${assetsDir}/${name.split(ASTRO_PAGE_NAME_END)[0]}.[hash][extname]`;
    }
    return `${assetsDir}/[name].[hash][extname]`;
  };
}
