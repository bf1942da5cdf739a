/**
 * `npm run build -- --parts N`: one machine's build in N parts side by side (parts.ts), for a
 * cold or large build on a machine with several cores. One `astro sync` reads, checks and renders
 * every article once, into the build cache; each part starts from a copy of what it stored, so it
 * reads no article again (by their stats, catalog.ts) and only renders its own pages, in a
 * process of its own (Astro renders pages on one thread); then the merge (merge-parts.ts). The
 * result is what one build writes (tests/build/parts.test.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR } from '../content/dir.ts';
import { DATA_STORE_FILE } from './astro-internals/content-store.ts';
import { mergeParts } from './merge-parts.ts';
import type { BuildLog } from './output-files.ts';
import { MAX_PARTS } from './parts.ts';
import { stampFiles } from './up-to-date.ts';

/** What `astro sync` leaves in the cache that a part's content sync starts from. */
const SYNCED = [DATA_STORE_FILE, 'article-catalog.json', 'image-checks.json'];

export interface PartsBuild {
  project: string;
  count: number;
  /** The build's "now", the same for every part (ISO 8601). */
  now: string;
  cacheDir: string;
  outDir: string;
  /** Arguments for Astro, given to every part as to a build of everything. */
  args: readonly string[];
  log: BuildLog;
}

/** `--parts N` read from the arguments: the count, and the arguments without it. */
export function partsArgument(args: readonly string[]): { count: number | undefined; rest: string[] } {
  const at = args.indexOf('--parts');
  if (at < 0) return { count: undefined, rest: [...args] };
  const raw = args[at + 1];
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_PARTS) {
    throw new Error(`--parts ${raw ?? ''}: give the number of parts, 1-${MAX_PARTS}, e.g. --parts 2.`);
  }
  return { count, rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

/** `astro sync` or `astro build` in the project, its log lines marked with `label`. */
function astro(
  project: string,
  command: 'sync' | 'build',
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  label: string,
): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=16384', join(project, 'node_modules/astro/bin/astro.mjs'), command, ...args],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Each line marked with its part: the logs of parts side by side interleave.
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '' && !/\(cached\)|\(\+\d+ms\)/.test(line))
      .map((line) => `[${label}] ${line}\n`)
      .join('');
  child.stdout.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  return new Promise((done) => child.on('close', (code) => done(code ?? 1)));
}

/** The exit code: 0 when every part built and the merge succeeded. */
export async function buildInParts({
  project,
  count,
  now,
  cacheDir,
  outDir,
  args,
  log,
}: PartsBuild): Promise<number> {
  // Every part has the project as its root, as a build of everything: Astro names a component's
  // scoped styles from its path under the root, so another root would change every page. Each
  // part's output is inside the working folder: Astro stages the pages of a build whose output
  // is elsewhere in the working folder's .astro/, which the parts would share (both: assumption
  // 10, astro-internals/). What the parts do write into the root's .astro/ is the same for each
  // (the sync wrote it first), and its modules are written whole (renamed into place).
  // One folder per build cache: two sites built from one project keep their parts apart.
  const site = createHash('sha256').update(cacheDir).digest('hex').slice(0, 12);
  const outputs = join(process.cwd(), 'node_modules', '.astro-parts', site);
  const env = { ...process.env, BUILD_NOW: now, CACHE_DIR: cacheDir, OUT_DIR: outDir, CONTENT_DIR };
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  // `--force` clears the content cache there, as in a build.
  // The root and config as the parts have them: the store names photos from the root.
  const syncArgs = args.flatMap((arg, i) =>
    arg === '--force' ? [arg] : arg === '--root' || arg === '--config' ? [arg, args[i + 1] ?? ''] : [],
  );
  const synced = await astro(project, 'sync', syncArgs, env, 'sync');
  if (synced !== 0) return synced;
  log.info(`Content synced once for ${count} part(s) (${seconds()}).`);

  // The parts of an earlier build with another N are of no use: their folders go.
  for (const dir of [outputs, join(cacheDir, 'parts')]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(`-of-${count}`)) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
  const parts = Array.from({ length: count }, (_, i) => {
    const partCache = join(cacheDir, 'parts', `${i + 1}-of-${count}`);
    mkdirSync(partCache, { recursive: true });
    for (const name of SYNCED) {
      if (existsSync(join(cacheDir, name))) copyFileSync(join(cacheDir, name), join(partCache, name));
    }
    // A part's own up-to-date record would never be read: only the whole build's counts.
    return { index: i + 1, cache: partCache, out: join(outputs, `${i + 1}-of-${count}`) };
  });
  const codes = await Promise.all(
    parts.map((part) =>
      astro(
        project,
        'build',
        args,
        { ...env, BUILD_PART: `${part.index}/${count}`, CACHE_DIR: part.cache, OUT_DIR: part.out },
        `part ${part.index}/${count}`,
      ),
    ),
  );
  const failed = codes.findIndex((code) => code !== 0);
  if (failed >= 0) {
    log.warn(`Part ${failed + 1}/${count} failed: nothing was merged into ${outDir}.`);
    return codes[failed] as number;
  }
  log.info(`${count} part(s) built side by side (${seconds()}).`);
  await mergeParts(
    parts.map((part) => part.out),
    outDir,
    log,
  );
  // The time the site next changes (an embargo) as part 1 saw it: every part saw the same.
  const record = stampFiles(parts[0]?.cache ?? cacheDir).nextChange;
  if (existsSync(record)) copyFileSync(record, stampFiles(cacheDir).nextChange);
  log.info(`Built in ${count} part(s) and merged in ${seconds()}.`);
  return 0;
}
