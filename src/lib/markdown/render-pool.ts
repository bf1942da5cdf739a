/**
 * Renders article Markdown on worker threads. Astro's content layer renders every changed
 * article on the main thread, one core; rendering is most of the content sync (bench/RESULTS.md).
 * The glob loader keeps several renders in flight, so a pool of workers (one per core) renders
 * in parallel while the main thread reads and validates files.
 *
 * The pool is Piscina's: it queues renders, gives each worker one at a time, and replaces a
 * worker that dies. One at a time is what lets a crash name its article: when a worker dies (an
 * uncaught error, an exit, running out of memory, no answer within RENDER_TIMEOUT_MS), the one
 * render it had is rejected with RenderWorkerCrash naming the file. Piscina with several renders
 * per worker was as fast as our own pool before it; with one, renders took ~10 % longer (3 000
 * bodies, 2 workers: 4.4 s against 4.0 s), about 1 % of a cold build.
 *
 * A pool that keeps crashing is stopped: renders still queued and every later one are rejected
 * at once with RenderPoolStopped, so the caller renders them on its own thread. A render never
 * hangs.
 */
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/** What a worker needs to build the same renderer as Astro's (createRenderer's options). */
export interface RenderSetup {
  base: string;
  options: Pick<AstroMarkdownOptions, 'image' | 'syntaxHighlight' | 'shikiConfig' | 'gfm' | 'smartypants'>;
}

export interface RenderRequest {
  body: string;
  data: Record<string, unknown>;
  filePath: string | undefined;
}

export interface Rendered {
  html: string;
  metadata: Record<string, unknown>;
}

/** A worker's answer. A plugin's error comes back as a value; a rejection means a crash. */
export type RenderResponse =
  | { rendered: Rendered; error?: undefined }
  | { error: { message: string; reason: string | undefined; line: number | undefined } };

export interface RenderPool {
  render(job: RenderRequest): Promise<Rendered>;
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

/** The pool was stopped (after crashes, or closed); this render was not done. */
export class RenderPoolStopped extends Error {
  constructor(cause: Error) {
    super(`The Markdown render pool stopped: ${cause.message}`, { cause });
    this.name = 'RenderPoolStopped';
  }
}

/**
 * A render that takes longer than this (waiting in the queue included) stops its worker and
 * counts as a crash. A news article renders in milliseconds; the slowest input found (nested
 * lists) took 40 s before the loader refused such bodies up front (src/lib/markdown/nesting.ts).
 */
export const RENDER_TIMEOUT_MS = 60_000;

/** Workers per pool: one per core, at most 8 (each holds its own copy of the pipeline, ~50 MB). */
export const POOL_SIZE = Math.min(availableParallelism(), 8);

/**
 * Crashes after which the pool stops. Each crash costs a worker start (~0.4 s) and fails one
 * article; a pool whose workers keep dying (out of memory on every article, a worker module that
 * does not load) would only slow the build down.
 */
export const MAX_CRASHES = 3;

export function createRenderPool(
  workerFile: URL,
  setup: RenderSetup,
  size = POOL_SIZE,
  timeoutMs = RENDER_TIMEOUT_MS,
): RenderPool {
  const threads = Math.max(1, size);
  const pool = new Piscina<RenderRequest, RenderResponse>({
    filename: fileURLToPath(workerFile),
    workerData: setup,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
  });
  let crashes = 0;
  let completed = 0;
  let stopped: Error | undefined;
  const stop = (cause: Error) => {
    stopped ??= cause;
    void pool.destroy();
  };
  // A worker that dies with no render in hand: mostly one that fails while it loads. Piscina then
  // stops starting workers and the queue would wait forever: stop the pool instead.
  pool.on('error', (error: unknown) => stop(error instanceof Error ? error : new Error(String(error))));

  return {
    async render(job) {
      if (stopped) throw new RenderPoolStopped(stopped);
      const signal = AbortSignal.timeout(timeoutMs);
      let response: RenderResponse;
      try {
        response = await pool.run(job, { signal });
      } catch (error) {
        if (stopped) throw new RenderPoolStopped(stopped);
        const cause = signal.aborted
          ? new Error(`no answer after ${timeoutMs / 1000} s`)
          : error instanceof Error
            ? error
            : new Error(String(error));
        crashes++;
        // Before any render was done, the workers cannot be trusted to start at all.
        if (crashes >= MAX_CRASHES || completed === 0) stop(cause);
        throw new RenderWorkerCrash(job.filePath, cause);
      }
      completed++;
      if (response.error) {
        // Same fields as the VFileMessage the in-thread renderer would have thrown.
        const { message, reason, line } = response.error;
        throw Object.assign(new Error(message), { reason, line });
      }
      return response.rendered;
    },
    async close() {
      stopped ??= new Error('the render pool was closed');
      await pool.destroy();
    },
  };
}
