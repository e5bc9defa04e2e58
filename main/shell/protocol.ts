// Serves the built renderer from attest://app/ instead of file://, so pages get a real
// origin, the CSP header applies, and nothing outside out/renderer can be read.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appHost, appScheme } from './origin';
import { rendererFile, rendererHeaders } from './renderer-files';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererRoot: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const path = url.host === appHost && request.method === 'GET' ? rendererFile(rendererRoot, url.pathname) : null;
    if (!path) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(path), { headers: rendererHeaders(path) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
