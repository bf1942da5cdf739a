/**
 * Assumption 1 (see index.ts): a loader's context carries Astro's content entry types as
 * `entryTypes`, which is not in the public LoaderContext type. Our loader takes Astro's
 * Markdown render function from the '.md' type (configured with our remark and rehype
 * pipeline), as glob() does.
 *
 * Assumption 5: the store a loader gets has addAssetImports(), which glob() calls for every
 * entry it keeps unchanged, so the entry's photos stay among the build's image imports.
 */
import type { DataStore, LoaderContext } from 'astro/loaders';

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
  "a loader's context carries Astro's content entry types as context.entryTypes (src/lib/build/astro-internals)";

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

/**
 * Keeps a stored entry's photos among the image imports, as glob() does for an unchanged entry.
 * If a newer Astro drops the method, nothing is lost: Astro rebuilds the list from every stored
 * entry whenever it writes it, and an entry that changed triggers that write.
 */
export function keepAssetImports(store: DataStore, assets: readonly string[], filePath: string): void {
  const add = (store as { addAssetImports?: unknown }).addAssetImports;
  if (typeof add === 'function') (add as (a: string[], f: string) => void).call(store, [...assets], filePath);
}
