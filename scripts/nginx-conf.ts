/**
 * Prints the production nginx configuration for the site.
 *   npm run nginx:conf -- [--listen 80] [--root /var/www/nyheter] [--base /nyheter/]
 * Without arguments it prints deploy/nginx.conf as committed (a test checks they match).
 */
import { parseArgs } from 'node:util';
import { nginxConfig } from '../src/lib/deploy/nginx.ts';

const USAGE = `Usage: npm run nginx:conf -- [--listen 80] [--root /var/www/nyheter] [--base /nyheter/]

Prints an nginx.conf that serves the built site (dist/ copied to <root><base>).
  --listen  the listen value: a port, or address:port (default 80)
  --root    the web root (default /var/www/nyheter)
  --base    the deploy base, as BASE_PATH (default: BASE_PATH, or /)
`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      listen: { type: 'string', default: '80' },
      root: { type: 'string', default: '/var/www/nyheter' },
      base: { type: 'string', default: process.env.BASE_PATH || '/' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  process.stdout.write(USAGE);
} else {
  process.stdout.write(nginxConfig({ listen: values.listen, root: values.root, base: values.base }));
}
