#!/usr/bin/env node
// `npm test`: type check, lint, the Electron security scan, build, every benchmark at a
// tiny scale, then every unit and integration test, then every end-to-end test, each in a
// node:test run inside a private D-Bus session with an unlocked gnome-keyring, so keytar
// talks to a real Secret Service.
// `node test/run.mjs unit|e2e [files…]` runs only that part (still in the keyring session).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [part = 'all', ...only] = process.argv.slice(2);

function step(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...testFiles(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out.sort();
}

if (part === 'all') {
  step('type check (one project per runtime)', 'node', ['test/typecheck.mjs']);
  step('lint (layer rules included)', 'npx', ['eslint', '--max-warnings', '0', '.']);
  step('format (prettier --check)', 'npx', ['prettier', '--check', '.']);
  step('lint: no runtime import cycles', 'npx', ['tsx', 'test/lint-cycles.ts']);
  step('electronegativity', 'node', ['test/security/electronegativity.mjs']);
}
if (part === 'all' || part === 'e2e') {
  step('build', 'npx', ['electron-vite', 'build']);
  step('build the CLI', 'node', ['scripts/bundle-node.mjs', 'cli']);
}
// A broken benchmark fails the build: each runs once at a tiny scale (the figures are manual runs).
if (part === 'all') step('benchmarks at tiny scale', 'node', ['bench/tiny.mjs']);

// Unit files run two at a time (they wait on disk, scrypt and subprocesses as much as on
// the CPU); end-to-end files one at a time, each driving its own Chromium.
const runs = [];
if (only.length) runs.push({ files: only.map((f) => relative(root, join(root, f))), concurrency: 1 });
else {
  if (part !== 'e2e') runs.push({ files: testFiles('test/unit'), concurrency: 2 });
  if (part !== 'unit') runs.push({ files: testFiles('test/e2e'), concurrency: 1 });
}
for (const { files, concurrency } of runs) {
  step(
    `tests (${files.length} files, ${concurrency} at a time)`,
    'bash',
    [
      'test/support/keyring-session.sh',
      'node',
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      ...files,
    ],
    // out/ is fresh: tests that package the app use it as it is (test/support/package-app.ts).
    part === 'all' || part === 'e2e' ? { ATTEST_OUT_BUILT: '1' } : {},
  );
}
