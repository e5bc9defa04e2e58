import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './main/shell/csp';

// renderer/index.html carries the app's CSP in a meta tag (so the browser harness and
// electronegativity see it). The build fails if it drifts from main/shell/csp.ts; the
// dev server drops it because hot reload injects inline scripts.
const cspMeta: Plugin = {
  name: 'attest-csp-meta',
  transformIndexHtml(html, ctx) {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>\n?/;
    const found = meta.exec(html);
    if (ctx.server) return html.replace(meta, '');
    if (found?.[1] !== contentSecurityPolicy) throw new Error('renderer/index.html CSP differs from main/shell/csp.ts');
    return html;
  },
};

// Top-level folders map straight onto the three Electron runtimes.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The report worker is its own entry so it ships as out/main/render.worker.js beside index.js.
      lib: {
        entry: { index: resolve(__dirname, 'main/index.ts'), 'render.worker': resolve(__dirname, 'main/core/report/render.worker.ts') },
        formats: ['cjs'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload may only require('electron'): bundle everything else (zod).
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), cspMeta],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
