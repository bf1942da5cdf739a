/**
 * The publisher's kept process (scripts/publisher.ts starts it): Astro loaded once, one build per
 * message, each through Astro's programmatic build() with its page bundle named apart
 * (src/lib/build/astro-internals/kept-build.ts). Its environment is the settings of the builds it
 * serves. Everything it prints goes to stdout, in order, and each build ends with a line
 * `DONE_MARK <exit code>` there, so its log is complete when the publisher sees the mark.
 * When the installed Astro breaks the assumption, each build is an `astro build` of its own.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEPT_BUILD_ENV, keptBuildProblems } from '../src/lib/build/astro-internals/kept-build.ts';
import { DONE_MARK, KeptPagesFilter, keptBuildOptions, keptLine } from '../src/lib/build/publisher.ts';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// One ordered stream: the publisher forwards stdout as it comes, without a line per kept page.
const rawWrite = process.stdout.write.bind(process.stdout);
const keptPages = new KeptPagesFilter();
const filteredWrite = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
  const done = rest.find((arg): arg is (error?: Error | null) => void => typeof arg === 'function');
  const text = keptPages.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
  if (text) return rawWrite(text, done);
  done?.();
  return true;
};
process.stdout.write = filteredWrite as typeof process.stdout.write;
process.stderr.write = filteredWrite as typeof process.stderr.write;

const problems = keptBuildProblems();
const { default: build } = problems.length
  ? { default: undefined }
  : await import('astro').then((m) => ({ default: m.build }));
let builds = 0;

/** The most this process has held resident (Linux: VmHWM), in bytes; 0 where unknown. */
function peakRss(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** `astro build` as a process of its own: correct when the kept build's assumption is broken. */
function buildInChild(args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [join(project, 'node_modules/astro/bin/astro.mjs'), 'build', ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.pipe(process.stdout, { end: false });
    child.stderr.pipe(process.stdout, { end: false });
    child.on('close', (code) => done(code ?? 1));
  });
}

async function run(args: string[]): Promise<number> {
  builds += 1;
  if (!build) {
    console.log(`[publisher] Building in a process of its own: ${problems.join('; ')} (assumption 8).`);
    return buildInChild(args);
  }
  const options = keptBuildOptions(args);
  if ('unsupported' in options) {
    console.error(`[publisher] Cannot pass ${options.unsupported} to build().`);
    return 2;
  }
  process.env[KEPT_BUILD_ENV] = `k${process.pid}n${builds}`;
  try {
    await build({ root: options.root, configFile: options.configFile, force: options.force });
    return 0;
  } catch (error) {
    // As the astro command prints a failed build (which it logged already where it could).
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}

process.on('message', (message: { args: string[] }) => {
  const cpu = process.cpuUsage();
  void run(message.args).then((code) => {
    const used = process.cpuUsage(cpu);
    const { rest, kept } = keptPages.finish();
    rawWrite(`${rest}${kept > 0 ? keptLine(kept) : ''}\n${DONE_MARK} ${code}\n`, () => {
      process.send?.({
        rss: process.memoryUsage.rss(),
        peak: peakRss(),
        cpu: (used.user + used.system) / 1e6,
      });
    });
  });
});
// Without its publisher no one waits for this build, and a build by `npm run build` itself may
// start at once: stop rather than write dist/ beside it (the next build heals a half-written one).
process.on('disconnect', () => process.exit(1));
process.send?.({ ready: true, kept: !problems.length });
