/**
 * Prints the production nginx configuration for the site.
 *   npm run nginx:conf -- [--listen 80] [--root /var/www/nyheter] [--base /nyheter/]
 * Without arguments it prints deploy/nginx.conf as committed (a test checks they match).
 */
import { parseArgs } from 'node:util';
import { nginxConfig } from '../src/lib/deploy/nginx.ts';

const { values } = parseArgs({
  options: {
    listen: { type: 'string', default: '80' },
    root: { type: 'string', default: '/var/www/nyheter' },
    base: { type: 'string', default: process.env.BASE_PATH || '/' },
  },
});

process.stdout.write(nginxConfig({ listen: values.listen, root: values.root, base: values.base }));
