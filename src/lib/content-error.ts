/**
 * A problem with one content file, phrased for an editor: which file, which field, what to do.
 * `file` is relative to the content folder.
 */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}${field ? ` → ${field}` : ''}: ${problem} ${fix}`);
    this.name = 'ContentError';
  }
}
