/**
 * The article catalog: one compact record per article file, kept in the build cache, of what
 * the loader learnt the last time it parsed and checked that version of the file. A file whose
 * content digest matches its record (and Astro's stored entry) is not parsed or validated
 * again; the checks across files (URL clashes) and the warnings come from the record instead.
 *
 * A record holds the content digest and, once the file has been quiet for a while, the file's
 * stat (size, modification and change times, inode). A rebuild trusts the stat first: a file
 * whose stat is unchanged is not even read (src/lib/content/loader.ts). Otherwise the file is
 * read and its digest compared, so a fresh clone (every file new to the file system, as on a CI
 * runner) still finds its records. A record is made only for a file without errors; a file with
 * errors is looked at again on every build.
 */
import type { Stats } from 'node:fs';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ContentProblem } from './errors.ts';

export interface CatalogRecord {
  /** The loader's digest of the file's text (with the schema's fingerprint). */
  digest: string;
  /** The article's address, for the URL clash check; absent when it has none. */
  path: string | undefined;
  /** The lead photo as written (`image.src`): its file is checked on every build. */
  lead: string | undefined;
  /** Lint warnings of this version of the file, shown again on every build. */
  warnings: ContentProblem[];
  /** The file's stat when it had this digest (statKey), once it was older than RACY_MS. */
  stat?: string | undefined;
}

/** Bumped when a record's meaning changes: an older catalog is then ignored, not misread. */
const FORMAT = 2;

/**
 * A file changed less than this long before it was read is not trusted by its stat next time
 * (it is read again): a write in the same clock tick as the read would leave the stat unchanged
 * with other contents (git's "racily clean" files). Two seconds cover coarse file-system clocks.
 */
export const RACY_MS = 2000;

/**
 * What identifies a version of a file without reading it. The change time moves on every write
 * and cannot be set back (a copy that keeps the modification time still gets a new one).
 */
export function statKey(stat: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

export class Catalog {
  private readonly file: string;
  private records = new Map<string, CatalogRecord>();
  private readonly seen = new Set<string>();
  private readonly fingerprint: string;
  /** The stat keys were made under the same checks (fingerprint); otherwise only digests count. */
  private statsValid = false;

  // Plain fields, not parameter properties: scripts run this file with Node's type stripping.
  /** `fingerprint`: what else a record depends on (the checks' schema, the category list). */
  constructor(file: string, fingerprint = '') {
    this.file = file;
    this.fingerprint = fingerprint;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as {
        format?: unknown;
        fingerprint?: unknown;
        records?: unknown;
      };
      if (saved.format === FORMAT && saved.records && typeof saved.records === 'object') {
        this.records = new Map(Object.entries(saved.records as Record<string, CatalogRecord>));
        this.statsValid = saved.fingerprint === fingerprint;
      }
    } catch {
      // No catalog yet, or a damaged one: every file is parsed, as in a first build.
    }
  }

  /** The record of `file` (relative to the content folder) if it was made from this `digest`. */
  match(file: string, digest: string): CatalogRecord | undefined {
    this.seen.add(file);
    const record = this.records.get(file);
    return record?.digest === digest ? record : undefined;
  }

  /**
   * The record of `file` if the file still has the stat it had when the record was made, and the
   * stored entry still has the record's `digest`: the file need not be read.
   */
  matchStat(file: string, key: string, digest: unknown): CatalogRecord | undefined {
    if (!this.statsValid) return undefined;
    const record = this.records.get(file);
    if (record?.stat === undefined || record.stat !== key || record.digest !== digest) return undefined;
    this.seen.add(file);
    return record;
  }

  /**
   * Notes the stat `file` had before it was read for its current record (kept by its digest, or
   * parsed and stored); `started` is when this build began looking at files. A file changed
   * shortly before is left without a stat, so the next build reads it again.
   */
  noteStat(file: string, stat: Stats, started: number): void {
    const record = this.records.get(file);
    if (!record) return;
    record.stat = Math.max(stat.mtimeMs, stat.ctimeMs) < started - RACY_MS ? statKey(stat) : undefined;
  }

  set(file: string, record: CatalogRecord): void {
    this.seen.add(file);
    this.records.set(file, record);
  }

  /** A file that must be parsed again next time (its entry was dropped). */
  forget(file: string): void {
    this.records.delete(file);
  }

  /** Writes the records of the files seen in this build (deleted files' records go). */
  save(): void {
    const records: Record<string, CatalogRecord> = {};
    for (const [file, record] of this.records) if (this.seen.has(file)) records[file] = record;
    mkdirSync(dirname(this.file), { recursive: true });
    // Written whole, then renamed: a build killed while writing leaves the old catalog.
    const partial = `${this.file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify({ format: FORMAT, fingerprint: this.fingerprint, records }));
    renameSync(partial, this.file);
  }
}
