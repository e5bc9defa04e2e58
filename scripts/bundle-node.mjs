// Builds the two plain-Node bundles that electron-vite does not: the report worker
// (out/main/render.worker.js, beside the main bundle that starts it) and the `attest`
// CLI (out/cli/attest.cjs, one file). Like the main bundle, they inline every
// devDependency and leave package.json "dependencies" (keytar, sql.js, pdfmake) to
// node_modules, where their native module, wasm and fonts live.
// `node scripts/bundle-node.mjs [worker|cli]` builds one of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  external: ['electron', ...Object.keys(pkg.dependencies)],
  // The sources are ES modules that read import.meta.url; in CommonJS it is this file.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

const targets = {
  worker: { entryPoints: [join(root, 'main/core/report/render.worker.ts')], outfile: join(root, 'out/main/render.worker.js') },
  cli: {
    entryPoints: [join(root, 'main/cli/entry.ts')],
    outfile: join(root, 'out/cli/attest.cjs'),
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  },
};

/** Builds one bundle, or both. electron-vite runs the worker's after the main bundle. */
export async function bundleNode(only) {
  for (const [name, options] of Object.entries(targets)) {
    if (!only || only === name) await build({ ...common, ...options });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleNode(process.argv[2]);
