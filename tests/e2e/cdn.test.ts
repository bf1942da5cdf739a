// Dictionary-compressed pages (dcb) behind a shared cache, and across a deploy that replaces the
// dictionary (issue 28). A dcb body is readable only with ordbok.txt: a cache that handed it to
// anyone else would serve a garbled page. nginx as a caching proxy (proxy_cache honours Vary)
// stands in front of the shipped configuration; every reader must get a body it can decode.
import { spawnSync } from 'node:child_process';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dcbDecode, readDictionary } from '../../src/lib/build/dictionary';
import { nginxConfig } from '../../src/lib/deploy/nginx';
import { collectErrors, dictionaryFetched, launchBrowser, VIEWPORTS } from '../helpers/browser';
import { serveCachingProxy } from '../helpers/caching-proxy';
import { NGINX, serveWithNginx, type RunningServer } from '../../scripts/nginx-server';
import { SITE } from '../sites';
import { NTB_PATH, NTB_TITLE, SITES } from './sites';

const site = SITES.root;
const page = readFileSync(join(site.outDir, NTB_PATH, 'index.html'));
const dictionary = readDictionary(readFileSync(join(site.outDir, 'ordbok.txt')));

function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The body as the client that asked would decode it: by its Content-Encoding. */
function decode(response: { headers: IncomingHttpHeaders; body: Buffer }): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'dcb') {
    if (!dictionary) throw new Error('no dictionary');
    return dcbDecode(response.body, dictionary);
  }
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

let browser: Browser;
let origin: RunningServer;
let proxy: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  origin = await serveWithNginx(site.outDir, '/');
  proxy = await serveCachingProxy(origin.origin);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  await origin?.stop();
});

describe('behind a caching proxy that honours Vary', () => {
  const holder = () => ({
    'accept-encoding': 'gzip, deflate, br, zstd, dcb, dcz',
    'available-dictionary': `:${dictionary?.hash}:`,
  });
  const readers: [string, Record<string, string>, string | undefined][] = [
    ['a browser without the dictionary (Chromium)', { 'accept-encoding': 'gzip, deflate, br, zstd' }, 'br'],
    ['Firefox', { 'accept-encoding': 'gzip, deflate, br' }, 'br'],
    ['a client that takes gzip only', { 'accept-encoding': 'gzip' }, 'gzip'],
    ['a client that takes no compression', {}, undefined],
    [
      'a browser holding an older dictionary',
      { 'accept-encoding': 'gzip, deflate, br, zstd, dcb', 'available-dictionary': `:${'A'.repeat(43)}=:` },
      'br',
    ],
  ];

  it('gives a dictionary holder dcb, cached, and every other reader a body it can decode', async () => {
    expect(dictionary).toBeDefined();
    const url = `${proxy.url}${NTB_PATH}`;
    const first = await rawGet(url, holder());
    expect(first.headers['content-encoding']).toBe('dcb');
    expect(first.headers['x-cache']).toBe('MISS');
    expect(decode(first).equals(page)).toBe(true);
    // The cache does hold the page: the same request again is a hit, still dcb.
    const again = await rawGet(url, holder());
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.headers['content-encoding']).toBe('dcb');
    for (const [who, headers, encoding] of readers) {
      for (const round of [1, 2]) {
        const response = await rawGet(url, headers);
        expect(response.headers['content-encoding'], `${who} (${round})`).toBe(encoding);
        expect(decode(response).equals(page), `${who} (${round}) decodes to the page`).toBe(true);
      }
    }
    // And the holder still gets the cached dcb afterwards.
    const last = await rawGet(url, holder());
    expect([last.headers['content-encoding'], last.headers['x-cache']]).toEqual(['dcb', 'HIT']);
  });

  it('in Chromium: a reader with the dictionary and a fresh one both read every page', async () => {
    const returning = await browser.newContext({ viewport: VIEWPORTS.phone });
    const tab = await returning.newPage();
    const errors = collectErrors(tab);
    const fetched = dictionaryFetched(tab);
    await tab.goto(proxy.url);
    expect((await fetched).status()).toBe(200);
    const response = await tab.goto(`${proxy.url}${NTB_PATH}`);
    expect(response?.headers()['content-encoding']).toBe('dcb');
    expect(await tab.locator('h1').innerText()).toBe(NTB_TITLE);
    // A reader without the dictionary, after the cache holds the dcb copy.
    const fresh = await browser.newContext({ viewport: VIEWPORTS.phone });
    const other = await fresh.newPage();
    const otherErrors = collectErrors(other);
    const plain = await other.goto(`${proxy.url}${NTB_PATH}`);
    expect(plain?.headers()['content-encoding']).toBe('br');
    expect(await other.locator('h1').innerText()).toBe(NTB_TITLE);
    expect(await other.locator('footer.site-footer').count()).toBe(1);
    expect([...errors, ...otherErrors]).toEqual([]);
    await returning.close();
    await fresh.close();
  });
});

