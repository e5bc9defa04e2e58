// The `attest` command as npm ships it: the project packed with `npm pack`, the tarball
// installed into a temporary prefix with production dependencies only, and the CLI run
// from there. Proves the CLI is one JavaScript file that needs neither tsx nor any
// devDependency. Needs the npm registry (or its cache) for keytar, sql.js and pdfmake.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'attest-packed-cli-'));
const prefix = join(work, 'prefix');
const attest = join(prefix, 'bin', 'attest');
const env = { ...process.env, ATTEST_DATA_DIR: join(work, 'data'), ATTEST_PASSPHRASE: 'attest-demo' };

function run(cmd: string, args: string[], cwd = work) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

before(() => {
  run('npm', ['pack', '--pack-destination', work], root);
  const tarball = join(work, `${pkg.name}-${pkg.version}.tgz`);
  // keytar builds its native module in its install script; nothing else runs one.
  run('npm', ['install', '--global', '--prefix', prefix, '--omit=dev', '--allow-scripts=keytar', '--no-audit', '--no-fund', tarball]);
});

test('the installed package holds the one-file CLI and production dependencies only', () => {
  const installed = join(prefix, 'lib/node_modules/attest');
  assert.ok(existsSync(join(installed, 'out/cli/attest.cjs')));
  assert.ok(existsSync(join(installed, 'catalog/platform-baseline.yaml')));
  const modules = readdirSync(join(installed, 'node_modules'));
  for (const dependency of Object.keys(pkg.dependencies)) assert.ok(modules.includes(dependency), `${dependency} installed`);
  for (const dev of ['tsx', 'typescript', 'electron', 'zod', 'react', 'esbuild'])
    assert.ok(!modules.includes(dev), `${dev} is not installed`);
});

test('attest --version, demo and report run from the installed package', () => {
  assert.equal(run(attest, ['--version']).trim(), pkg.version);
  const demo = join(work, 'demo.attest');
  assert.match(run(attest, ['demo', demo]), /Created the demo workspace/);
  const { assessments } = JSON.parse(run(attest, ['assessment', 'list', demo, '--json'])) as {
    assessments: { id: string; name: string }[];
  };
  assert.ok(assessments.length > 0);
  const out = join(work, 'report.pdf');
  run(attest, ['report', demo, '--assessment', assessments[0]!.id, '--out', out]);
  const pdf = readFileSync(out);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 10_000, `a real report (${pdf.length} bytes)`);
});
