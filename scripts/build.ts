/**
 * `npm run build`: `astro build`, unless `dist/` is already what it would write.
 *   npm run build                  build, or say that nothing changed (src/lib/build/up-to-date.ts)
 *   npm run build -- --force       always build, ignoring every cache (Astro's own flag)
 *   npm run build -- --parts N     build in N parts side by side, then merge them (for a cold or
 *                                  large build on several cores: src/lib/build/parallel-parts.ts)
 * With `npm run publisher` running for the same site, the build runs there, in a process that
 * keeps Astro loaded (src/lib/build/publisher.ts); its log is printed here as it comes.
 * Other arguments go to `astro build` as they are (and count among the inputs). The exit code is
 * the build's.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settings } from '../src/lib/config.ts';
import { ARTICLES_DIR, CONTENT_DIR } from '../src/lib/content/dir.ts';
import {
  jsonLines,
  publisherSocket,
  workerKey,
  type PublishReply,
  type PublishRequest,
} from '../src/lib/build/publisher.ts';
import { resolveBuildNow } from '../src/lib/now.ts';
import { buildInParts, partsArgument } from '../src/lib/build/parallel-parts.ts';
import {
  changedPaths,
  inputLines,
  inputsDigest,
  readNextChange,
  readStamp,
  settled,
  stampFiles,
  verdict,
  type BuildStamp,
} from '../src/lib/build/up-to-date.ts';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// Astro resolves OUT_DIR against the project root: --root when given, else the working folder.
const rootAt = args.indexOf('--root');
const root = resolve((rootAt >= 0 && args[rootAt + 1]) || '.');
const config = settings();
const outDir = resolve(root, config.outDir);
// Where the build writes when its output next changes by the clock (collection.ts): the working
// folder's view of CACHE_DIR, as there.
const records = stampFiles(resolve(config.cacheDir));

/** Everything a build reads that is a file. */
const INPUTS = [
  'src',
  'public',
  'content',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
].map((name) => join(project, name));

let parts: ReturnType<typeof partsArgument>;
try {
  parts = partsArgument(args);
} catch (error) {
  console.error(`[build] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

const started = Date.now();
const lines = inputLines([...INPUTS, CONTENT_DIR], project);
const digest = inputsDigest(lines, { settings: config, args, node: process.version });
const outStat = (): BuildStamp['outDir'] | undefined => {
  if (!existsSync(outDir)) return undefined;
  const { ino, mtimeMs } = statSync(outDir);
  return { ino, mtimeMs };
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (!args.includes('--force')) {
  const stamp = readStamp(records.stamp);
  const decided = verdict(stamp, digest, outStat(), resolveBuildNow(config.buildNow));
  if (decided.upToDate) {
    const until = stamp?.nextChange ? ` until ${stamp.nextChange.at} (${stamp.nextChange.what})` : '';
    console.log(
      `[build] Nothing to do: ${lines.length} input files and the settings are as at the last build ` +
        `(checked in ${seconds(Date.now() - started)}); ${outDir} is up to date${until}. ` +
        '`npm run build -- --force` builds everything again.',
    );
    process.exit(0);
  }
  let reason = decided.reason;
  if (reason === 'inputs changed' && existsSync(records.lines)) {
    const changed = changedPaths(readFileSync(records.lines, 'utf8').split('\n').filter(Boolean), lines);
    const more = changed.length > 5 ? ` and ${changed.length - 5} more` : '';
    reason = changed.length
      ? `${changed.length} input file(s) changed: ${changed.slice(0, 5).join(', ')}${more}`
      : 'the settings (environment), the arguments or the Node version changed';
  }
  console.log(`[build] Building: ${reason}.`);
}

// A build that fails or is stopped leaves no record: the next one runs.
for (const file of Object.values(records)) rmSync(file, { force: true });

/** After a successful build, the record that lets the next one be skipped when nothing changed. */
function finish(code: number | null): never {
  if (code === 0) {
    const recorded = readNextChange(resolve(config.cacheDir));
    const out = outStat();
    if (recorded && out && settled(lines, started)) {
      const stamp: BuildStamp = { inputs: digest, nextChange: recorded.next, outDir: out };
      writeFileSync(records.lines, lines.join('\n') + '\n');
      writeFileSync(records.stamp, JSON.stringify(stamp));
    }
  }
  process.exit(code ?? 1);
}

/**
 * The build handed to a running publisher of this site: its exit code, or undefined when there is
 * none (no socket, or one nobody answers) or it declines the arguments.
 */
function viaPublisher(): Promise<number | undefined> {
  const socketPath = publisherSocket(resolve(config.cacheDir));
  if (!existsSync(socketPath)) return Promise.resolve(undefined);
  const request: PublishRequest = {
    cwd: process.cwd(),
    args,
    env: process.env,
    key: workerKey(
      lines,
      { dir: ARTICLES_DIR, base: project },
      { settings: config, args, node: process.version, cwd: process.cwd() },
    ),
  };
  return new Promise((resolveBuild) => {
    let answered = false;
    let ended = false;
    const resolvePromise = (code: number | undefined) => {
      ended = true;
      resolveBuild(code);
    };
    let buffer = '';
    const socket = connect(socketPath);
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk) => {
      answered = true;
      buffer = jsonLines<PublishReply>(buffer + chunk.toString(), (reply) => {
        if (reply.type === 'log') process.stdout.write(reply.text);
        else if (reply.type === 'declined') {
          console.log(`[build] The publisher does not take ${reply.reason}: building here.`);
          resolvePromise(undefined);
        } else resolvePromise(reply.code);
      });
    });
    socket.on('error', () => {
      if (!answered) resolvePromise(undefined);
    });
    socket.on('close', () => {
      if (ended) return;
      if (answered) {
        console.error('[build] The publisher stopped during the build. Run `npm run build` again.');
        resolvePromise(1);
      } else resolvePromise(undefined);
    });
  });
}

if (parts.count !== undefined) {
  const log = {
    info: (m: string) => console.log(`[build] ${m}`),
    warn: (m: string) => console.warn(`[build] ${m}`),
  };
  try {
    finish(
      await buildInParts({
        project,
        count: parts.count,
        now: resolveBuildNow(config.buildNow).toISOString(),
        cacheDir: resolve(config.cacheDir),
        outDir,
        args: parts.rest,
        log,
      }),
    );
  } catch (error) {
    console.error(`[build] ${error instanceof Error ? error.message : String(error)}`);
    finish(1);
  }
}

const published = await viaPublisher();
if (published !== undefined) finish(published);

const child = spawn(
  process.execPath,
  ['--max-old-space-size=16384', join(project, 'node_modules/astro/bin/astro.mjs'), 'build', ...args],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  finish(code);
});
