/** The two builds the browser tests read: the same content at the root and under /nyheter/. */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, OUTPUT_ROOT } from '../helpers/build';

export const E2E_CONTENT = join(OUTPUT_ROOT, 'content-e2e');
export const BUILD_NOW = '2020-11-01T12:00:00+01:00';

export const SITES = {
  root: { name: 'e2e', base: '/', outDir: join(OUTPUT_ROOT, 'e2e', 'dist') },
  subPath: { name: 'e2e-subpath', base: '/nyheter/', outDir: join(OUTPUT_ROOT, 'e2e-subpath', 'dist') },
} as const;

export const NTB_PATH =
  '2020/10/10/angrep-og-motangrep-da-vapenhvilen-i-nagorno-karabakh-skulle-tre-i-kraft/';
export const NTB_TITLE = 'Angrep og motangrep da våpenhvilen i Nagorno-Karabakh skulle tre i kraft';

/** The long read (tests/fixtures/longread/): over five minutes, three subheadings. */
export const LONG_READ_PATH = '2020/10/08/langlesing-om-kystens-fiskerier/';

/** The fixture article with a lead photo and two body images (tests/fixtures/photos/). */
export const PHOTO_PATH = '2020/10/09/lavrov-samlet-partene-til-samtaler-i-moskva/';

/** Vitest globalSetup: the real NTB article plus the date, search and photo fixtures, built twice. */
export default function setup(): void {
  rmSync(E2E_CONTENT, { recursive: true, force: true });
  cpSync('content/articles', join(E2E_CONTENT, 'articles', 'site'), { recursive: true });
  cpSync('tests/fixtures/dates/articles', join(E2E_CONTENT, 'articles', 'fixtures'), { recursive: true });
  // One article from an earlier year, so search spans two yearly indexes.
  cpSync('tests/fixtures/search/articles', join(E2E_CONTENT, 'articles', 'search'), { recursive: true });
  // A long read: the one article long enough for a reading time and a table of contents.
  cpSync('tests/fixtures/longread/articles', join(E2E_CONTENT, 'articles', 'longread'), { recursive: true });
  // Articles with photos: a lead photo and body images, in a folder per article and beside one.
  cpSync('tests/fixtures/photos/articles', join(E2E_CONTENT, 'articles', 'photos'), { recursive: true });
  for (const site of Object.values(SITES)) {
    const result = buildSite(site.name, {
      CONTENT_DIR: E2E_CONTENT,
      BUILD_NOW,
      BASE_PATH: site.base,
      SITE_URL: 'https://nyheter.example.no',
    });
    if (result.status !== 0) throw new Error(`e2e build ${site.name} failed:\n${result.output}`);
  }
}
