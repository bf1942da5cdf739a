// nginx with the shipped configuration: clean URLs, real 404s, caching, precompressed brotli and
// gzip, security headers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROTLI_STATIC_MODULE, nginxConfig } from '../../src/lib/deploy/nginx';
import { DICTIONARY_CACHE, SECURITY_HEADERS } from '../../src/lib/deploy/security-headers';
import { dcbDecode, dcbSuffix, readDictionary } from '../../src/lib/build/dictionary';
import { staticHostHeaders } from '../../src/lib/deploy/static-headers';
import { listFiles } from '../helpers/build';
import { NGINX, serveWithNginx, type RunningServer } from '../../scripts/nginx-server';
import { NTB_PATH, SITES } from './sites';

it('deploy/nginx.conf, deploy/nginx-brotli.conf and public/_headers are what the generator writes (no drift)', () => {
  expect(readFileSync('deploy/nginx.conf', 'utf8')).toBe(
    nginxConfig({ listen: '80', root: '/var/www/nyheter', base: '/' }),
  );
  expect(readFileSync('deploy/nginx-brotli.conf', 'utf8')).toBe(
    nginxConfig({ listen: '80', root: '/var/www/nyheter', base: '/', brotli: true }),
  );
  expect(readFileSync('public/_headers', 'utf8')).toBe(staticHostHeaders('/'));
});

