/**
 * A Markdown render worker (see render-pool.ts): the same pipeline as Astro's renderer
 * (pipeline.ts), fed article bodies by the loader. Piscina runs this module on each worker thread
 * and calls its default export once per render.
 */
import { pathToFileURL } from 'node:url';
import { workerData } from 'piscina';
import { astroRenderResult } from '../build/astro-internals/render-result.ts';
import { articleMarkdown } from './pipeline.ts';
import { quietPluginErrors } from './quiet-plugin-errors.ts';
import type { RenderRequest, RenderResponse, RenderSetup } from './render-pool.ts';

// Plugin errors go back to the loader, which reports them; the renderer's own dump is noise.
quietPluginErrors();
const { base, options } = workerData as RenderSetup;
const renderer = await articleMarkdown(base).createRenderer(options);

export default async function render({ body, data, filePath }: RenderRequest): Promise<RenderResponse> {
  try {
    const { code, metadata } = await renderer.render(body, {
      frontmatter: data,
      fileURL: filePath ? pathToFileURL(filePath) : undefined,
    });
    return { rendered: astroRenderResult(code, metadata) };
  } catch (error) {
    // Plugin errors are VFileMessages: keep the reason and line the loader reports. Returned, not
    // thrown, so that a rejected render always means the worker died.
    const { reason, line } = (error ?? {}) as { reason?: unknown; line?: unknown };
    return {
      error: {
        message: error instanceof Error ? error.message : String(error),
        reason: typeof reason === 'string' ? reason : undefined,
        line: typeof line === 'number' ? line : undefined,
      },
    };
  }
}
