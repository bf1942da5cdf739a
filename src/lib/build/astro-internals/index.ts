/**
 * Astro internals this project relies on, in one place. Each is an assumption about Astro
 * 7.3.5 (checked against that version) that no public API covers; tests/unit/astro-internals.test.ts
 * checks every one against the installed Astro and fails naming it when Astro changes it.
 *
 * 1. A loader's context carries the content entry types as `context.entryTypes` (a Map by file
 *    extension); the '.md' type's getRenderFunction() gives Astro's Markdown renderer with the
 *    configured remark and rehype pipeline (entry-types.ts; used by content/loader.ts).
 *    If it breaks: the loader stops with an error naming this assumption (a build without our
 *    pipeline would publish unchecked articles, so there is no silent fallback).
 * 2. The page build imports the content store as the virtual module `\0astro:data-layer-content`,
 *    and Astro writes the store to `data-store.json` in the cache folder (build) or `.astro/`
 *    (dev), with `meta.astroIncremental` marking content data (content-store.ts); Astro's runtime
 *    takes the module's export as the store's Map (ImmutableDataStore.fromModule), so ours
 *    unflattens the file itself and does not keep the flattened form loaded beside it.
 *    If it breaks: our plugin no longer matches, Astro's own module is used (slower, equally
 *    correct), and the build logs one warning line saying so; without the Map, our module
 *    exports the flattened form as Astro's does (more memory), with a warning.
 * 3. A stored render is `{ html, metadata }`, where metadata carries `imagePaths` (local and
 *    remote) for the image pipeline (render-result.ts; used by the render workers).
 * 4. @astrojs/markdown-remark logs every render error with console.error before rethrowing it
 *    (markdown/quiet-plugin-errors.ts filters that dump; if it stops, the filter does nothing).
 * 5. The store handed to a loader has addAssetImports(assets, filePath), as glob() uses for an
 *    entry it keeps (entry-types.ts, keepAssetImports). If it breaks: nothing is called, and
 *    Astro still lists every stored entry's photos whenever it writes its image imports.
 * 6. Astro names the assets a build emits `<build.assets>/[name].[hash][extname]`, cutting the
 *    name of a page's stylesheet at "@_@" (its vite-build-config's assetFileNames), and names a
 *    photo's copies after the emitted original (images/asset-names.ts replaces the first so that
 *    photos get ASCII names, and repeats the rest). If it breaks: stylesheets get other names
 *    than Astro would give them, still hashed and valid.
 * 7. The dev server (dev-store.ts): pages read the store through `\0astro:data-layer-content`,
 *    whose default export may be a Map of collections (ImmutableDataStore.fromModule); Astro
 *    refreshes pages after a store write by invalidating that module in the Vite environments
 *    "ssr" and "prerender" (module graph and runner) and sending "astro:content-changed" (which
 *    clears its getStaticPaths cache); the collections are those of src/content.config.ts; an
 *    image() path is marked "__ASTRO_IMAGE_". If it breaks: a saved article shows after Astro's
 *    own store write, a second or two later, as before.
 * 8. A build loads its bundled pages with import() of `prerender-entry.[hash].mjs`, found by that
 *    prefix, and lets the prerender environment's output names be set (kept-build.ts; used by
 *    the publisher, whose kept process must not get a former build's modules back from Node).
 *    If it breaks: the publisher runs each build as a process of its own, as without it.
 * 9. The dev server's store is a MutableDataStore (astro/dist/content/mutable-data-store.js,
 *    found beside Astro's main module) whose debounced save calls writeToDisk() on the instance
 *    (dev-store.ts, deferDevStoreWrites, waits for a quiet editor before that write). If it
 *    breaks: the dev server logs one warning and Astro writes 500 ms after each save, as before.
 * 10. A static build stages its bundled pages in `<output>/.prerender/` when the output folder is
 *    inside the working folder, and otherwise in the working folder's `.astro/`
 *    (getOutDirWithinCwd); and a component's scoped-style names come from its path under the
 *    root (normalizeFilename in the compiler). So parts built side by side
 *    (build/parallel-parts.ts) have their output inside the working folder, and all have the
 *    project's root. If it breaks: parts side by side may collide in one staging folder (a part
 *    fails with Astro's error, and nothing is merged), or their pages differ from one build's
 *    (tests/build/parts.test.ts fails).
 */
export { keepAssetImports, markdownEntryType, type EntryType, type RenderFunction } from './entry-types.ts';
export {
  contentStoreFromFile,
  DATA_STORE_FILE,
  DATA_STORE_MODULE_ID,
  storeMapAccepted,
  storeModuleCode,
} from './content-store.ts';
export { astroRenderResult } from './render-result.ts';
export { KEPT_BUILD_ENV, keptBuildProblems, keptBuildVite } from './kept-build.ts';
export {
  devCollectionChanged,
  devStoreSnapshot,
  imageImportsOf,
  shareDevCollection,
  sortedEntries,
} from './dev-store.ts';

/** Where Astro cuts the name of an asset made from a page module (assumption 6). */
export const ASTRO_PAGE_NAME_END = '@_@';

/** The Astro version the assumptions above were checked against. */
export const CHECKED_AGAINST_ASTRO = '7.3.5';