it('the gzip-only config loads in nginx without the brotli module; the brotli one names it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-t-'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ listen: '127.0.0.1:1', root: dir, base: '/', runtimeDir: dir }));
  const check = spawnSync(NGINX, ['-t', '-e', join(dir, 'error.log'), '-c', conf], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  expect(check.stderr).not.toMatch(/\[(warn|emerg)\]/);
  expect(readFileSync('deploy/nginx.conf', 'utf8')).not.toContain('brotli');
  expect(readFileSync('deploy/nginx-brotli.conf', 'utf8')).toContain(`load_module ${BROTLI_STATIC_MODULE};`);
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET: headers and the body's bytes as sent (node:http does not decompress). */
function rawGet(url: string, acceptEncoding: string | undefined, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = httpGet(
      url,
      { headers: { ...headers, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

for (const site of Object.values(SITES)) {
  describe(`nginx serving ${site.base}`, () => {
    let server: RunningServer;
    /** Files a careless deploy could carry (removed again after these tests). */
    const dotfiles = {
      '.git/config': '[core]\n',
      '.env': 'SECRET=1\n',
      '.well-known/security.txt': 'Contact: mailto:x@example.no\n',
    };
    beforeAll(async () => {
      for (const [file, text] of Object.entries(dotfiles)) {
        mkdirSync(join(site.outDir, file, '..'), { recursive: true });
        writeFileSync(join(site.outDir, file), text);
      }
      server = await serveWithNginx(site.outDir, site.base);
    });
    afterAll(async () => {
      await server?.stop();
      for (const folder of ['.git', '.env', '.well-known'])
        rmSync(join(site.outDir, folder), { recursive: true, force: true });
    });

    it('serves directory URLs and redirects to the trailing slash', async () => {
      const ok = await fetch(`${server.url}${NTB_PATH}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const redirect = await fetch(`${server.url}2020`, { redirect: 'manual' });
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe(`${site.base}2020/`);
    });

    it('answers unknown URLs with the 404 page and status 404', async () => {
      const response = await fetch(`${server.url}finnes/ikke/`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('Fant ikke siden');
    });

    it('sends the security headers on pages, assets and the 404 page', async () => {
      const css = listFiles(site.outDir).find((f) => f.startsWith('_astro/') && f.endsWith('.css'));
      for (const path of ['', NTB_PATH, css, 'finnes/ikke/']) {
        const response = await fetch(`${server.url}${path}`);
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
          expect(response.headers.get(name), `${name} on ${path}`).toBe(value);
        }
      }
    });

    it('caches hashed assets for a year and pages not at all', async () => {
      const css = listFiles(site.outDir).find((f) => f.startsWith('_astro/') && f.endsWith('.css'));
      expect((await fetch(`${server.url}${css}`)).headers.get('cache-control')).toBe(
        'public, max-age=31536000, immutable',
      );
      expect((await fetch(`${server.url}${NTB_PATH}`)).headers.get('cache-control')).toBe(
        'public, max-age=0, must-revalidate',
      );
    });

    it('sends the build’s brotli and gzip twins as they are, and the file to a client that takes neither', async () => {
      const files = listFiles(site.outDir);
      const css = files.find((f) => f.startsWith('_astro/') && f.endsWith('.css'));
      const script = files.find((f) => /^pagefind\/.*pagefind\.js$/.test(f));
      const paths = [
        '',
        NTB_PATH,
        'tema/nagorno-karabakh/',
        css,
        'rss.xml',
        'feed.json',
        'sitemaps/sider.xml',
        script,
      ];
      for (const path of paths) {
        expect(path).toBeDefined();
        const file = join(site.outDir, path ?? '', path?.endsWith('/') || path === '' ? 'index.html' : '');
        const bytes = readFileSync(file);
        const plain = await rawGet(`${server.url}${path}`, undefined);
        expect(plain.status, path).toBe(200);
        expect(plain.headers['content-encoding'], path).toBeUndefined();
        expect(plain.body.equals(bytes), `${path} uncompressed`).toBe(true);
        for (const [encoding, decode, suffix] of [
          ['br', brotliDecompressSync, '.br'],
          ['gzip', gunzipSync, '.gz'],
        ] as const) {
          const response = await rawGet(`${server.url}${path}`, `${encoding === 'br' ? 'br, gzip' : 'gzip'}`);
          expect(response.status, `${path} ${encoding}`).toBe(200);
          expect(response.headers['content-encoding'], `${path} ${encoding}`).toBe(encoding);
          // Sent from the twin the build wrote (on-the-fly compression has no length).
          expect(Number(response.headers['content-length']), `${path} ${encoding}`).toBe(
            readFileSync(file + suffix).length,
          );
          expect(decode(response.body).equals(bytes), `${path} ${encoding} decompresses to the file`).toBe(
            true,
          );
          expect(response.headers['content-type'], `${path} ${encoding}`).toBe(plain.headers['content-type']);
          expect(response.headers.vary, `${path} ${encoding}`).toContain('Accept-Encoding');
          expect(response.headers['cache-control'], `${path} ${encoding}`).toBe(
            plain.headers['cache-control'],
          );
          for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
            expect(response.headers[name.toLowerCase()], `${name} on ${path} ${encoding}`).toBe(value);
          }
        }
      }
    });

    it('announces the site’s compression dictionary on pages, and serves it fresh for a day', async () => {
      const page = await rawGet(`${server.url}${NTB_PATH}`, 'br, gzip');
      expect(page.headers.link).toBe(`<${site.base}ordbok.txt>; rel="compression-dictionary"`);
      expect(page.headers.vary).toContain('Available-Dictionary');
      const css = listFiles(site.outDir).find((f) => f.startsWith('_astro/') && f.endsWith('.css'));
      expect((await rawGet(`${server.url}${css}`, 'br')).headers.link).toBeUndefined();
      const dictionary = await fetch(`${server.url}ordbok.txt`);
      expect(dictionary.status).toBe(200);
      expect(dictionary.headers.get('use-as-dictionary')).toBe(
        `match="${site.base}*", match-dest=("document")`,
      );
      expect(dictionary.headers.get('cache-control')).toBe(DICTIONARY_CACHE);
      expect(
        Buffer.from(await dictionary.arrayBuffer()).equals(readFileSync(join(site.outDir, 'ordbok.txt'))),
      ).toBe(true);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(dictionary.headers.get(name), name).toBe(value);
      }
    });

    it('sends pages compressed against the dictionary to a browser that holds it, and brotli to one with another', async () => {
      const dictionary = readDictionary(readFileSync(join(site.outDir, 'ordbok.txt')));
      if (!dictionary) throw new Error('ordbok.txt has no usable hash');
      const holds = { 'available-dictionary': `:${dictionary.hash}:` };
      for (const path of ['', NTB_PATH, 'tema/nagorno-karabakh/', 'utenriks/', '2020/10/10/', 'av/ntb/']) {
        const file = join(site.outDir, path, 'index.html');
        const bytes = readFileSync(file);
        const plain = await rawGet(`${server.url}${path}`, undefined);
        const response = await rawGet(`${server.url}${path}`, 'gzip, deflate, br, zstd, dcb, dcz', holds);
        expect(response.status, path).toBe(200);
        expect(response.headers['content-encoding'], path).toBe('dcb');
        expect(Number(response.headers['content-length']), path).toBe(
          readFileSync(file + dcbSuffix(dictionary.hash)).length,
        );
        expect(dcbDecode(response.body, dictionary).equals(bytes), `${path} decodes to the page`).toBe(true);
        expect(response.body.length, path).toBeLessThan(readFileSync(`${file}.br`).length);
        expect(response.headers['content-type'], path).toBe(plain.headers['content-type']);
        expect(response.headers['cache-control'], path).toBe(plain.headers['cache-control']);
        expect(response.headers.vary, path).toContain('Accept-Encoding');
        expect(response.headers.vary, path).toContain('Available-Dictionary');
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
          expect(response.headers[name.toLowerCase()], `${name} on ${path}`).toBe(value);
        }
        // Another dictionary (an older one), or no dcb in Accept-Encoding: brotli.
        const other = { 'available-dictionary': `:${'A'.repeat(43)}=:` };
        for (const [encoding, headers] of [
          ['gzip, br, dcb', other],
          ['gzip, br', holds],
          ['gzip, br, dcb;q=0', holds],
        ] as const) {
          const fallback = await rawGet(`${server.url}${path}`, encoding, headers);
          expect(fallback.headers['content-encoding'], `${path} ${encoding}`).toBe('br');
          expect(brotliDecompressSync(fallback.body).equals(bytes), path).toBe(true);
        }
      }
      // The twin is only ever sent in place of its page, never under its own name.
      const twin = await fetch(`${server.url}${NTB_PATH}index.html${dcbSuffix(dictionary.hash)}`, {
        headers: holds,
      });
      expect(twin.status).toBe(404);
    });

    it('serves JSON Feeds as application/feed+json and other JSON as application/json', async () => {
      for (const path of ['feed.json', 'utenriks/feed.json']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toBe('application/feed+json; charset=utf-8');
        expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      }
      const json = listFiles(site.outDir).find((f) => f.startsWith('pagefind/') && f.endsWith('.json'));
      expect(json).toBeDefined();
      const response = await fetch(`${server.url}${json}`);
      // JSON is UTF-8 by definition (RFC 8259 defines no charset parameter).
      expect(response.headers.get('content-type')).toBe('application/json');
    });

    it('refuses dotfiles (except /.well-known/) and the _headers file, with the 404 page', async () => {
      for (const path of ['.git/config', '.env', '_headers']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBe(404);
        expect(await response.text(), path).toContain('Fant ikke siden');
        expect(response.headers.get('content-security-policy'), path).toBe(
          SECURITY_HEADERS['Content-Security-Policy'],
        );
      }
      expect((await fetch(`${server.url}.well-known/security.txt`)).status).toBe(200);
    });

    it('sends the security headers on a 400 answer to a malformed request', async () => {
      // HTTP/1.1 without a Host header: nginx answers 400 before it picks a location.
      const head = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(server.origin).port), '127.0.0.1');
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
        socket.write(`GET ${site.base} HTTP/1.1\r\nConnection: close\r\n\r\n`);
      });
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(head, name).toContain(`${name}: ${value}\r\n`);
      }
    });
  });
}
