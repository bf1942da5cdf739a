/**
 * A problem with one content file, phrased for an editor: which file (relative to the content
 * folder), which field, what is wrong and what to do.
 */
export interface ContentProblem {
  file: string;
  field?: string | undefined;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  problem: string;
  fix: string;
}

/**
 * A front-matter field as an editor counts: list entries from 1 ("corrections[2].date"), not
 * as the schema indexes them (corrections.1.date).
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part + 1}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

/** "articles/a.md:3 → date: … Fix." */
export function formatProblem(p: ContentProblem): string {
  const where = `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` → ${p.field}` : ''}`;
  return `${where}: ${p.problem}${p.fix ? ` ${p.fix}` : ''}`;
}

/** Thrown for one bad file; carries the problem for reports that collect several. */
export class ContentError extends Error {
  readonly problem: ContentProblem;

  constructor(file: string, field: string | undefined, problem: string, fix: string) {
    const p: ContentProblem = { file, field, problem, fix };
    super(formatProblem(p));
    this.name = 'ContentError';
    this.problem = p;
  }
}

/**
 * The error a build or `npm run check:content` fails with: every error, one per line, and the
 * warnings (at most `warningLimit` of them listed, so a corpus-wide warning cannot flood a log).
 */
export function formatReport(
  errors: ContentProblem[],
  warnings: ContentProblem[] = [],
  warningLimit = Number.POSITIVE_INFINITY,
): string {
  const lines: string[] = [];
  if (errors.length > 0) {
    const files = new Set(errors.map((e) => e.file)).size;
    lines.push(
      `${errors.length} error${errors.length === 1 ? '' : 's'} in ${files} article file${files === 1 ? '' : 's'}:`,
    );
    // By file and line, so a report reads the same whatever order the files were read in.
    const sorted = [...errors].sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0),
    );
    lines.push(...sorted.map((e) => `  ✗ ${formatProblem(e)}`));
  }
  if (warnings.length > 0) {
    lines.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} (the build goes on):`);
    lines.push(...warnings.slice(0, warningLimit).map((w) => `  ! ${formatProblem(w)}`));
    if (warnings.length > warningLimit) {
      lines.push(`  … and ${warnings.length - warningLimit} more: npm run check:content lists them all.`);
    }
  }
  return lines.join('\n');
}

/**
 * The error a build fails with for bad content: only the report. Astro prints a thrown error's
 * location and stack frames, which point into the loader and tell an editor nothing, so this
 * error has no stack (real internal errors keep theirs).
 */
export class ContentReportError extends Error {
  constructor(report: string) {
    super(`\n${report}`);
    this.name = 'ContentReportError';
    this.stack = '';
  }
}
