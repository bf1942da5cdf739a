/**
 * The articles loader: Astro's glob() loader (content-layer cache, incremental rendering)
 * with two things of ours:
 * - front-matter is parsed by src/lib/frontmatter.ts, so dates stay as written and bad files
 *   get an editor-friendly error;
 * - ids are file paths, never the `slug` field, so two files can never overwrite each other in
 *   the store (URL clashes are reported by assertUniquePaths instead).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { parseArticleSource } from './frontmatter';

interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{
    data: Record<string, unknown>;
    body: string;
    slug?: string;
    rawData: string;
  }>;
}

/** glob() reads `entryTypes` from its context; it is not in the public LoaderContext type. */
type GlobContext = LoaderContext & { entryTypes: Map<string, EntryType> };

export interface ArticleLoaderOptions {
  /** Folder holding the articles (any depth). */
  dir: string;
  /** Folder that error messages name files relative to. */
  contentDir: string;
  /** Mixed into every entry's digest: when it changes (e.g. the category list), all entries are re-validated. */
  schemaFingerprint: string;
}

export function articleLoader({ dir, contentDir, schemaFingerprint }: ArticleLoaderOptions): Loader {
  const inner = glob({
    base: pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`),
    pattern: '**/*.md',
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  });
  const markdownEntryType: EntryType = {
    async getEntryInfo({ contents, fileUrl }) {
      const file = relative(contentDir, fileURLToPath(fileUrl));
      const { data, body, rawFrontmatter } = parseArticleSource(contents, file, () => readFileSync(fileUrl));
      return { data, body: body.trim(), rawData: rawFrontmatter };
    },
  };
  return {
    name: 'article-loader',
    load: async (context) => {
      const ctx = context as GlobContext;
      const entryTypes = new Map(ctx.entryTypes);
      const astroMarkdown = entryTypes.get('.md');
      if (!astroMarkdown) throw new Error('Astro has no Markdown entry type registered.');
      // Keep Astro's renderer (our remark/rehype pipeline); replace only the parsing.
      entryTypes.set('.md', Object.assign(Object.create(astroMarkdown) as EntryType, markdownEntryType));
      await inner.load({
        ...ctx,
        entryTypes,
        generateDigest: (value) =>
          ctx.generateDigest(typeof value === 'string' ? `${value}\u0000${schemaFingerprint}` : value),
      } as GlobContext);
    },
  };
}
