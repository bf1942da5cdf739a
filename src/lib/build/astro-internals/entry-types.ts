/**
 * Assumption 1 (see index.ts): glob() reads the content entry types from its context's
 * `entryTypes`, which is not in the public LoaderContext type. Our loader hands glob() a context
 * whose '.md' type is Astro's own with our getEntryInfo and render function on top.
 */
import type { LoaderContext } from 'astro/loaders';

export interface EntryInfo {
  data: Record<string, unknown>;
  body: string;
  slug?: string;
  rawData: string;
}

export type RenderFunction = (
  entry: { id: string; filePath?: string; digest?: unknown } & Record<string, unknown>,
) => Promise<unknown>;

export interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<EntryInfo>;
  getRenderFunction?(config: unknown): Promise<RenderFunction>;
}

type WithEntryTypes = LoaderContext & { entryTypes?: unknown };

/** The assumption's name, for errors. */
const ASSUMPTION =
  "Astro's glob() loader reads content entry types from context.entryTypes (src/lib/build/astro-internals)";

/** Astro's Markdown entry type, from a loader context. */
export function markdownEntryType(context: LoaderContext): EntryType {
  const types = (context as WithEntryTypes).entryTypes;
  const markdown: unknown = types instanceof Map ? types.get('.md') : undefined;
  const ok =
    typeof markdown === 'object' &&
    markdown !== null &&
    typeof (markdown as EntryType).getEntryInfo === 'function' &&
    typeof (markdown as EntryType).getRenderFunction === 'function';
  if (!ok) {
    throw new Error(
      `This Astro version changed an internal the articles loader relies on: ${ASSUMPTION}. ` +
        'Update src/lib/build/astro-internals/entry-types.ts for it, or go back to Astro 7.3.5.',
    );
  }
  return markdown as EntryType;
}

/** A loader context for glob() whose '.md' entry type is Astro's with `override` on top. */
export function withMarkdownEntryType(context: LoaderContext, override: Partial<EntryType>): LoaderContext {
  const markdown = markdownEntryType(context);
  const entryTypes = new Map((context as WithEntryTypes).entryTypes as Map<string, EntryType>);
  entryTypes.set('.md', Object.assign(Object.create(markdown) as EntryType, override));
  return { ...context, entryTypes } as LoaderContext;
}
