// Serves the built renderer (out/renderer) on 127.0.0.1 with the app's CSP header,
// as the attest:// protocol does in Electron (file:// would block module scripts).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicyHeader } from '../../main/shell/csp';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const rendererDir = join(__dirname, '../../out/renderer');

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveRenderer(root = rendererDir): Promise<StaticServer> {
  const base = normalize(root + sep);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const path = normalize(join(base, pathname === '/' ? 'index.html' : pathname));
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    readFile(path).then(
      (body) => {
        res.writeHead(200, {
          'content-type': types[extname(path)] ?? 'application/octet-stream',
          'content-security-policy': contentSecurityPolicyHeader,
          'x-content-type-options': 'nosniff',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
