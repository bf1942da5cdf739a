/**
 * Serves a built site with the shipped nginx configuration (for the browser tests and
 * `npm run lighthouse`) on a free loopback port, as an
 * operator would (Debian's nginx-light), and stops it again without leftovers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROTLI_STATIC_MODULE, nginxConfig } from '../src/lib/deploy/nginx.ts';

export const NGINX = '/usr/sbin/nginx';

export interface RunningServer {
  /** Origin plus base, e.g. http://127.0.0.1:41234/nyheter/ */
  url: string;
  origin: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True once `child` (an nginx master) wrote its pid to `pidFile`, which it does after binding; false if it exits first. */
async function boundBy(child: ChildProcess, pidFile: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      if (readFileSync(pidFile, 'utf8').trim() === String(child.pid)) return true;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  return false;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not answer at ${url}: ${String(lastError)}`);
}

/**
 * How the server compresses: "shipped" is the shipped configuration (the build's brotli twins
 * when the module is installed, as CI installs it; gzip twins; gzip on the fly for the rest).
 * For `npm run bench:serve`: "plain" sends every file as it is, uncompressed (the static-file
 * limit), "on-the-fly" gzips every response again (the configuration before issue 16).
 */
export type Compression = 'shipped' | 'plain' | 'on-the-fly';

/** The shipped config, with the compression directives `compression` leaves out removed. */
function withCompression(config: string, compression: Compression): string {
  const drop: Record<Compression, readonly string[]> = {
    shipped: [],
    plain: ['gzip', 'gzip_static', 'brotli_static'],
    'on-the-fly': ['gzip_static', 'brotli_static'],
  };
  return config.replace(/^\s*(gzip|gzip_static|brotli_static) on;\n/gm, (line, name: string) =>
    drop[compression].includes(name) ? '' : line,
  );
}

/** Starts nginx serving `distDir` under `base` ("/" or "/nyheter/"). */
export async function serveWithNginx(
  distDir: string,
  base = '/',
  { compression = 'shipped' }: { compression?: Compression } = {},
): Promise<RunningServer> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx-light (see .ci/run).`);
  const runtimeDir = mkdtempSync(join(tmpdir(), 'nyheter-nginx-'));
  // nginx workers run as an unprivileged user when the master is root: they must reach the files.
  chmodSync(runtimeDir, 0o755);
  // The site must be at root + base, as on a real server.
  let root = distDir;
  if (base !== '/') {
    root = join(runtimeDir, 'www');
    const siteDir = join(root, base);
    mkdirSync(join(siteDir, '..'), { recursive: true });
    symlinkSync(distDir, siteDir.replace(/\/$/, ''));
  }
  const confFile = join(runtimeDir, 'nginx.conf');
  const pidFile = join(runtimeDir, 'nginx.pid');
  // A port found free can be taken by another test's server before this nginx binds it; this
  // nginx then exits, and the other server would answer in its place (another site's pages).
  // So the server counts as started only once this master wrote its pid (after binding).
  let child: ChildProcess | undefined;
  let port = 0;
  let stderr = '';
  for (let attempt = 1; child === undefined; attempt++) {
    port = await freePort();
    const shipped = nginxConfig({
      listen: `127.0.0.1:${port}`,
      root,
      base,
      runtimeDir,
      brotli: existsSync(BROTLI_STATIC_MODULE),
    });
    writeFileSync(confFile, withCompression(shipped, compression));
    const check = spawnSync(NGINX, ['-t', '-e', join(runtimeDir, 'error.log'), '-c', confFile], {
      encoding: 'utf8',
    });
    if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
    // The shipped config must load without a warning (a warning is a config nobody meant).
    const warnings = check.stderr
      .split('\n')
      .filter((line) => /\[(warn|emerg|alert|crit|error)\]/.test(line));
    if (warnings.length > 0)
      throw new Error(`nginx -t warns about the generated config:\n${warnings.join('\n')}`);
    rmSync(pidFile, { force: true });
    stderr = '';
    const started: ChildProcess = spawn(
      NGINX,
      ['-e', join(runtimeDir, 'error.log'), '-c', confFile, '-g', 'daemon off; master_process on;'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (await boundBy(started, pidFile, 10_000)) child = started;
    else if (attempt >= 5)
      throw new Error(`nginx did not start on a free port after ${attempt} tries:\n${stderr}`);
  }
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}${base}`, 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n${stderr}`, { cause: error });
  }
  return {
    url: `${origin}${base}`,
    origin,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT'); // graceful: the master stops its workers
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(runtimeDir, { recursive: true, force: true });
    },
  };
}
