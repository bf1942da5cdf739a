// The header policy we promise, written out here and not read from src/lib/deploy/: the server
// tests compare nginx and _headers with that module, so a weakened module would pass them.
import { describe, expect, it } from 'vitest';
import { nginxConfig } from '../../src/lib/deploy/nginx';
import { IMMUTABLE_CACHE, PAGE_CACHE, SECURITY_HEADERS } from '../../src/lib/deploy/security-headers';
import { staticHostHeaders } from '../../src/lib/deploy/static-headers';

const PROMISED = {
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

describe('the security header policy', () => {
  it('is exactly the promised set of headers and values', () => {
    expect(SECURITY_HEADERS).toEqual(PROMISED);
  });

  it('caches hashed assets for a year and makes caches revalidate pages', () => {
    expect(IMMUTABLE_CACHE).toBe('public, max-age=31536000, immutable');
    expect(PAGE_CACHE).toBe('public, max-age=0, must-revalidate');
  });

  it('reaches every nginx location and the server level (for 400 answers)', () => {
    const conf = nginxConfig({ listen: '80', root: '/srv/www', base: '/' });
    const blocks = conf.split(/\n\s*location /).length; // the server level plus each location
    for (const [name, value] of Object.entries(PROMISED)) {
      expect(conf.split(`add_header ${name} "${value}" always;`).length - 1, name).toBe(blocks);
    }
  });

  it('is in the _headers file for every path', () => {
    const file = staticHostHeaders('/');
    for (const [name, value] of Object.entries(PROMISED)) expect(file).toContain(`\n  ${name}: ${value}\n`);
  });
});
