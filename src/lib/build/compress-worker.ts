/**
 * A precompress worker (see precompress.ts): reads a batch of files, and writes the twins of each
 * whose bytes differ from its last compression (or whose twins are gone, or whose page twin was
 * made with another dictionary).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  compressBytes,
  dictionaryFor,
  twinsPresent,
  type CompressTask,
  type Compressed,
} from './precompress.ts';
import { TWIN_SUFFIXES } from './output-files.ts';

export function compressBatch({
  jobs,
  dictionary: sent,
}: CompressTask): { file: string; result: Compressed; wrote: boolean }[] {
  // Structured cloning turns the dictionary's Buffer into a plain Uint8Array.
  const site = sent && { hash: sent.hash, bytes: Buffer.from(sent.bytes) };
  return jobs.map(({ file, mtimeMs, last }) => {
    const data = readFileSync(file);
    const digest = createHash('sha1').update(data).digest('hex');
    const dictionary = dictionaryFor(file, site);
    if (last && last.digest === digest && last.dictionary === dictionary?.hash && twinsPresent(file, last)) {
      return { file, result: { ...last, mtimeMs }, wrote: false };
    }
    const twins = compressBytes(data, dictionary);
    for (const twin of twins) writeFileSync(file + twin.suffix, twin.bytes);
    // A twin that would not be smaller is removed: nginx then sends the file itself.
    const written = new Set(twins.map((t) => t.suffix));
    for (const suffix of new Set([...TWIN_SUFFIXES, ...(last?.twins ?? [])])) {
      if (!written.has(suffix)) rmSync(file + suffix, { force: true });
    }
    return {
      file,
      result: {
        digest,
        mtimeMs,
        twins: [...written],
        ...(dictionary ? { dictionary: dictionary.hash } : {}),
      },
      wrote: true,
    };
  });
}

export default compressBatch;
