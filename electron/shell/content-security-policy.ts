/**
 * The app's Content-Security-Policy: only its own scripts and styles, no inline or eval script, no
 * remote content. Fluent UI injects its styles at run time, so style-src needs 'unsafe-inline';
 * script-src never does. Sent as a header by both hosts and kept in index.html as a meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');
