/**
 * Renders article Markdown on worker threads. Astro's content layer renders every changed
 * article on the main thread, one core; rendering is ~80 % of the content sync (3.8 of
 * 4.5 ms per article). The glob loader keeps up to 10 renders in flight, so a pool of workers
 * (one per core) renders in parallel while the main thread reads and validates files.
 *
 * A render never hangs: when a worker dies (an uncaught error, an exit, running out of
 * memory), the renders it had are rejected with RenderWorkerCrash naming their files, and every
 * later render is rejected at once with RenderPoolStopped, so the caller can render it elsewhere.
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

/** The worker rendering `filePath` died; `cause` says how. */
export class RenderWorkerCrash extends Error {
  readonly filePath: string | undefined;

  constructor(filePath: string | undefined, cause: Error) {
    super(`A Markdown render worker crashed while rendering ${filePath ?? 'an article'}: ${cause.message}`, {
      cause,
    });
    this.name = 'RenderWorkerCrash';
    this.filePath = filePath;
  }
}

/** A worker of the pool died earlier; this render was not started. */
export class RenderPoolStopped extends Error {
  constructor(cause: Error) {
    super(`The Markdown render pool stopped after a crash: ${cause.message}`, { cause });
    this.name = 'RenderPoolStopped';
  }
}

/**
 * A render that takes longer than this stops its worker (and counts as a crash). A news article
 * renders in milliseconds; the slowest input found (nested lists) took 40 s before the loader
 * refused such bodies up front (src/lib/markdown/nesting.ts).
 */
export const RENDER_TIMEOUT_MS = 60_000;

/** Workers per pool: one per core, at most 8 (each holds its own copy of the pipeline, ~50 MB). */
export const POOL_SIZE = Math.min(availableParallelism(), 8);

interface Job {
  resolve: (r: Rendered) => void;
  reject: (e: unknown) => void;
  filePath: string | undefined;
  worker: Worker;
  timer: ReturnType<typeof setTimeout>;
}

export function createRenderPool(
  workerFile: URL,
  setup: RenderSetup,
  size = POOL_SIZE,
  timeoutMs = RENDER_TIMEOUT_MS,
): RenderPool {
  const pending = new Map<number, Job>();
  let crashed: Error | undefined;
  let closing = false;
  /** A worker died: its renders fail naming their files; no render is sent to the pool again. */
  const crash = (worker: Worker, cause: Error) => {
    if (closing) return;
    crashed ??= cause;
    for (const [id, job] of pending) {
      if (job.worker !== worker) continue;
      pending.delete(id);
      clearTimeout(job.timer);
      job.reject(new RenderWorkerCrash(job.filePath, cause));
    }
    // The other workers finish what they have; nothing new reaches them (render() below).
  };
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(workerFile, { workerData: setup });
    worker.on('message', (response: RenderResponse) => {
      const job = pending.get(response.id);
      pending.delete(response.id);
      if (!job) return;
      clearTimeout(job.timer);
      if (response.error) {
        // Same fields as the VFileMessage the in-thread renderer would have thrown.
        const { message, reason, line } = response.error;
        job.reject(Object.assign(new Error(message), { reason, line }));
      } else {
        job.resolve(response.rendered);
      }
    });
    worker.on('error', (error) => crash(worker, error));
    // Any exit before close() is a crash, exit code 0 included: a worker never ends by itself.
    worker.on('exit', (code) => crash(worker, new Error(`the worker exited (exit code ${code})`)));
    return worker;
  });
  let next = 0;
  return {
    render(job) {
      if (crashed) return Promise.reject(new RenderPoolStopped(crashed));
      const id = next++;
      const worker = workers[id % workers.length] as Worker;
      return new Promise<Rendered>((resolve, reject) => {
        const timer = setTimeout(() => {
          crash(worker, new Error(`no answer after ${timeoutMs / 1000} s`));
          void worker.terminate();
        }, timeoutMs);
        timer.unref();
        pending.set(id, { resolve, reject, filePath: job.filePath, worker, timer });
        worker.postMessage({ id, ...job } satisfies RenderRequest);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
      const stopped = new Error('the render pool was closed');
      for (const job of pending.values()) {
        clearTimeout(job.timer);
        job.reject(new RenderPoolStopped(stopped));
      }
      pending.clear();
    },
  };
}
