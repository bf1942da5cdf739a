// @ts-check
// Site and base path come from the environment (see README, "Configuration"); Markdown goes
// through remark and rehype with our plugins. No logic lives here.
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { buildFlags } from './src/lib/build/flags.ts';
import { settings } from './src/lib/config.ts';
import { contentStoreFromFile } from './src/lib/build/astro-internals/content-store.ts';
import { keptBuildVite } from './src/lib/build/astro-internals/kept-build.ts';
import { CONTENT_DIR } from './src/lib/content/dir.ts';
import { dropOriginalImages } from './src/lib/images/drop-originals.ts';
import { ENCODER_SETTINGS } from './src/lib/images/layout.ts';
import { assetFileNames } from './src/lib/images/asset-names.ts';
import { articleMarkdown } from './src/lib/markdown/pipeline.ts';
import { SEARCH_DIR } from './src/lib/distribution/search-shards.ts';
import { DICTIONARY_FILE } from './src/lib/build/precompress.ts';
import { finishSiteOutput } from './src/lib/build/finish-site.ts';
import { pruneStaleOutput } from './src/lib/build/stale-output.ts';
import { redirectFiles } from './src/lib/build/redirects.ts';
import { currentPart, partManifest } from './src/lib/build/parts.ts';

const { siteUrl: site, basePath: base, outDir, cacheDir } = settings();

export default defineConfig({
  // Folders named from this file, not from the root: the tests build fixture sites side by side,
  // each with its own root (so its own .astro/ folder), from the same sources.
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  site,
  base,
  trailingSlash: 'always',
  outDir,
  // The content-layer cache; separate per fixture build in the tests.
  cacheDir,
  // One hashed stylesheet, cached by the browser across every page a reader opens.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Every article has exactly one URL; a clash is an error, never a silent overwrite.
  prerenderConflictBehavior: 'error',
  devToolbar: { enabled: false },
  // Article photos (src/lib/images/): Astro's sharp service with our encoder settings. Encoded
  // images are cached in cacheDir/assets, so a rebuild encodes only new or changed photos.
  image: {
    service: { entrypoint: 'astro/assets/services/sharp', config: ENCODER_SETTINGS },
  },
  // The search script stays a cached file of its own: Astro inlines small scripts, and an
  // inlined script loses Vite's helper for the run-time import() of Pagefind.
  // dist/ is kept between builds, so the incremental build leaves unchanged pages in place;
  // pruneStaleOutput removes what a build no longer makes.
  // Photos are published under ASCII names, whatever the editor called the file
  // (src/lib/images/asset-names.ts).
  // In the publisher's kept process, each build's page bundle is named apart (kept-build.ts).
  vite: {
    ...keptBuildVite(),
    build: {
      assetsInlineLimit: 0,
      emptyOutDir: false,
      rolldownOptions: { output: { assetFileNames: assetFileNames('_astro') } },
    },
  },
  // A hash-based Content-Security-Policy <meta> on every page (no 'unsafe-inline' scripts);
  // frame-ancestors and the other header-only rules are in src/lib/deploy/security-headers.ts.
  security: { csp: true },
  // A rebuild re-renders only pages whose data changed (src/lib/build/cache-key.ts); the rest stay in
  // dist/ (or are copied from cacheDir). `npm run build -- --force` ignores the cache.
  experimental: {
    incrementalBuild: true,
  },
  integrations: [
    buildFlags(),
    contentStoreFromFile(),
    // Only resized copies of photos are published, never an original (with its camera metadata).
    dropOriginalImages({ contentDir: CONTENT_DIR }),
    // Old list page addresses → where their stories are now (_redirects, and a map for nginx).
    redirectFiles(),
    // Prunes dist/ before the search index reads it, so removed articles are not indexed.
    pruneStaleOutput({ owned: [SEARCH_DIR, DICTIONARY_FILE] }),
    // A part of a build (BUILD_PART, src/lib/build/parts.ts) writes its pages and a manifest; the
    // merge of the parts indexes and compresses them all (scripts/merge-parts.ts).
    partManifest(),
    // Last: the search index and the compressed twins of everything the integrations above wrote.
    ...(currentPart() ? [] : [finishSiteOutput()]),
  ],
  markdown: {
    // Shiki's inline styles would need 'unsafe-inline' in the CSP; news articles need no code colouring.
    syntaxHighlight: false,
    processor: articleMarkdown(base),
  },
});
