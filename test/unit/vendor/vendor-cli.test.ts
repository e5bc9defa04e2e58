// `attest vendor list|add`: what they print, --json, filters, and one line with its own
// exit code for each bad input, with nothing written.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { exitCodes } from '../../../main/cli/exit-codes';
import { cli, cliProcess } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { call, chosen } from '../../support/dispatch';

const dir = tempDir('attest-vendor-cli-');
const ws = join(dir, 'programme.attest');
const PASS = 'vendor cli passphrase';
const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: PASS };
const run = (args: string[]) => cli(args, env);

function assertOneLineError(r: { code: number; stderr: string }, code: number, message: RegExp, what: string) {
  assert.equal(r.code, code, `${what}: ${r.stderr}`);
  assert.match(r.stderr, message, what);
  assert.equal(r.stderr.trim().split('\n').length, 1, `${what}: one line`);
  assert.match(r.stderr, /^attest: /, what);
}

before(async () => {
  const core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, ws, 'save:workspace'),
    name: 'Vendor CLI',
    passphrase: PASS,
    remember: false,
  });
  await core.close();
});

test('vendor add prints the tier and why; vendor list shows it, with --tier and --due filters and --json', async () => {
  const added = await run([
    'vendor',
    'add',
    ws,
    '--name',
    'Skyline Hosting',
    '--services',
    'Cloud hosting',
    '--owner',
    'Priya Shah',
    '--criticality',
    'critical',
    '--data-types',
    'production-access,personal',
  ]);
  assert.equal(added.code, 0, added.stderr);
  assert.match(
    added.stdout,
    /^Added vendor vnd_[0-9a-f]+: "Skyline Hosting", tier 1 \(because: criticality critical; has access to production\)\./,
  );
  assert.match(added.stdout, /every 12 months at tier 1/);

  const json = await run([
    'vendor',
    'add',
    ws,
    '--name',
    'Stock Photos Ltd',
    '--owner',
    'Marketing',
    '--criticality',
    'low',
    '--data-types',
    'none',
    '--json',
  ]);
  assert.equal(json.code, 0, json.stderr);
  const v = JSON.parse(json.stdout);
  assert.equal(v.tier, 3);
  assert.deepEqual(v.dataTypes, ['none']);

  const list = await run(['vendor', 'list', ws]);
  assert.equal(list.code, 0, list.stderr);
  const lines = list.stdout.trim().split('\n');
  assert.match(lines[0]!, /^ID\s+NAME\s+TIER\s+CRITICALITY\s+SCORE\s+NEXT REVIEW\s+STATE\s+CERT WARNINGS$/);
  assert.equal(lines.length, 3);
  assert.ok(lines[1]!.includes('Skyline Hosting') && /\s1\s+critical\s+—\s/.test(lines[1]!), lines[1]);

  const tier3 = JSON.parse((await run(['vendor', 'list', ws, '--tier', '3', '--json'])).stdout);
  assert.deepEqual(
    tier3.vendors.map((x: { name: string }) => x.name),
    ['Stock Photos Ltd'],
  );
  // Never reviewed: both are due from the day they were registered.
  const due = JSON.parse((await run(['vendor', 'list', ws, '--due', '--json'])).stdout);
  assert.equal(due.vendors.length, 2);
});

test('each bad input is one line with its own exit code, and nothing is added', async () => {
  const count = async () => JSON.parse((await run(['vendor', 'list', ws, '--json'])).stdout).vendors.length as number;
  const before = await count();
  const base = ['vendor', 'add', ws, '--name', 'Mailer', '--owner', 'Ops', '--criticality', 'medium', '--data-types', 'personal'];
  assertOneLineError(
    await run(['vendor', 'add', ws, '--owner', 'Ops', '--criticality', 'low', '--data-types', 'none']),
    2,
    /Missing --name/,
    'no name',
  );
  assertOneLineError(
    await run([...base.slice(0, 8), 'urgent', '--data-types', 'personal']),
    2,
    /--criticality "urgent" is not one of low, medium, high, critical/,
    'bad criticality',
  );
  assertOneLineError(await run([...base.slice(0, 10), 'personal,dna']), 2, /not known: dna/, 'bad data type');
  assertOneLineError(
    await run([...base.slice(0, 10), 'none,personal']),
    exitCodes.DATA_TYPES_CONFLICT!,
    /"None" cannot be combined/,
    'none mixed',
  );
  assertOneLineError(
    await run(['vendor', 'add', ws, '--name', 'skyline hosting', '--owner', 'Ops', '--criticality', 'low', '--data-types', 'none']),
    exitCodes.VENDOR_EXISTS!,
    /already in the registry/,
    'duplicate',
  );
  assertOneLineError(await run(['vendor', 'list', ws, '--tier', '4']), 2, /--tier "4" is not a tier/, 'bad tier');
  assertOneLineError(await run(['vendor', 'list', join(dir, 'missing.attest')]), exitCodes.WORKSPACE_NOT_FOUND!, /./, 'no such workspace');
  assert.equal(await count(), before);
  assert.notEqual(exitCodes.DATA_TYPES_CONFLICT, exitCodes.VENDOR_EXISTS);
});

test('the shipped bin runs vendor list with --json', async () => {
  const r = await cliProcess(['vendor', 'list', ws, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).vendors.length >= 2);
  const bad = await cliProcess(
    ['vendor', 'add', ws, '--name', 'X', '--owner', 'Y', '--criticality', 'low', '--data-types', 'none,personal'],
    env,
  );
  assertOneLineError(bad, exitCodes.DATA_TYPES_CONFLICT!, /"None" cannot be combined/, 'bin error');
});
