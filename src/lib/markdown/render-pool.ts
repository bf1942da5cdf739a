/**
 * Renders article Markdown on worker threads. Astro's content layer renders every changed
 * article on the main thread, one core; rendering is ~80 % of the content sync (3.8 of
 * 4.5 ms per article). The glob loader keeps up to 10 renders in flight, so a pool of workers
 * (one per core) renders in parallel while the main thread reads and validates files.
 */
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** What a worker needs to build the same renderer as Astro's (createRenderer's options). */
export interface RenderSetup {
  base: string;
  options: Pick<AstroMarkdownOptions, 'image' | 'syntaxHighlight' | 'shikiConfig' | 'gfm' | 'smartypants'>;
}

export interface RenderRequest {
  id: number;
  body: string;
  data: Record<string, unknown>;
  filePath: string | undefined;
}

export interface Rendered {
  html: string;
  metadata: Record<string, unknown>;
}

export type RenderResponse =
  | { id: number; rendered: Rendered; error?: undefined }
  | { id: number; error: { message: string; reason: string | undefined; line: number | undefined } };

export interface RenderPool {
  render(job: Omit<RenderRequest, 'id'>): Promise<Rendered>;
  close(): Promise<void>;
}

/** Workers per pool: one per core, at most 8 (each holds its own copy of the pipeline, ~50 MB). */
export const POOL_SIZE = Math.min(availableParallelism(), 8);

export function createRenderPool(workerFile: URL, setup: RenderSetup, size = POOL_SIZE): RenderPool {
  const pending = new Map<number, { resolve: (r: Rendered) => void; reject: (e: unknown) => void }>();
  const fail = (error: unknown) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(workerFile, { workerData: setup });
    worker.on('message', (response: RenderResponse) => {
      const job = pending.get(response.id);
      pending.delete(response.id);
      if (!job) return;
      if (response.error) {
        // Same fields as the VFileMessage the in-thread renderer would have thrown.
        const { message, reason, line } = response.error;
        job.reject(Object.assign(new Error(message), { reason, line }));
      } else {
        job.resolve(response.rendered);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`A Markdown render worker stopped (exit code ${code}).`));
    });
    return worker;
  });
  let next = 0;
  return {
    render(job) {
      const id = next++;
      const worker = workers[id % workers.length] as Worker;
      return new Promise<Rendered>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, ...job } satisfies RenderRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
