// nginx with the shipped configuration: clean URLs, real 404s, caching, gzip, security headers.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxConfig } from '../../src/lib/deploy/nginx';
import { SECURITY_HEADERS } from '../../src/lib/deploy/security-headers';
import { staticHostHeaders } from '../../src/lib/deploy/static-headers';
import { listFiles } from '../helpers/build';
import { serveWithNginx, type RunningServer } from '../../scripts/nginx-server';
import { NTB_PATH, SITES } from './sites';

it('deploy/nginx.conf and public/_headers are what the generator writes (no drift)', () => {
  expect(readFileSync('deploy/nginx.conf', 'utf8')).toBe(
    nginxConfig({ listen: '80', root: '/var/www/nyheter', base: '/' }),
  );
  expect(readFileSync('public/_headers', 'utf8')).toBe(staticHostHeaders('/'));
});

for (const site of Object.values(SITES)) {
  describe(`nginx serving ${site.base}`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await serveWithNginx(site.outDir, site.base);
    });
    afterAll(async () => {
      await server?.stop();
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

    it('compresses HTML and CSS with gzip', async () => {
      // fetch() decompresses transparently; node's http would too. Ask for the raw encoding.
      const response = await fetch(`${server.url}${NTB_PATH}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(response.headers.get('vary')).toContain('Accept-Encoding');
    });
  });
}
