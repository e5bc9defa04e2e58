import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './main/shell/csp';
import { bundleNode } from './scripts/bundle-node.mjs';

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

// The report worker is a standalone plain-Node bundle beside out/main/index.js.
const reportWorker: Plugin = { name: 'attest-report-worker', apply: 'build', closeBundle: () => bundleNode('worker') };

// Top-level folders map straight onto the three Electron runtimes.
export default defineConfig({
  main: {
    plugins: [reportWorker],
    build: {
      outDir: 'out/main',
      // Everything bundled except package.json "dependencies" (keytar's native module,
      // sql.js with its wasm, pdfmake with its fonts). The report worker is built
      // by scripts/bundle-node.mjs as a standalone file beside index.js.
      lib: { entry: resolve(__dirname, 'main/index.ts'), formats: ['cjs'] },
      minify: true,
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
