// How the built renderer is served, shared by the attest:// protocol and the browser
// test harness so both serve exactly the same files with the same headers. No
// electron import: the harness runs in plain Node.
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicyHeader } from './csp';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The file for a URL path, or null when the path would leave the renderer folder. */
export function rendererFile(root: string, urlPath: string): string | null {
  const base = normalize(root + sep);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = normalize(join(base, decoded === '/' ? 'index.html' : decoded));
  return path.startsWith(base) ? path : null;
}

export function rendererHeaders(path: string): Record<string, string> {
  return {
    'content-type': mimeTypes[extname(path)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicyHeader,
    'x-content-type-options': 'nosniff',
  };
}
