/**
 * Compile-time flags for the site's modules, from the Astro command and config.
 *
 * Why not import.meta.env.DEV / BASE_URL: in prerendered pages Astro reads those from
 * process.env at run time, so a stray `NODE_ENV=development` or `DEV=1` in an operator's
 * shell would publish drafts, and a `BASE_URL` variable would rewrite every link. These
 * defines are fixed when the build starts and cannot leak in from the environment.
 */
import type { AstroIntegration } from 'astro';
import { DEFAULT_SITE_URL } from '../config.ts';
import { getPublication } from '../content/publication.ts';

export function buildFlags(): AstroIntegration {
  return {
    name: 'news-build-flags',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        updateConfig({
          vite: {
            define: {
              __SHOW_DRAFTS__: JSON.stringify(command === 'dev'),
              __DEV_SERVER__: JSON.stringify(command === 'dev'),
              __BASE_PATH__: JSON.stringify(config.base),
              __SITE_URL__: JSON.stringify(config.site ?? DEFAULT_SITE_URL),
              // site.yaml is also in every page's cache key, so a new language re-renders them all.
              __SITE_LANG__: JSON.stringify(getPublication().language),
            },
          },
        });
      },
    },
  };
}
