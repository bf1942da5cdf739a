/**
 * The articles loader: Astro's glob() loader (content-layer cache, incremental rendering)
 * with our own checks around it:
 * - front-matter is parsed by src/lib/frontmatter.ts, so dates stay as written;
 * - every file is validated by src/lib/validate.ts, and all bad files are reported together
 *   in one error that names each file, field and fix (Astro would stop at the first);
 * - Markdown plugin errors fail the build (Astro only logs them and builds an empty page);
 * - ids are file paths, never the `slug` field, so two files never overwrite each other in
 *   the store; URL clashes are reported instead.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import type { z } from 'astro/zod';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import type { ArticleData } from './articles.ts';
import { formatReport } from './content-error.ts';
import { createRenderPool, type RenderPool } from './markdown/render-pool.ts';
import { ContentCheck } from './validate.ts';

interface EntryInfo {
  data: Record<string, unknown>;
  body: string;
  slug?: string;
  rawData: string;
}

type RenderFunction = (
  entry: { id: string; filePath?: string } & Record<string, unknown>,
) => Promise<unknown>;

interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<EntryInfo>;
  getRenderFunction?(config: unknown): Promise<RenderFunction>;
}

/** glob() reads `entryTypes` from its context; it is not in the public LoaderContext type. */
type GlobContext = LoaderContext & { entryTypes: Map<string, EntryType> };

export interface ArticleLoaderOptions {
  /** Folder holding the articles (any depth). */
  dir: string;
  /** Folder that error messages name files relative to. */
  contentDir: string;
  schema: z.ZodType<ArticleData, unknown>;
  /** Mixed into every entry's digest: when it changes (e.g. the category list), all entries are re-validated. */
  schemaFingerprint: string;
}

/** Renders done on the main thread before the worker pool starts (render-pool.ts). */
const RENDERS_BEFORE_POOL = 32;

/** Warnings listed in a build log; check:content lists all. */
const WARNINGS_SHOWN = 30;

const idOf = (dir: string, path: string) => relative(dir, path).split(/[\\/]/).join('/').replace(/\.md$/, '');

export function articleLoader({ dir, contentDir, schema, schemaFingerprint }: ArticleLoaderOptions): Loader {
  const inner = glob({
    base: pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`),
    pattern: '**/*.md',
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
    // Pages use the rendered HTML only. Dropping the raw Markdown shrinks the store, which the
    // build writes, reads back and holds in memory: ~40 % fewer bytes.
    retainBody: false,
  });

  return {
    name: 'article-loader',
    load: async (context) => {
      const ctx = context as GlobContext;
      const check = new ContentCheck(schema);
      const invalid = new Set<string>();
      // File line on which the rendered (trimmed) body starts, by file path: for render errors.
      const bodyStart = new Map<string, number>();
      const fileOf = (path: string) => relative(contentDir, path);
      // Markdown render workers, started on demand and stopped when the collection is loaded.
      let pool: RenderPool | undefined;

      const astroMarkdown = ctx.entryTypes.get('.md');
      if (!astroMarkdown) throw new Error('Astro has no Markdown entry type registered.');
      const markdown: EntryType = {
        async getEntryInfo({ contents, fileUrl }) {
          const path = fileURLToPath(fileUrl);
          const file = fileOf(path);
          const result = check.add(contents, file, idOf(dir, path), () => readFileSync(fileUrl));
          if (result.errors.length > 0) invalid.add(idOf(dir, path));
          const leading = result.body.slice(0, result.body.length - result.body.trimStart().length);
          bodyStart.set(path, result.bodyLine + (leading.match(/\n/g)?.length ?? 0));
          return { data: result.raw, body: result.body.trim(), rawData: result.rawFrontmatter };
        },
        // Keep Astro's renderer (our remark/rehype pipeline), but let its errors fail the build.
        async getRenderFunction(settings) {
          const config = settings as AstroConfig;
          const inThread = await astroMarkdown.getRenderFunction?.(settings);
          if (!inThread) throw new Error('Astro has no Markdown renderer.');
          let rendersInThread = 0;
          // A few renders (a rebuild after an edit) stay on this thread: starting workers costs
          // more than it saves. Past that, the pool renders in parallel.
          const render: typeof inThread = async (entry) => {
            if (rendersInThread < RENDERS_BEFORE_POOL) {
              rendersInThread++;
              return inThread(entry);
            }
            pool ??= createRenderPool(new URL('src/lib/markdown/render-worker.ts', config.root), {
              base: config.base,
              options: {
                image: config.image,
                syntaxHighlight: config.markdown.syntaxHighlight,
                shikiConfig: config.markdown.shikiConfig,
                gfm: config.markdown.gfm,
                smartypants: config.markdown.smartypants,
              },
            });
            return pool.render({
              body: typeof entry.body === 'string' ? entry.body : '',
              data: entry.data as Record<string, unknown>,
              filePath: entry.filePath,
            });
          };
          return async (entry) => {
            try {
              return await render(entry);
            } catch (error) {
              const file = entry.filePath ? fileOf(entry.filePath) : entry.id;
              // Plugin errors are VFileMessages: a reason and a line within the body.
              const { reason, line } = error as { reason?: unknown; line?: unknown };
              const start = entry.filePath ? bodyStart.get(entry.filePath) : undefined;
              check.errors.push({
                file,
                line: typeof line === 'number' && start ? start + line - 1 : undefined,
                problem:
                  typeof reason === 'string'
                    ? reason
                    : `The Markdown could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
                fix: typeof reason === 'string' ? '' : 'Check the Markdown for broken raw HTML.',
              });
              invalid.add(entry.id);
              throw error;
            }
          };
        },
      };
      const entryTypes = new Map(ctx.entryTypes);
      entryTypes.set('.md', Object.assign(Object.create(astroMarkdown) as EntryType, markdown));

      try {
        await inner.load({
          ...ctx,
          entryTypes,
          // A file with errors is already reported: store it as written, and drop it below.
          parseData: async (props) => (invalid.has(props.id) ? props.data : ctx.parseData(props)),
          generateDigest: (value) =>
            ctx.generateDigest(typeof value === 'string' ? `${value}\u0000${schemaFingerprint}` : value),
        } as GlobContext);
      } finally {
        await pool?.close();
      }

      check.finish();
      const { errors, warnings } = check;
      if (warnings.length > 0) ctx.logger.warn(`\n${formatReport([], warnings, WARNINGS_SHOWN)}`);
      if (errors.length > 0) {
        // Never keep a bad entry in the cache: the next build must look at it again.
        for (const id of invalid) ctx.store.delete(id);
        throw new Error(`\n${formatReport(errors)}`);
      }
    },
  };
}
