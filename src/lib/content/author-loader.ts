/**
 * The `authors` collection: the profiles of authors.yaml (src/lib/content/authors.ts), stored so
 * that Astro's image() helper turns each photo into an import for the image pipeline, as for
 * article photos. Each photo is checked first (src/lib/images/image-file-check.ts): a file that
 * is not a usable photo fails the build naming authors.yaml, the entry and the fix.
 */
import type { Loader } from 'astro/loaders';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorsFile, getAuthorProfiles } from './authors.ts';
import { inspectImage } from '../images/image-file-check.ts';
import { shareDevCollection, sortedEntries } from '../build/astro-internals/index.ts';
import { setStoredCount } from './stored-count.ts';

export function authorLoader(): Loader {
  return {
    name: 'news-author-profiles',
    load: async ({ store, parseData, config, watcher }) => {
      // The dev server's pages read the store from the loaders' views (dev-store.ts).
      if (watcher) shareDevCollection('authors', () => sortedEntries(store.entries()));
      store.clear();
      const file = authorsFile();
      setStoredCount('authors', 0);
      if (!file) return;
      const problems: string[] = [];
      for (const profile of getAuthorProfiles()) {
        let facts;
        if (profile.photoFile) {
          const check = await inspectImage(profile.photoFile);
          if (!check.ok) {
            problems.push(`${file} → ${profile.name} → photo.src: ${profile.photo?.src} ${check.problem} ${check.fix}`);
            continue;
          }
          facts = check.facts;
        }
        const data = await parseData({
          id: profile.slug,
          data: { ...profile, photoFile: undefined, photoFacts: facts },
          filePath: file,
        });
        store.set({ id: profile.slug, data, filePath: relative(fileURLToPath(config.root), file).split(sep).join('/') });
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
      setStoredCount('authors', store.keys().length);
    },
  };
}
