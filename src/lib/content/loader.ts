/**
 * The articles loader: what Astro's glob() loader does (a store entry per Markdown file, kept
 * while the file is unchanged, rendered when new or changed), with our own checks around it:
 * - an unchanged file is not read at all: its stat (size, times, inode) matches its record in
 *   the article catalog (catalog.ts), so a rebuild of a large archive costs a stat per article,
 *   not a read, a digest and a parse. A file whose stat moved is read, and kept when its text
 *   did not change (a fresh clone);
 * - front-matter is parsed by src/lib/content/frontmatter.ts, so dates stay as written;
 * - every file is validated by src/lib/content/validate.ts, and all bad files are reported together
 *   in one error that names each file, field and fix (Astro would stop at the first);
 * - Markdown plugin errors fail the build (Astro only logs them and builds an empty page);
 * - ids are file paths, never the `slug` field, so two files never overwrite each other in
 *   the store; URL clashes are reported instead;
 * - every image file (front-matter `image`, images in the body) is checked before Astro imports
 *   it (src/lib/content/validate.ts), and the body's images become image imports through Astro's own
 *   `image()` schema helper: the body is rendered inside parseData, so the schema sees the
 *   images the render found (a test checks that an article's body images reach the page).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  devCollectionChanged,
  imageImportsOf,
  keepAssetImports,
  markdownEntryType,
  shareDevCollection,
  sortedEntries,
  type RenderFunction,
} from '../build/astro-internals/index.ts';
import { Catalog, statKey } from './catalog.ts';
import { ContentReportError, formatReport } from './errors.ts';
import { bodyDir, bodyFileMissing, bodyFileOf, listBodies, pruneBodies, writeBody } from './body-files.ts';
import { articleId, isArticleFile, listArticleFiles, symlinkProblems } from './dir.ts';
import { settings } from '../config.ts';
import { parseArticleSource } from './frontmatter.ts';
import type { ArticleData, ImageFacts } from './articles.ts';
import { ImageFileChecks } from '../images/image-file-check.ts';
import { deepestNesting, MAX_NESTING } from '../markdown/nesting.ts';
import { quietPluginErrors } from '../markdown/quiet-plugin-errors.ts';
import { readRenderFacts, storedRenderMetadata } from '../markdown/render-facts.ts';
import {
  createRenderPool,
  RenderPoolStopped,
  RenderWorkerCrash,
  type Rendered,
  type RenderPool,
} from '../markdown/render-pool.ts';
import type { ArticleSchema } from './schema.ts';
import { ContentCheck, imageProblems, lineOfImage, type ImageReference } from './validate.ts';
import { detached } from './detach.ts';

export interface ArticleLoaderOptions {
  /** Folder holding the articles (any depth). */
  dir: string;
  /** Folder that error messages name files relative to. */
  contentDir: string;
  /** Our own checks' schema (image paths as written); Astro's collection schema does the rest. */
  schema: ArticleSchema;
  /** Mixed into every entry's digest: when it changes (e.g. the category list), all entries are re-validated. */
  schemaFingerprint: string;
}

/** What a body that could not be rendered yields: its problem is reported, its entry dropped. */
const NOT_RENDERED: Rendered = { html: '', metadata: {} };

/** The fix for a render failure that is not a plugin's content message. */
function renderFailureFix(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'The text nests too deeply for the Markdown parser: flatten its lists, quotes or HTML elements.';
  }
  if (error instanceof RenderWorkerCrash) {
    // A worker can also die of something else (memory, a signal): one crash may not be the text's.
    return 'Build again; if it crashes on this article again, look for broken raw HTML or other unusual Markdown in it, and if it looks fine, report this with the file attached.';
  }
  return 'Look for broken raw HTML or other unusual Markdown in the file; if it looks fine, report this with the file attached.';
}

type StoredEntry = NonNullable<ReturnType<LoaderContext['store']['get']>>;
type StoredRender = NonNullable<StoredEntry['rendered']>;

/** The dev server reads a saved file again until it holds still (at most this often)... */
const RELOAD_ATTEMPTS = 5;
/** ...and gives a save that reads as broken this long to be written whole. */
const SETTLE_MS = 150;

