/**
 * The loader of live stories' entries (src/lib/content/live.ts), checked by live-entries.ts (as
 * `npm run check:content` checks them); each entry's text goes through the same Markdown pipeline
 * as articles. An entry whose text, photo and story's `live` are unchanged is kept as stored (not
 * rendered again). Entries are few beside articles (a live story has tens or hundreds), so each
 * is read on every load.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { devCollectionChanged, markdownEntryType, shareDevCollection, sortedEntries } from '../build/astro-internals/index.ts';
import { ContentReportError, formatReport } from './errors.ts';
import { isLiveEntryFile } from './dir.ts';
import { checkLiveEntries } from './live-entries.ts';
import { setStoredCount } from './stored-count.ts';
import { detached } from './detach.ts';

export interface LiveEntryLoaderOptions {
  /** The articles folder. */
  dir: string;
  /** Folder that error messages name files relative to. */
  contentDir: string;
}

export function liveEntryLoader({ dir, contentDir }: LiveEntryLoaderOptions): Loader {
  return {
    name: 'live-entry-loader',
    load: async (ctx) => {
      const loadAll = async (): Promise<void> => {
        const { entries, problems, rejected } = await checkLiveEntries(dir, contentDir);
        const render = await markdownEntryType(ctx).getRenderFunction?.(ctx.config);
        if (!render) throw new Error('Astro has no Markdown renderer.');
        const seen = new Set<string>();
        for (const { id, path, contents, data: raw, body, imageFacts, storyDigest } of entries) {
          seen.add(id);
          const digest = ctx.generateDigest(`${contents}\u0000${storyDigest}\u0000${imageFacts?.digest ?? ''}`);
          if (ctx.store.get(id)?.digest === digest) continue;
          const rendered = (await render({ id, data: {}, body, filePath: path, digest })) as {
            html: string;
            metadata?: Record<string, unknown>;
          };
          const data = await ctx.parseData({ id, data: { ...raw, imageFacts }, filePath: path });
          ctx.store.set({
            id,
            // Fresh strings: the parsed values are slices of the file's text (detach.ts).
            data: detached(data),
            body: detached(body),
            digest,
            filePath: relative(fileURLToPath(ctx.config.root), path).split(sep).join('/'),
            rendered: { html: rendered.html, metadata: {} },
          });
        }
        // A removed entry leaves the store; one that broke keeps its last good version, so the dev
        // server goes on showing it until the file is fixed (a build fails on the problem anyway).
        for (const id of ctx.store.keys()) if (!seen.has(id) && !rejected.has(id)) ctx.store.delete(id);
        setStoredCount('liveEntries', ctx.store.keys().length);
        if (problems.length > 0) throw new ContentReportError(formatReport(problems));
      };

      await loadAll();
      if (ctx.watcher) {
        // The dev server's pages read the store from the loaders' views (dev-store.ts).
        shareDevCollection('liveEntries', () => sortedEntries(ctx.store.entries()));
        const touches = (path: string) => {
          const rel = relative(dir, path).split(sep).join('/');
          return !rel.startsWith('..') && (isLiveEntryFile(rel) || rel.endsWith('/index.md'));
        };
        const reload = (path: string) => {
          if (!touches(path)) return;
          loadAll().then(
            () => devCollectionChanged(),
            (error: unknown) => ctx.logger.error(error instanceof Error ? error.message : String(error)),
          );
        };
        ctx.watcher.on('change', reload);
        ctx.watcher.on('add', reload);
        ctx.watcher.on('unlink', reload);
      }
    },
  };
}
