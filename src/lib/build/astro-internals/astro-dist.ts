import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The installed Astro's dist/ folder, whose source the assumption checks read. */
export const astroDist = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'dist');
