/** Comparing a rebuilt site with a clean build of the same content, byte for byte. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dcbDecode, dcbSuffix, readDictionary } from '../../src/lib/build/dictionary';
import { DCB_TWIN } from '../../src/lib/build/output-files';
import { listFiles } from './build';

/**
 * Every file, the search index included (unchanged years keep theirs, src/lib/distribution/search-shards.ts).
 * A page's .dcb twin is named by the site's dictionary, which a rebuild keeps until the templates
 * change (src/lib/build/dictionary.ts), so it may differ from a clean build's: the name is listed
 * without the hash, and the dictionary and the twins are checked by decoding (dcbProblems).
 */
export const siteFiles = (dir: string) =>
  listFiles(dir)
    .map((f) => f.replace(DCB_TWIN, '.<ordbok>.dcb'))
    .sort();
/** Files whose bytes depend on which dictionary the site has. */
const byDictionary = (f: string) => f.startsWith('ordbok.txt') || f.endsWith('.<ordbok>.dcb');
/** Files of `dir` not byte for byte those of `cleanDir` (beside the dictionary's). */
export const differingFiles = (dir: string, cleanDir: string, files: string[]) =>
  files.filter(
    (f) => !byDictionary(f) && !readFileSync(join(dir, f)).equals(readFileSync(join(cleanDir, f))),
  );
/** Pages without a .dcb twin of the site's dictionary, and twins that do not decode to their page. */
export function dcbProblems(dir: string): string[] {
  const dictionary = readDictionary(readFileSync(join(dir, 'ordbok.txt')));
  if (!dictionary) return ['ordbok.txt'];
  const files = listFiles(dir);
  const twins = new Set(files.filter((f) => DCB_TWIN.test(f)));
  const pages = files.filter((f) => f.endsWith('.html'));
  const problems = pages.filter((f) => !twins.has(f + dcbSuffix(dictionary.hash)));
  for (const twin of twins) {
    const page = join(dir, twin.replace(DCB_TWIN, ''));
    try {
      if (!dcbDecode(readFileSync(join(dir, twin)), dictionary).equals(readFileSync(page)))
        problems.push(twin);
    } catch {
      problems.push(twin);
    }
  }
  return problems;
}