/** Files read and checked at a time: renders overlap with reading and checking other files. */
const SYNC_CONCURRENCY = 10;

/** Renders done on the main thread before the worker pool starts (render-pool.ts). */
const RENDERS_BEFORE_POOL = 32;

/** Warnings listed in a build log; check:content lists all. */
const WARNINGS_SHOWN = 30;

export function articleLoader({ dir, contentDir, schema, schemaFingerprint }: ArticleLoaderOptions): Loader {
  return {
    name: 'article-loader',
    load: async (ctx) => {
      // Before any file is read: a link could lead out of the content folder.
      const links = symlinkProblems(dir, contentDir);
      if (links.length > 0) throw new ContentReportError(formatReport(links));
      const check = new ContentCheck(schema);
      const invalid = new Set<string>();
      // File line on which the rendered (trimmed) body starts, by file path: for render errors.
      const bodyStart = new Map<string, number>();
      // Renders started by parseData, by file path; renderEntry takes them from here.
      const renders = new Map<string, Promise<Rendered>>();
      const fileOf = (path: string) => relative(contentDir, path);
      const catalog = new Catalog(
        fileURLToPath(new URL('article-catalog.json', ctx.config.cacheDir)),
        schemaFingerprint,
      );
      /** The digest of a file: its text and the schema's fingerprint (a changed category list re-checks all). */
      const digestOf = (contents: string) => ctx.generateDigest(`${contents}\u0000${schemaFingerprint}`);
      const images = new ImageFileChecks(fileURLToPath(new URL('image-checks.json', ctx.config.cacheDir)));
      const bodies = bodyDir(fileURLToPath(ctx.config.cacheDir));
      /**
       * The body files there while the collection loads: one listing, not a look per article.
       * The dev server's later reloads look on disk (another build may prune the folder).
       */
      let listed = listBodies(bodies);
      const missingBody = (rendered: Parameters<typeof bodyFileMissing>[0]) => bodyFileMissing(rendered, listed);
      // Markdown render workers, started on demand and stopped when the collection is loaded.
      let pool: RenderPool | undefined;

      const astroMarkdown = markdownEntryType(ctx);

      /** Checks image files; on a problem the entry is marked invalid (reported, then dropped). */
      const checkImages = async (id: string, path: string, refs: ImageReference[]) => {
        const facts = await check.addImages(refs, path, fileOf(path), contentDir, images);
        if (!facts) invalid.add(id);
        return facts ?? {};
      };

      let renderInThread: Promise<RenderFunction> | undefined;
      let rendersInThread = 0;
      /** Renders one body: a few on this thread (a rebuild after an edit), the rest on the pool. */
      const renderBody = async (entry: Parameters<RenderFunction>[0]): Promise<Rendered> => {
        renderInThread ??= (async () => {
          const fn = await astroMarkdown.getRenderFunction?.(ctx.config);
          if (!fn) throw new Error('Astro has no Markdown renderer.');
          return fn;
        })();
        const inThread = await renderInThread;
        if (rendersInThread < RENDERS_BEFORE_POOL) {
          rendersInThread++;
          return (await inThread(entry)) as Rendered;
        }
        const config = ctx.config;
        const override = settings().renderWorker;
        // The worker file from the source folder (the loader is bundled, so not from import.meta.url);
        // a test's replacement worker from the working folder, as CONTENT_DIR.
        const worker = override ? pathToFileURL(resolve(override)) : new URL('lib/markdown/render-worker.ts', config.srcDir);
        pool ??= createRenderPool(worker, {
          base: config.base,
          options: {
            image: config.image,
            syntaxHighlight: config.markdown.syntaxHighlight,
            shikiConfig: config.markdown.shikiConfig,
            gfm: config.markdown.gfm,
            smartypants: config.markdown.smartypants,
          },
        });
        try {
          return await pool.render({
            body: typeof entry.body === 'string' ? entry.body : '',
            data: entry.data as Record<string, unknown>,
            filePath: entry.filePath,
          });
        } catch (error) {
          // A worker crashed on another article (reported there): render this one here.
          if (error instanceof RenderPoolStopped) return (await inThread(entry)) as Rendered;
          throw error;
        }
      };

      /** Renders, turning plugin errors into content problems (Astro would only log them). */
      const render = async (entry: Parameters<RenderFunction>[0]): Promise<Rendered> => {
        const file = entry.filePath ? fileOf(entry.filePath) : entry.id;
        const start = entry.filePath ? bodyStart.get(entry.filePath) : undefined;
        // Refused before parsing: the Markdown and HTML tree walkers recurse, and a deep enough
        // body overflows the stack (after minutes, for nested lists).
        const nesting = deepestNesting(typeof entry.body === 'string' ? entry.body : '');
        if (nesting.depth > MAX_NESTING) {
          check.errors.push({
            file,
            line: start ? start + nesting.line - 1 : undefined,
            problem: `The text nests ${nesting.kind} ${nesting.depth} levels deep; the limit is ${MAX_NESTING}.`,
            fix:
              nesting.kind === 'HTML elements'
                ? 'Close the HTML elements (</div>), or remove the raw HTML.'
                : 'Flatten the lists and quotes; indent continuation lines less.',
          });
          invalid.add(entry.id);
          return NOT_RENDERED;
        }
        try {
          return await renderBody(entry);
        } catch (error) {
          // Plugin errors are VFileMessages: a reason and a line within the body.
          const { reason, line } = error as { reason?: unknown; line?: unknown };
          check.errors.push({
            file,
            line: typeof line === 'number' && start ? start + line - 1 : undefined,
            problem:
              typeof reason === 'string'
                ? reason
                : error instanceof RenderWorkerCrash
                  ? `The Markdown renderer crashed on this article (${error.cause instanceof Error ? error.cause.message : 'unknown cause'}).`
                  : `The Markdown could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
            fix: typeof reason === 'string' ? '' : renderFailureFix(error),
          });
          invalid.add(entry.id);
          // Reported above; a thrown error would be logged once more, so nothing is thrown.
          return NOT_RENDERED;
        }
      };

      /**
       * The image files of an article as last rendered, and its lead photo (as written); with
       * the lines they are on when the text is at hand.
       */
      const imageRefs = (contents: string | undefined, previous: Partial<ArticleData<unknown>>, lead: string | undefined) => {
        const refs: ImageReference[] = (previous.bodyImages ?? []).map((image) => ({
          src: image.path,
          line: contents === undefined ? undefined : lineOfImage(contents, image.path),
        }));
        if (lead) refs.push({ src: lead, field: 'image.src', lead: true });
        return refs;
      };
      /** True when a photo of the stored entry was replaced by another file (its digest changed). */
      const photoReplaced = (
        previous: Partial<ArticleData<unknown>>,
        lead: string | undefined,
        facts: Record<string, ImageFacts>,
      ) => {
        const was = previous.imageFacts;
        return (
          (lead !== undefined && facts[lead]?.digest !== was?.lead?.digest) ||
          (previous.bodyImages ?? []).some((image, i) => facts[image.path]?.digest !== was?.body[i]?.digest)
        );
      };

      /**
       * True when the file at `path` still has the stat its catalog record was made with and its
       * stored entry is whole: kept without reading the file. Its photos are still checked (a
       * stat each); any problem or warning, a replaced photo or a lost rendered text sends the
       * file down the full path, which reads it and reports with line numbers.
       */
      const keptByStat = async (id: string, path: string, file: string, stat: Stats): Promise<boolean> => {
        const stored = ctx.store.get(id);
        const known = stored ? catalog.matchStat(file, statKey(stat), stored.digest) : undefined;
        if (!stored || !known || missingBody(stored.rendered)) return false;
        const previous = stored.data as Partial<ArticleData<unknown>>;
        const refs = imageRefs(undefined, previous, known.lead);
        if (refs.length > 0) {
          const { errors, warnings, facts } = await imageProblems(refs, path, file, contentDir, images);
          if (errors.length > 0 || warnings.length > 0 || photoReplaced(previous, known.lead, facts)) return false;
        }
        check.addKnown(file, known.path, known.warnings);
        keep(stored);
        return true;
      };

      /** Parses and checks a file read in full: what glob() asked an entry type for. */
      const entryInfo = async (contents: string, path: string, id: string, digest: string) => {
        const file = fileOf(path);
        // Each read of a file is judged afresh: the dev server reads a file again on every
        // save, and an editor's save can be seen half-written (invalid) just before it is
        // whole. Left marked, the whole file was then stored without its rendered facts.
        invalid.delete(id);
        const stored = ctx.store.get(id);
        const previous = (stored?.data as Partial<ArticleData<unknown>> | undefined) ?? {};
        // Unchanged since it was stored (the stat moved, the text did not: a fresh clone, a
        // touch): not parsed or validated again. Its photos are still checked (a stat each), and
        // a replaced one or a lost rendered text sends it down the full path below.
        const known = stored?.digest === digest ? catalog.match(file, digest) : undefined;
        if (known && stored) {
          const facts = await checkImages(id, path, imageRefs(contents, previous, known.lead));
          if (invalid.has(id)) return undefined;
          if (!photoReplaced(previous, known.lead, facts) && !missingBody(stored.rendered)) {
            check.addKnown(file, known.path, known.warnings);
            return undefined;
          }
        }
        const result = check.add(contents, file, id, () => readFileSync(path));
        if (result.errors.length > 0) invalid.add(id);
        const leading = result.body.slice(0, result.body.length - result.body.trimStart().length);
        bodyStart.set(path, result.bodyLine + (leading.match(/\n/g)?.length ?? 0));
        const body = result.body.trim();
        // Every build, for every article (cheap: a stat each; decoded only when new or
        // replaced): the lead photo, and the body's images as last rendered, so a photo
        // replaced by a broken file fails even when its article did not change.
        const lead = result.data?.image?.src;
        const facts = await checkImages(id, path, imageRefs(contents, previous, lead));
        // A replaced photo changes no byte of the article, so the stored entry would be kept:
        // drop it, and the article is parsed and rendered again with the new photo. The same
        // when its rendered body's file is gone (a cleared or moved cache).
        if (stored && (photoReplaced(previous, lead, facts) || missingBody(stored.rendered))) {
          ctx.store.delete(id);
        }
        if (!invalid.has(id)) catalog.set(file, { digest, path: result.path, lead, warnings: result.warnings });
        return { data: result.raw, body };
      };

      /**
       * Renders a parsed body (parseData has rendered it already: that result is taken over),
       * with the HTML moved out of the store into its own file (body-files.ts).
       */
      const renderEntry = async (entry: Parameters<RenderFunction>[0]): Promise<Rendered> => {
        const started = entry.filePath ? renders.get(entry.filePath) : undefined;
        if (entry.filePath) renders.delete(entry.filePath);
        // A file with errors found before rendering is dropped; nothing to render.
        if (!started && invalid.has(entry.id)) return NOT_RENDERED;
        const rendered = await (started ?? render(entry));
        if (invalid.has(entry.id)) return rendered;
        const digest = String(entry.digest ?? createHash('sha256').update(rendered.html).digest('hex'));
        const key = /^[\w-]+$/.test(digest) ? digest : createHash('sha256').update(digest).digest('hex');
        const bodyFile = writeBody(bodies, key, rendered.html);
        listed?.files.add(bodyFile);
        return { html: '', metadata: { ...storedRenderMetadata(rendered.metadata), bodyFile } };
      };

      /** Renders the body inside parseData, so the schema's image() helper sees the body's images. */
      const parseData = async (props: { id: string; data: Record<string, unknown>; filePath: string }) => {
        // A file with errors is already reported (and is never stored).
        if (invalid.has(props.id)) return props.data;
        const path = props.filePath;
        // Read again rather than kept from entryInfo: holding every changed body until it is
        // parsed would cost memory in a first build.
        let contents: string;
        let body: string;
        try {
          contents = readFileSync(path, 'utf8');
          body = parseArticleSource(contents, fileOf(path)).body.trim();
        } catch (error) {
          throw new Error(`${fileOf(path)} changed while the build read it; build again.`, {
            cause: error,
          });
        }
        const rendering = render({ id: props.id, data: props.data, body, filePath: path });
        renders.set(path, rendering);
        const rendered = await rendering;
        if (invalid.has(props.id)) return props.data; // reported by render()
        const { bodyImages } = readRenderFacts(rendered.metadata);
        const refs: ImageReference[] = bodyImages.map((image) => ({
          src: image.path,
          line: lineOfImage(contents, image.path),
        }));
        const lead = (props.data.image as { src?: unknown } | undefined)?.src;
        if (typeof lead === 'string') refs.push({ src: lead });
        const facts = await checkImages(props.id, path, refs);
        if (invalid.has(props.id)) return props.data;
        const imageFacts = {
          lead: typeof lead === 'string' ? facts[lead] : undefined,
          body: bodyImages.map((image) => facts[image.path]),
        };
        // `src` goes through Astro's image() helper: an import of the file.
        return ctx.parseData({
          ...props,
          data: {
            ...props.data,
            bodyImages: bodyImages.map((image) => ({ ...image, src: image.path })),
            imageFacts,
          },
        });
      };

      /** Ids in the store not (yet) seen among the files: deleted articles, removed at the end. */
      const untouched = new Set(ctx.store.keys());
      /** A stored entry kept as it is: its photos stay among the build's image imports. */
      const keep = (entry: StoredEntry) => {
        if (entry.assetImports?.length && entry.filePath) keepAssetImports(ctx.store, entry.assetImports, entry.filePath);
      };
      const started = Date.now();
      /** What this load did, for the log line a publish prints. */
      const tally = { byStat: 0, read: 0, stored: 0 };

      /**
       * Brings one article file into the store (what glob() did per file): kept when its stat or
       * its text is unchanged, otherwise parsed, checked, rendered and stored. `force` reads the
       * file whatever its stat says (the dev server's change events).
       */
      const syncFile = async (entry: string, force = false) => {
        const path = join(dir, entry);
        const id = articleId(entry);
        const file = fileOf(path);
        let stat: Stats;
        let contents: string;
        try {
          stat = statSync(path);
          if (!force && (await keptByStat(id, path, file, stat))) {
            untouched.delete(id);
            tally.byStat++;
            return;
          }
          contents = await readFile(path, 'utf8');
          tally.read++;
        } catch (error) {
          // Gone between listing and reading (an editor's rename): as if never listed.
          ctx.logger.error(`Error reading ${entry}: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        const digest = digestOf(contents);
        const info = await entryInfo(contents, path, id, digest);
        untouched.delete(id);
        const existing = ctx.store.get(id);
        if (!info) {
          // Kept by its digest (its stat moved, its text did not), or its photos failed (reported).
          if (!invalid.has(id)) catalog.noteStat(file, stat, started);
          if (existing) keep(existing);
          return;
        }
        const filePath = relative(fileURLToPath(ctx.config.root), path).split(sep).join('/');
        const data = await parseData({ id, data: info.data, filePath: path });
        let rendered: Rendered | undefined;
        try {
          rendered = await renderEntry({ id, data: info.data, body: info.body, filePath: path, digest });
        } catch (error) {
          ctx.logger.error(`Error rendering ${entry}: ${error instanceof Error ? error.message : String(error)}`);
        }
        // Reported, never stored: a build fails on it (and drops the stored version below); the
        // dev server goes on serving the last good version of the file.
        if (invalid.has(id)) return;
        const imagePaths = rendered?.metadata.imagePaths;
        tally.stored++;
        ctx.store.set({
          id,
          // Fresh strings: the parsed values are slices of the file's text (detach.ts).
          data: detached(data),
          filePath,
          digest,
          ...(rendered ? { rendered: detached(rendered) as StoredRender } : {}),
          ...(Array.isArray(imagePaths) ? { assetImports: imagePaths as string[] } : {}),
        });
        catalog.noteStat(file, stat, started);
      };

      const loud = quietPluginErrors();
      try {
        const files = listArticleFiles(dir);
        const queue = files.values();
        const worker = async () => {
          for (const entry of queue) await syncFile(entry);
        };
        await Promise.all(Array.from({ length: Math.min(SYNC_CONCURRENCY, files.length) }, worker));
        listed = undefined;
        for (const id of untouched) ctx.store.delete(id);
        ctx.logger.info(
          `${files.length} article file(s): ${tally.byStat} unchanged by their stat (not read), ` +
            `${tally.read} read, ${tally.stored} parsed and rendered, ${untouched.size} removed.`,
        );
      } finally {
        loud();
        await pool?.close();
        // The dev server keeps loading changed files with this loader: start a new pool then.
        pool = undefined;
        rendersInThread = 0;
        images.save();
      }

      // The dev server: a saved, added or deleted article is loaded again at once.
      if (ctx.watcher) {
        const watcher = ctx.watcher;
        watcher.add(dir);
        const entryOf = (changed: string) => relative(dir, changed).split(sep).join('/');
        // One load at a time per file: an editor's save can fire two events, and the first may
        // see the file half-written; run side by side, that read could be stored last.
        const queued = new Map<string, Promise<void>>();
        const statOf = (path: string) => {
          try {
            return statKey(statSync(path));
          } catch {
            return undefined;
          }
        };
        // Pages read the store from this view at once after a reload (dev-store.ts).
        shareDevCollection('articles', () => sortedEntries(ctx.store.entries()));
        const reload = async (entry: string) => {
          const path = join(dir, entry);
          const file = fileOf(path);
          const photosBefore = imageImportsOf(ctx.store.get(articleId(entry)));
          try {
            // An editor's save can be seen before it is whole (a truncate, then the write), with
            // a single event for both: read again until the file held still while it was read.
            for (let attempt = 0; attempt < RELOAD_ATTEMPTS; attempt++) {
              const before = statOf(path);
              await syncFile(entry, true);
              if (invalid.has(articleId(entry))) await new Promise((done) => setTimeout(done, SETTLE_MS));
              if (statOf(path) === before) break;
            }
            // This file's problems, taken out of the list (the next save is judged afresh).
            const problems = check.errors.filter((e) => e.file === file);
            const others = check.errors.filter((e) => e.file !== file);
            check.errors.splice(0, check.errors.length, ...others);
            if (problems.length > 0) ctx.logger.error(`\n${formatReport(problems)}`);
            else ctx.logger.info(`Reloaded data from ${entry}`);
            // A photo new to this article waits for Astro's list of image imports (written with
            // the store): without it the page could not show the photo.
            if (imageImportsOf(ctx.store.get(articleId(entry))) === photosBefore) devCollectionChanged();
          } catch (error) {
            ctx.logger.error(`Failed to reload ${entry}: ${error instanceof Error ? error.message : String(error)}`);
          }
        };
        const onChange = (changed: string) => {
          const entry = entryOf(changed);
          if (!isArticleFile(entry)) return;
          const next = (queued.get(entry) ?? Promise.resolve()).then(() => reload(entry));
          queued.set(entry, next);
          void next.finally(() => {
            if (queued.get(entry) === next) queued.delete(entry);
          });
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', (deleted) => {
          const entry = entryOf(deleted);
          if (!isArticleFile(entry)) return;
          ctx.store.delete(articleId(entry));
          devCollectionChanged();
        });
      }

      // Body files of deleted and changed articles.
      const used = new Set<string>();
      for (const entry of ctx.store.values()) {
        const file = bodyFileOf(entry.rendered);
        if (file) used.add(file);
      }
      pruneBodies(bodies, used);

      check.finish();
      const { errors, warnings } = check;
      // Saved only with the store: a record is used only while its entry is stored unchanged.
      if (errors.length === 0) catalog.save();
      if (warnings.length > 0) ctx.logger.warn(`\n${formatReport([], warnings, WARNINGS_SHOWN)}`);
      if (errors.length > 0) {
        // Never keep a bad entry in the cache: the next build must look at it again.
        for (const id of invalid) ctx.store.delete(id);
        throw new ContentReportError(formatReport(errors));
      }
    },
  };
}
