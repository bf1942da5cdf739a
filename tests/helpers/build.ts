/** Builds the site from fixture content into tests/output/<name>/ and reads what it wrote. */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const OUTPUT_ROOT = resolve('tests/output');

export interface BuildResult {
  name: string;
  outDir: string;
  status: number | null;
  output: string;
}

/**
 * The `astro` command line for a fixture build or dev server named `name`: its own root folder
 * (tests/output/<name>/root), so its own `.astro/` folder, where Astro writes the content modules
 * of the site it builds. Builds with separate roots can run side by side; the config names the
 * source folders from itself (astro.config.mjs), so every root builds the same sources.
 */
export function astroCommand(name: string, command: 'build' | 'dev'): { bin: string; args: string[] } {
  const root = join(OUTPUT_ROOT, name, 'root');
  mkdirSync(root, { recursive: true });
  // Astro joins --config to --root, so it is given relative to the root.
  const config = relative(root, resolve('astro.config.mjs'));
  return { bin: resolve('node_modules/.bin/astro'), args: [command, '--root', root, '--config', config] };
}

/** The environment of a fixture build: its own output and cache folders, then `env`. */
function buildEnv(name: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    OUT_DIR: join(OUTPUT_ROOT, name, 'dist'),
    CACHE_DIR: join(OUTPUT_ROOT, name, 'cache'),
    ...env,
  };
}

/** A finished build. Astro colours its log when CI is set (and not otherwise): tests match the plain text. */
const finished = (name: string, status: number | null, stdout: string, stderr: string): BuildResult => ({
  name,
  outDir: join(OUTPUT_ROOT, name, 'dist'),
  status,
  output: stripVTControlCharacters(`${stdout}\n${stderr}`),
});

const BUILD_TIMEOUT_MS = 180_000;

/**
 * Runs `astro build` with its own root, output and cache folders, so builds never share state.
 * `rebuild: true` keeps the folders of an earlier build of the same name: an incremental build.
 */
export function buildSite(name: string, env: Record<string, string>, { rebuild = false } = {}): BuildResult {
  if (!rebuild) rmSync(join(OUTPUT_ROOT, name), { recursive: true, force: true });
  const { bin, args } = astroCommand(name, 'build');
  const result = spawnSync(bin, args, {
    env: buildEnv(name, env),
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
  });
  return finished(name, result.status, result.stdout, result.stderr);
}

/** `buildSite` without blocking: builds of different names run side by side (one per core). */
export function buildSiteAsync(
  name: string,
  env: Record<string, string>,
  { rebuild = false } = {},
): Promise<BuildResult> {
  if (!rebuild) rmSync(join(OUTPUT_ROOT, name), { recursive: true, force: true });
  const { bin, args } = astroCommand(name, 'build');
  return runAsync(name, env, bin, args);
}

/** A build command for the site `name`, run without blocking; its output is the result. */
function runAsync(
  name: string,
  env: Record<string, string>,
  bin: string,
  args: string[],
): Promise<BuildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      bin,
      args,
      { env: buildEnv(name, env), encoding: 'utf8', timeout: BUILD_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // A failed build is a result (its output is asserted on); only a failure to start is not.
        if (error && typeof error.code !== 'number' && !error.killed) reject(error);
        else resolvePromise(finished(name, child.exitCode, stdout, stderr));
      },
    );
  });
}

/**
 * `npm run build` for a fixture site (scripts/build.ts: Astro, or nothing when dist/ is up to
 * date), with the folders of an earlier build of the same name kept, and `args` after Astro's.
 */
export function runBuildScript(
  name: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<BuildResult> {
  const { args: astroArgs } = astroCommand(name, 'build');
  return runAsync(name, env, process.execPath, [resolve('scripts/build.ts'), ...astroArgs.slice(1), ...args]);
}

/** A running `npm run publisher` for the fixture site `name` (scripts/publisher.ts). */
export interface RunningPublisher {
  /** Everything it has printed so far. */
  log: () => string;
  /** Stops it as Ctrl-C does; `kill` stops it and its worker at once, as a crash would. */
  stop: () => Promise<void>;
  kill: () => Promise<void>;
}

/** Starts the publisher for the site `name` (its CACHE_DIR) and waits until it listens. */
export async function startPublisher(name: string, env: Record<string, string>): Promise<RunningPublisher> {
  const child = spawn(process.execPath, [resolve('scripts/publisher.ts')], {
    env: buildEnv(name, env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += stripVTControlCharacters(chunk.toString()));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const ended = new Promise<void>((resolveEnd) => child.on('close', () => resolveEnd()));
  const started = Date.now();
  while (!output.includes('Listening on')) {
    if (child.exitCode !== null || Date.now() - started > 30_000)
      throw new Error(`the publisher did not start:\n${output}`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, name);
    } catch {
      // Gone already.
    }
    return ended;
  };
  return { log: () => output, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}

/**
 * A rebuild killed (SIGKILL, with every process it started) as soon as its log shows `marker`:
 * a publish interrupted half-way. Resolves with the log up to then; rejects if the build ended
 * before the marker appeared.
 */
export function killBuildAt(name: string, env: Record<string, string>, marker: RegExp): Promise<string> {
  const { bin, args } = astroCommand(name, 'build');
  const child = spawn(bin, args, {
    env: buildEnv(name, env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const look = (chunk: Buffer) => {
      output += stripVTControlCharacters(chunk.toString());
      if (marker.test(output) && child.pid !== undefined && child.exitCode === null) {
        process.kill(-child.pid, 'SIGKILL');
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(output);
      else reject(new Error(`the build ended (${code}) before ${marker}:\n${output.slice(-3000)}`));
    });
  });
}

/** Every file under a folder, as paths relative to it with "/" separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function readPage(outDir: string, sitePath: string): string {
  const file = join(outDir, sitePath, sitePath.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`No page at ${sitePath} (${file})`);
  return readFileSync(file, 'utf8');
}

/** Every href/src in a page. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}

/**
 * Internal links in every HTML page that do not resolve to a built file, as "page → link".
 * `base` is the deploy base ("/" or "/nyheter/"): internal links must start with it.
 */
export function brokenLinks(outDir: string, base: string): string[] {
  const files = new Set(listFiles(outDir));
  const broken: string[] = [];
  for (const page of [...files].filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(outDir, page), 'utf8');
    for (const link of linksIn(html)) {
      if (/^(https?:|mailto:|tel:|#)/.test(link)) continue;
      const pathname = new URL(link, `http://site${base}${page}`).pathname;
      if (!pathname.startsWith(base)) {
        broken.push(`${page} → ${link} (outside the base ${base})`);
        continue;
      }
      const inSite = decodeURIComponent(pathname.slice(base.length));
      const target = inSite === '' || inSite.endsWith('/') ? `${inSite}index.html` : inSite;
      if (!files.has(target)) broken.push(`${page} → ${link}`);
    }
  }
  return broken;
}
