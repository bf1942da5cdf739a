import { settings } from './config.ts';
import { parseDateTime } from './dates.ts';

/**
 * The build's "now": `BUILD_NOW` when set (ISO 8601; without an offset it is Oslo time, as in
 * front-matter), so editors and tests can preview a moment; otherwise the wall clock.
 */
export function resolveBuildNow(raw: string | undefined, wallClock: Date = new Date()): Date {
  if (raw === undefined || raw.trim() === '') return wallClock;
  const parsed = parseDateTime(raw);
  if (!parsed.ok) {
    throw new Error(`BUILD_NOW: ${parsed.message} Or unset BUILD_NOW to use the current time.`);
  }
  return parsed.date;
}

let buildNow: Date | undefined;

/** "Now" for this build, read once so that every page, list and feed agrees on what is published. */
export function getBuildNow(): Date {
  buildNow ??= resolveBuildNow(settings().buildNow);
  return buildNow;
}