describe('a deploy that replaces the dictionary', () => {
  it('gives a reader holding the old one brotli, then the new dictionary: never a broken page', async () => {
    const nextDictionary = readDictionary(readFileSync(join(SITE.outDir, 'ordbok.txt')));
    expect(nextDictionary?.hash).toBeDefined();
    expect(nextDictionary?.hash).not.toBe(dictionary?.hash);
    // The web root is a link to the deployed build, switched at once (as deploy tools do).
    const dir = mkdtempSync(join(tmpdir(), 'nyheter-deploy-'));
    // nginx's workers (an unprivileged user) must reach the web root through this folder.
    chmodSync(dir, 0o755);
    const live = join(dir, 'live');
    symlinkSync(site.outDir, live);
    const server = await serveWithNginx(live, '/');
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    try {
      const tab = await context.newPage();
      const errors = collectErrors(tab);
      /** Opens the front page, which announces the dictionary, until the browser has fetched it. */
      const openUntilFetched = async () => {
        const fetched = dictionaryFetched(tab);
        await tab.goto(server.url);
        expect((await fetched).status(), 'the browser fetched the announced dictionary').toBe(200);
      };
      await openUntilFetched();
      expect((await tab.goto(`${server.url}${NTB_PATH}`))?.headers()['content-encoding']).toBe('dcb');

      // Deploy 2: another build, with another dictionary.
      rmSync(live);
      symlinkSync(SITE.outDir, live);
      // The browser still offers the old dictionary (fresh for a day): pages come as brotli, whole.
      for (const path of ['', NTB_PATH]) {
        const response = await tab.goto(`${server.url}${path}`);
        expect(response?.headers()['content-encoding'], path || '/').toBe('br');
        expect(await tab.locator('footer.site-footer').count(), path || '/').toBe(1);
      }
      // A day later its copy has gone stale (here: the HTTP cache cleared): the next page's
      // announcement fetches the new dictionary, and the page after that uses it.
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.clearBrowserCache');
      await openUntilFetched();
      const next = await tab.goto(`${server.url}${NTB_PATH}`);
      expect(next?.headers()['content-encoding']).toBe('dcb');
      expect(await tab.locator('h1').innerText()).toBe(NTB_TITLE);
      expect(await tab.locator('footer.site-footer').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('nginx without the dictionary (--no-dictionary)', () => {
  it('is a valid configuration that announces no dictionary and never varies on it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nyheter-nodict-'));
    const conf = join(dir, 'nginx.conf');
    const text = nginxConfig({
      listen: '127.0.0.1:1',
      root: site.outDir,
      base: '/',
      runtimeDir: dir,
      dictionary: false,
    });
    writeFileSync(conf, text);
    const check = spawnSync(NGINX, ['-t', '-e', join(dir, 'error.log'), '-c', conf], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(text).not.toContain('rel="compression-dictionary"');
    expect(text).not.toMatch(/\$page_vary \{[^}]*Available-Dictionary/);
    expect(text).toMatch(/map \$uri \$page_index \{\s*default index\.html;\s*\}/);
    rmSync(dir, { recursive: true, force: true });
  });
});
