// Serves the built renderer (out/renderer) on 127.0.0.1 exactly as the attest://
// protocol does in Electron (same files, same CSP); file:// would block module scripts.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { rendererFile, rendererHeaders } from '../../main/shell/renderer-files';

export const rendererDir = join(__dirname, '../../out/renderer');

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveRenderer(root = rendererDir): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = rendererFile(root, new URL(req.url ?? '/', 'http://x').pathname);
    if (!path) {
      res.writeHead(404).end();
      return;
    }
    readFile(path).then(
      (body) => res.writeHead(200, rendererHeaders(path)).end(body),
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
