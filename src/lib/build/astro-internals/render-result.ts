/**
 * Assumption 3 (see index.ts): what Astro's Markdown entry type returns for a render, so a render
 * done on a worker thread is stored exactly as Astro's own (astro/dist/vite-plugin-markdown).
 */
export function astroRenderResult(
  code: string,
  metadata: { localImagePaths: string[]; remoteImagePaths: string[] } & Record<string, unknown>,
): { html: string; metadata: Record<string, unknown> } {
  return {
    html: code,
    metadata: { ...metadata, imagePaths: metadata.localImagePaths.concat(metadata.remoteImagePaths) },
  };
}
