/**
 * How many requests a second nginx serves from the built site, with wrk (Debian's package):
 *   npm run build && npm run bench:serve [-- --seconds 8 --connections 64]
 * For an article page, the front page and the RSS feed, three configurations in one run:
 *   plain       every file as it is, uncompressed: the static-file limit
 *   shipped     the shipped configuration: the build's brotli (or gzip) twins as they are
 *   dictionary  the same, to a browser holding the site's dictionary (the pages' .dcb twins)
 *   on-the-fly  gzip on every response (the configuration before precompressed twins)
 * Clients ask for "br, gzip", as browsers do (plus "dcb" and the dictionary's hash for the
 * dictionary row). Prints requests/s, p99 latency and bytes per response; bench/RESULTS.md
 * ("Serving") records a run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveWithNginx, type Compression } from './nginx-server.ts';
import { readDictionary } from '../src/lib/build/dictionary.ts';
import { dictionaryPath } from '../src/lib/urls.ts';

const WRK = '/usr/bin/wrk';
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '64' },
    threads: { type: 'string', default: '2' },
  },
});
const dist = resolve(process.env.OUT_DIR || 'dist');
const base = process.env.BASE_PATH || '/';
if (!existsSync(WRK)) throw new Error(`${WRK} is missing: apt-get install wrk`);
if (!existsSync(join(dist, 'index.html')))
  throw new Error(`No built site in ${dist}: run npm run build first.`);

/** The newest article page: the one a breaking story sends everyone to. */
function anArticle(): string {
  const newest = (dir: string) =>
    readdirSync(join(dist, dir))
      .filter((name) => /^\d+$/.test(name))
      .sort()
      .at(-1);
  let path = '';
  for (let depth = 0; depth < 3; depth++) {
    const next = newest(path);
    if (!next) throw new Error(`No article in ${dist}`);
    path = join(path, next);
  }
  const slug = readdirSync(join(dist, path), { withFileTypes: true }).find(
    (entry) => entry.isDirectory() && entry.name !== 'side',
  );
  if (!slug) throw new Error(`No article in ${join(dist, path)}`);
  return `${path}/${slug.name}/`;
}

interface Result {
  rps: number;
  p99ms: number;
  bytes: number;
}

const BROWSER = ['Accept-Encoding: br, gzip'];
const dictionaryFile = join(dist, dictionaryPath());
const dictionary = existsSync(dictionaryFile) ? readDictionary(readFileSync(dictionaryFile)) : undefined;
/** A browser that holds the site's dictionary (Compression Dictionary Transport). */
const HOLDING = dictionary
  ? ['Accept-Encoding: br, gzip, dcb', `Available-Dictionary: :${dictionary.hash}:`]
  : undefined;

function wrk(url: string, seconds = values.seconds, headers = BROWSER): Result {
  const run = spawnSync(
    WRK,
    [
      `-t${values.threads}`,
      `-c${values.connections}`,
      `-d${seconds}s`,
      '--latency',
      ...headers.flatMap((header) => ['-H', header]),
      url,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const out = run.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99ms = p99 ? Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2] as 'us' | 'ms' | 's'] : NaN;
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const read = /requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read/.exec(out);
  const bytes = read
    ? (Number(read[1]) * { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[read[2] as 'B']) / requests
    : NaN;
  return { rps, p99ms, bytes };
}

const pages: [string, string][] = [
  ['article page', anArticle()],
  ['front page', ''],
  ['RSS feed', 'rss.xml'],
];
/** Each row: the server's configuration, and what the clients send. */
const rows: { row: string; mode: Compression; headers: string[] }[] = [
  { row: 'plain', mode: 'plain', headers: BROWSER },
  { row: 'shipped', mode: 'shipped', headers: BROWSER },
  ...(HOLDING ? [{ row: 'shipped, dictionary', mode: 'shipped' as const, headers: HOLDING }] : []),
  { row: 'on-the-fly', mode: 'on-the-fly', headers: BROWSER },
];
const results = new Map<string, Result>();
for (const { row, mode, headers } of rows) {
  const server = await serveWithNginx(dist, base, { compression: mode });
  try {
    for (const [name, path] of pages) {
      wrk(`${server.url}${path}`, '2', headers); // warm the page cache and the connections
      results.set(`${name}/${row}`, wrk(`${server.url}${path}`, values.seconds, headers));
    }
  } finally {
    await server.stop();
  }
}

const f = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  `\nnginx, wrk -t${values.threads} -c${values.connections} -d${values.seconds}s, Accept-Encoding: br, gzip (${dist})\n`,
);
console.log('| page | config | req/s | × plain | p99 ms | bytes per response |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name] of pages) {
  const plain = results.get(`${name}/plain`) as Result;
  for (const { row } of rows) {
    const r = results.get(`${name}/${row}`) as Result;
    console.log(
      `| ${name} | ${row} | ${f(r.rps)} | ${f(r.rps / plain.rps, 2)} | ${f(r.p99ms, 2)} | ${f(r.bytes)} |`,
    );
  }
}
