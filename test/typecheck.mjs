#!/usr/bin/env node
// Type-checks each runtime's project on its own (tsconfig.<runtime>.json), so renderer
// code never sees Node's globals and core code never sees the browser's.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
let failed = false;
for (const project of ['node', 'web', 'preload', 'test']) {
  const r = spawnSync('npx', ['tsc', '-p', `tsconfig.${project}.json`], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✖ type check of tsconfig.${project}.json failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
