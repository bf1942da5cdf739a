/**
 * A precompress worker (see precompress.ts): reads a batch of files, and writes the twins of each
 * whose bytes differ from its last compression (or whose twins are gone).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { compressBytes, twinsPresent, type CompressJob, type Compressed } from './precompress.ts';
import { TWIN_SUFFIXES } from './output-files.ts';

export function compressBatch(jobs: CompressJob[]): { file: string; result: Compressed; wrote: boolean }[] {
  return jobs.map(({ file, mtimeMs, last }) => {
    const data = readFileSync(file);
    const digest = createHash('sha1').update(data).digest('hex');
    if (last && last.digest === digest && twinsPresent(file, last)) {
      return { file, result: { ...last, mtimeMs }, wrote: false };
    }
    const twins = compressBytes(data);
    for (const suffix of TWIN_SUFFIXES) {
      const twin = twins.find((t) => t.suffix === suffix);
      // A twin that would not be smaller is removed: nginx then sends the file itself.
      if (twin) writeFileSync(file + suffix, twin.bytes);
      else rmSync(file + suffix, { force: true });
    }
    return { file, result: { digest, mtimeMs, twins: twins.map((t) => t.suffix) }, wrote: true };
  });
}

export default compressBatch;
