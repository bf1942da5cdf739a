/** True only under `astro dev` (set by src/lib/build/flags.ts). */
declare const __SHOW_DRAFTS__: boolean;
/** True only under `astro dev`, for the dev server's fast path (src/lib/build/astro-internals/dev-store.ts). */
declare const __DEV_SERVER__: boolean;
/** The deploy base from astro.config.mjs (set by src/lib/build/flags.ts). */
declare const __BASE_PATH__: string;
/** The site's origin (SITE_URL) from astro.config.mjs (set by src/lib/build/flags.ts). */
declare const __SITE_URL__: string;
/** The site's default language, content/site.yaml `language` (set by src/lib/build/flags.ts). */
declare const __SITE_LANG__: 'nb' | 'nn';
