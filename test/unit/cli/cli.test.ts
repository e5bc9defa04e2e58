import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, cliProcess } from '../../support/cli';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));

test('the checkout bin prints the version and help (real process)', async () => {
  // The npm package ships the built one-file CLI (test/e2e/packed-cli.test.ts runs it).
  assert.equal(pkg.bin.attest, 'out/cli/attest.cjs');
  const version = await cliProcess(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), pkg.version);
  const help = await cliProcess(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: attest <command>/);
  assert.match(help.stdout, /channels/);
  assert.equal(help.stderr, '');
});

test('--json output is machine-readable', async () => {
  const r = await cli(['channels', '--json']);
  assert.equal(r.code, 0);
  const list = JSON.parse(r.stdout) as { name: string }[];
  assert.ok(list.some((c) => c.name === 'app.info'));
  assert.deepEqual(JSON.parse((await cli(['--version', '--json'])).stdout), { version: pkg.version });
});

test('errors are one line on stderr with a non-zero exit code, no stack unless --debug', async () => {
  const unknown = await cli(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stdout, '');
  assert.equal(unknown.stderr.trim().split('\n').length, 1);
  assert.match(unknown.stderr, /^attest: Unknown command "frobnicate"/);

  const badOption = await cliProcess(['channels', '--no-such-option']);
  assert.equal(badOption.code, 2);
  assert.equal(badOption.stderr.trim().split('\n').length, 1);
  assert.doesNotMatch(badOption.stderr, /\n\s+at /);

  const debug = await cli(['frobnicate', '--debug']);
  assert.equal(debug.code, 2);
  assert.match(debug.stderr, /\n\s+at /, '--debug adds the stack');
});

test('command help', async () => {
  const r = await cli(['channels', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: attest channels/);
});
