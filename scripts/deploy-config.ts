/**
 * Writes the committed deploy files from src/lib/deploy/ (one source of truth for headers):
 *   npm run deploy:config     → deploy/nginx.conf, deploy/nginx-brotli.conf and public/_headers
 * A test fails when the committed files differ from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { nginxConfig } from '../src/lib/deploy/nginx.ts';
import { staticHostHeaders } from '../src/lib/deploy/static-headers.ts';

const NGINX_DEFAULTS = { listen: '80', root: '/var/www/nyheter', base: '/' };

writeFileSync('deploy/nginx.conf', nginxConfig(NGINX_DEFAULTS));
writeFileSync('deploy/nginx-brotli.conf', nginxConfig({ ...NGINX_DEFAULTS, brotli: true }));
writeFileSync('public/_headers', staticHostHeaders('/'));
console.log('Wrote deploy/nginx.conf, deploy/nginx-brotli.conf and public/_headers.');
