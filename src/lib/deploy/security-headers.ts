/**
 * The HTTP headers every response of the site carries: the one source of truth for the nginx
 * configuration (and, later, static-host header files).
 */

/** Content-Security-Policy: the site loads only its own files and runs no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Browsers ignore HSTS over plain http, so it is safe to send from every listener.
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** Hashed build assets never change under the same name: cache them for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Pages change on every rebuild: let caches keep them but check back. */
export const PAGE_CACHE = 'public, max-age=0, must-revalidate';
