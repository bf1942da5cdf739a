/**
 * `npm run publisher`: keeps Astro loaded between publishes. While it runs, `npm run build` of the
 * same site (the same CACHE_DIR) hands it the build and prints its log, and a publish costs the
 * site's own work, not Astro's start (src/lib/build/publisher.ts says what decides what).
 *
 * It listens on CACHE_DIR/publisher.sock and builds one request at a time in a kept worker
 * (scripts/publisher-worker.ts). The worker is replaced before a build when templates, config,
 * settings or other inputs than articles changed, after a failed build, and when it holds more
 * than 1.5 GiB. Stop it with Ctrl-C (or SIGTERM); a publisher that was killed leaves a socket
 * that no one answers, which the next `npm run build` or publisher recognises.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settings } from '../src/lib/config.ts';
import {
  DONE_MARK,
  jsonLines,
  keptBuildOptions,
  publisherSocket,
  replaceWorker,
  type PublishReply,
  type PublishRequest,
} from '../src/lib/build/publisher.ts';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = resolve(settings().cacheDir);
const socketPath = publisherSocket(cacheDir);
const log = (text: string) => console.log(`[publisher] ${text}`);

interface Worker {
  child: ChildProcess;
  key: string;
  failed: boolean;
  rss: number;
  /** The most it has held resident so far. */
  peak: number;
  /** CPU seconds of the last build (the worker's main thread and its threads). */
  cpu: number;
  builds: number;
  ready: Promise<void>;
  /** Output of the build under way, and where it goes. */
  sink?: { send: (reply: PublishReply) => void; done: (code: number) => void; stats: () => void };
  buffer: string;
}
let worker: Worker | undefined;

