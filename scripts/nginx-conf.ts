/**
 * Prints the production nginx configuration for the site.
 *   npm run nginx:conf -- [--listen 80] [--root /var/www/nyheter] [--base /nyheter/] [--brotli|--no-brotli]
 *     [--no-dictionary]
 * Brotli twins are served when this machine has nginx's brotli_static module (Debian's
 * libnginx-mod-http-brotli-static), unless told otherwise. With --no-brotli and no other
 * arguments it prints deploy/nginx.conf as committed (a test checks they match).
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { BROTLI_STATIC_MODULE, nginxConfig } from '../src/lib/deploy/nginx.ts';

const USAGE = `Usage: npm run nginx:conf -- [--listen 80] [--root /var/www/nyheter] [--base /nyheter/] [--brotli|--no-brotli] [--no-dictionary]

Prints an nginx.conf that serves the built site (dist/ copied to <root><base>).
  --listen     the listen value: a port, or address:port (default 80)
  --root       the web root (default /var/www/nyheter)
  --base       the deploy base, as BASE_PATH (default: BASE_PATH, or /)
  --brotli     serve the build's .br files (needs libnginx-mod-http-brotli-static)
  --no-brotli  gzip only (default when ${BROTLI_STATIC_MODULE} is missing)
  --no-dictionary
               never send pages compressed against the dictionary (dcb): for a build with
               DICTIONARY=0, or behind a cache or CDN that does not vary on Available-Dictionary
`;

let values;
try {
  ({ values } = parseArgs({
    allowNegative: true,
    options: {
      listen: { type: 'string', default: '80' },
      root: { type: 'string', default: '/var/www/nyheter' },
      base: { type: 'string', default: process.env.BASE_PATH || '/' },
      brotli: { type: 'boolean', default: existsSync(BROTLI_STATIC_MODULE) },
      dictionary: { type: 'boolean', default: true },
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
  process.stdout.write(
    nginxConfig({
      listen: values.listen,
      root: values.root,
      base: values.base,
      brotli: values.brotli,
      dictionary: values.dictionary,
    }),
  );
}
