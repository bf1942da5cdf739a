/**
 * The HTTP headers every response of the site carries: the one source of truth for the nginx
 * configuration (and, later, static-host header files).
 */

/**
 * The header part of the Content-Security-Policy: the directives a <meta> CSP cannot carry
 * (frame-ancestors) and the ones that need no per-page hashes. script-src and style-src come
 * from Astro's hash-based <meta> CSP on every page (astro.config.mjs, security.csp); both
 * policies apply.
 */
export const CONTENT_SECURITY_POLICY = [
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Browsers ignore HSTS over plain http, so it is safe to send from every listener.
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** Hashed build assets never change under the same name: cache them for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Pages change on every rebuild: let caches keep them but check back. */
export const PAGE_CACHE = 'public, max-age=0, must-revalidate';
/**
 * The compression dictionary (dictionaryPath()) keeps one address, and a browser uses it only
 * while its copy is fresh: a day. A browser whose copy is older than the site's gets brotli.
 */
export const DICTIONARY_CACHE = 'public, max-age=86400';
