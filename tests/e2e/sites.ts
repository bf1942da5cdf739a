/**
 * The two builds the browser tests read: the same content at the root and under /nyheter/
 * (built once per run by tests/sites.ts).
 */
import { join } from 'node:path';
import { OUTPUT_ROOT } from '../helpers/build';

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

/** The nynorsk fixture article (tests/fixtures/nynorsk/): lang: nn, updated and corrected. */
export const NYNORSK_PATH = '2020/10/10/ferjestreiken-held-fram-pa-vestlandet/';

/** The running live story (tests/fixtures/live/): entries from 31 October into 1 November. */
export const LIVE_PATH = '2020/10/31/ekstremvaeret-frida-herjer-pa-vestlandet/';

/** The live story whose coverage ended (tests/fixtures/live/). */
export const ENDED_LIVE_PATH = '2020/10/20/kommunevalget-i-alesund-avgjort/';
