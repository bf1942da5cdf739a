/**
 * Builds the Pagefind search index after the pages are written. Only pages that mark their
 * content with data-pagefind-body (article pages) are indexed, and drafts and embargoed
 * articles are never in dist/, so they can never be found.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Pagefind's Norwegian stemming is under "no"; the pages say lang="nb". */
export const SEARCH_LANGUAGE = 'no';

export function searchIndex(): AstroIntegration {
  return {
    name: 'news-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        // dist/ is kept between builds (stale-output.ts): start the index folder afresh.
        rmSync(`${site}/pagefind`, { recursive: true, force: true });
        const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(
          `Search index written (${added.page_count} pages scanned; only article pages are indexed).`,
        );
      },
    },
  };
}
