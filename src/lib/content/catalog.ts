/**
 * The article catalog: one compact record per article file, kept in the build cache, of what
 * the loader learnt the last time it parsed and checked that version of the file. A file whose
 * content digest matches its record (and Astro's stored entry) is not parsed or validated
 * again; the checks across files (URL clashes) and the warnings come from the record instead.
 *
 * Records are keyed by the content digest, not by size and modification time, so a fresh clone
 * (every file new to the file system, as on a CI runner) still finds its records. A record is
 * made only for a file without errors; a file with errors is looked at again on every build.
 */
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
}

/** Bumped when a record's meaning changes: an older catalog is then ignored, not misread. */
const FORMAT = 1;

export class Catalog {
  private readonly file: string;
  private records = new Map<string, CatalogRecord>();
  private readonly seen = new Set<string>();

  // A plain field, not a parameter property: scripts run this file with Node's type stripping.
  constructor(file: string) {
    this.file = file;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; records?: unknown };
      if (saved.format === FORMAT && saved.records && typeof saved.records === 'object') {
        this.records = new Map(Object.entries(saved.records as Record<string, CatalogRecord>));
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
    writeFileSync(partial, JSON.stringify({ format: FORMAT, records }));
    renameSync(partial, this.file);
  }
}
