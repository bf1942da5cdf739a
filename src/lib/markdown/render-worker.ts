/**
 * A Markdown render worker (see render-pool.ts): the same pipeline as Astro's renderer
 * (pipeline.ts), fed article bodies by the loader.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { astroRenderResult } from '../build/astro-internals/render-result.ts';
import { articleMarkdown } from './pipeline.ts';
import { quietPluginErrors } from './quiet-plugin-errors.ts';
import type { RenderRequest, RenderResponse, RenderSetup } from './render-pool.ts';

// Plugin errors go back to the loader, which reports them; the renderer's own dump is noise.
quietPluginErrors();
const { base, options } = workerData as RenderSetup;
const renderer = await articleMarkdown(base).createRenderer(options);
const port = parentPort;
if (!port) throw new Error('render-worker.ts runs only as a worker thread.');

port.on('message', (request: RenderRequest) => {
  const { id, body, data, filePath } = request;
  renderer
    .render(body, { frontmatter: data, fileURL: filePath ? pathToFileURL(filePath) : undefined })
    .then(({ code, metadata }) => {
      const rendered = astroRenderResult(code, metadata);
      port.postMessage({ id, rendered } satisfies RenderResponse);
    })
    .catch((error: unknown) => {
      // Plugin errors are VFileMessages: keep the reason and line the loader reports.
      const { reason, line } = (error ?? {}) as { reason?: unknown; line?: unknown };
      port.postMessage({
        id,
        error: {
          message: error instanceof Error ? error.message : String(error),
          reason: typeof reason === 'string' ? reason : undefined,
          line: typeof line === 'number' ? line : undefined,
        },
      } satisfies RenderResponse);
    });
});