function startWorker(request: PublishRequest): Worker {
  const child = fork(join(project, 'scripts/publisher-worker.ts'), [], {
    cwd: request.cwd,
    env: request.env,
    execArgv: ['--max-old-space-size=16384'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let ready!: () => void;
  const started: Worker = {
    child,
    key: request.key,
    failed: false,
    rss: 0,
    peak: 0,
    cpu: 0,
    builds: 0,
    ready: new Promise((resolvePromise) => (ready = resolvePromise)),
    buffer: '',
  };
  child.on(
    'message',
    (message: { ready?: boolean; kept?: boolean; rss?: number; peak?: number; cpu?: number }) => {
      if (message.ready) {
        if (!message.kept)
          log('Astro has changed under assumption 8: each build runs as a process of its own.');
        ready();
      }
      if (message.rss !== undefined && message.cpu !== undefined) {
        started.rss = message.rss;
        started.peak = message.peak ?? 0;
        started.cpu = message.cpu;
        started.sink?.stats();
      }
    },
  );
  const forward = (chunk: Buffer) => {
    started.buffer += chunk.toString();
    const mark = started.buffer.indexOf(DONE_MARK);
    const text = mark >= 0 ? started.buffer.slice(0, mark) : started.buffer;
    if (text) {
      // The publisher's own log is every build's, as a server logs its requests.
      process.stdout.write(text);
      started.sink?.send({ type: 'log', text });
    }
    if (mark < 0) {
      started.buffer = '';
      return;
    }
    const end = started.buffer.indexOf('\n', mark);
    if (end < 0) {
      started.buffer = started.buffer.slice(mark);
      return;
    }
    const code = Number(started.buffer.slice(mark + DONE_MARK.length, end).trim());
    started.buffer = started.buffer.slice(end + 1);
    started.sink?.done(code);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', (chunk: Buffer) => started.sink?.send({ type: 'log', text: chunk.toString() }));
  child.on('exit', (code, signal) => {
    if (worker === started) worker = undefined;
    ready();
    started.sink?.send({
      type: 'log',
      text: `[publisher] The worker stopped (${signal ?? code}) during the build.\n`,
    });
    started.failed = true;
    started.sink?.done(1);
    started.sink?.stats();
  });
  return started;
}

/** Builds one request in the worker; resolves with its exit code. */
async function serve(request: PublishRequest, send: (reply: PublishReply) => void): Promise<number> {
  const why = worker && replaceWorker(worker, request.key);
  if (worker && why) {
    send({ type: 'log', text: `[publisher] A fresh worker: ${why}.\n` });
    worker.child.kill('SIGKILL');
    worker = undefined;
  }
  const current = (worker ??= startWorker(request));
  await current.ready;
  if (current.child.exitCode !== null || current.child.signalCode !== null) {
    send({ type: 'log', text: '[publisher] The worker stopped before it could build (its log is above).\n' });
    return 1;
  }
  const started = performance.now();
  // Done when the log has ended (the mark) and the worker has said what the build cost.
  const code = await new Promise<number>((resolveBuild) => {
    let logEnded: number | undefined;
    let costed = false;
    const settle = () => {
      if (logEnded !== undefined && costed) resolveBuild(logEnded);
    };
    const done = (exit: number) => {
      logEnded ??= exit;
      settle();
    };
    const stats = () => {
      costed = true;
      settle();
    };
    current.sink = { send, done, stats };
    current.builds += 1;
    send({
      type: 'log',
      text: `[publisher] Build ${current.builds} in worker ${current.child.pid} (Astro kept loaded).\n`,
    });
    current.child.send({ args: request.args }, (error) => {
      if (!error) return;
      done(1);
      stats();
    });
  });
  current.sink = undefined;
  current.failed = code !== 0;
  log(
    `Build ${current.builds} in worker ${current.child.pid}: exit ${code} in ` +
      `${((performance.now() - started) / 1000).toFixed(2)} s, CPU ${current.cpu.toFixed(2)} s, ` +
      `${Math.round(current.rss / 2 ** 20)} MiB resident (peak ${Math.round(current.peak / 2 ** 20)} MiB).`,
  );
  // A worker that must go is replaced now, not at the next publish: the fresh one has loaded
  // Astro by then.
  const retire = replaceWorker(current, request.key);
  if (retire && worker === current) {
    log(`Replacing worker ${current.child.pid}: ${retire}.`);
    current.child.kill('SIGKILL');
    worker = startWorker(request);
  }
  return code;
}

/** True when a publisher answers on the socket. */
const answers = (path: string) =>
  new Promise<boolean>((resolvePromise) => {
    const socket = connect(path);
    socket.on('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.on('error', () => resolvePromise(false));
  });

mkdirSync(cacheDir, { recursive: true });
if (existsSync(socketPath)) {
  if (await answers(socketPath)) {
    console.error(`[publisher] A publisher already runs for ${cacheDir}.`);
    process.exit(1);
  }
  rmSync(socketPath, { force: true });
}

let queue = Promise.resolve();
const server = createServer((socket: Socket) => {
  let buffer = '';
  socket.on('error', () => {});
  socket.on('data', (chunk) => {
    try {
      buffer = take(buffer + chunk.toString());
    } catch (error) {
      // Not a request npm run build would send: say so, and keep serving others.
      socket.end(`${JSON.stringify({ type: 'done', code: 2 } satisfies PublishReply)}\n`);
      log(`A request that could not be read: ${String(error)}`);
    }
  });
  const take = (text: string) =>
    jsonLines<PublishRequest>(text, (request) => {
      const send = (reply: PublishReply) => {
        if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
      };
      const options = keptBuildOptions(request.args);
      if ('unsupported' in options) {
        send({ type: 'declined', reason: `the argument ${options.unsupported}` });
        socket.end();
        return;
      }
      queue = queue.then(async () => {
        const code = await serve(request, send).catch((error: unknown) => {
          send({ type: 'log', text: `[publisher] ${String(error)}\n` });
          return 1;
        });
        send({ type: 'done', code });
        socket.end();
      });
    });
});
server.on('error', (error: NodeJS.ErrnoException) => {
  // A socket path is limited to about 100 bytes on Linux: a long CACHE_DIR cannot hold one.
  const fix = socketPath.length > 100 ? ' Use a shorter CACHE_DIR.' : '';
  console.error(`[publisher] Cannot listen on ${socketPath}: ${error.message}.${fix}`);
  process.exit(1);
});
// Only its own user may connect: a request names the environment a build runs with.
const umask = process.umask(0o077);
server.listen(socketPath, () => {
  process.umask(umask);
  log(`Listening on ${socketPath}: \`npm run build\` of this site now builds here. Ctrl-C stops it.`);
});

function stop(): void {
  worker?.child.kill('SIGKILL');
  server.close();
  rmSync(socketPath, { force: true });
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
