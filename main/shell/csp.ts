// The Content-Security-Policy of every app page. The protocol handler sends it as a
// header and the renderer build writes it into index.html, so the browser harness
// enforces the same policy as the app. No electron import: the build config reads it.
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');

/** Header-only directives (a <meta> CSP ignores frame-ancestors). */
export const contentSecurityPolicyHeader = `${contentSecurityPolicy}; frame-ancestors 'none'`;
