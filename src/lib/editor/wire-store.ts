/**
 * Wire stories already imported: which article file holds a wire id, and what a new version of
 * it means (a new article, an update of the same file and address, nothing, or a refusal).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listArticleFiles } from '../content/dir.ts';

/** The `wire:` block of an article file's front-matter, as the importer writes it. */
const WIRE_BLOCK =
  /^wire:[ \t]*\r?\n[ \t]+id:[ \t]*("(?:[^"\\]|\\.)*"|[^\r\n]+)[ \t]*(?:\r?\n[ \t]+version:[ \t]*(\d+))?/m;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/** The wire id and version an article's text holds, if any. */
export function wireOf(text: string): { id: string; version: number | undefined } | undefined {
  const front = FRONT_MATTER.exec(text)?.[1];
  const match = front === undefined ? null : WIRE_BLOCK.exec(front);
  if (!match?.[1]) return undefined;
  const raw = match[1].trim();
  const id = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  return { id, version: match[2] === undefined ? undefined : Number(match[2]) };
}

/** What a story's version is against the stored one. */
export type VersionVerdict = 'new' | 'newer' | 'same' | 'older';

export function versionVerdict(
  stored: { version: number | undefined } | undefined,
  incoming: number | undefined,
): VersionVerdict {
  if (!stored) return 'new';
  // Without numbers a story's later file is taken as later (the agency sends versions in order).
  if (stored.version === undefined || incoming === undefined) return 'newer';
  if (incoming > stored.version) return 'newer';
  return incoming === stored.version ? 'same' : 'older';
}

/**
 * The article files by wire id, read from the articles folder (one pass; a file without `wire:`
 * costs its read). The path is relative to `articlesDir`.
 */
export function wireIndex(articlesDir: string): Map<string, { path: string; version: number | undefined }> {
  const index = new Map<string, { path: string; version: number | undefined }>();
  for (const path of listArticleFiles(articlesDir)) {
    const wire = wireOf(readFileSync(join(articlesDir, path), 'utf8'));
    if (wire) index.set(wire.id, { path, version: wire.version });
  }
  return index;
}
