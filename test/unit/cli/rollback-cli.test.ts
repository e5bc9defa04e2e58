// The CLI and rollback: an older file is refused with exit 26 by every command that opens
// a workspace, `verify` reports it, and --accept-older opens it as it is. Read commands
// (info, verify, every list and show) leave any file byte-identical: an old schema, a
// torn tail, a tampered or a rolled-back file.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exitCodes } from '../../../main/cli/exit-codes';
import { createWorkspace, deviceMemory } from '../../../main/core/workspace';
import { cli, cliProcess } from '../../support/cli';
import { tempDir } from '../../support/core';

const PASS = 'rollback cli passphrase';
const TINY = { name: 'scrypt', log2N: 10, r: 8, p: 1 } as const;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const fixture = (v: number) => join(__dirname, '..', 'workspace', 'fixtures', `schema-v${v}.attest`);
const setting = (key: string) => ({
  actor: 'tester',
  action: 'setting.set',
  entity: `setting:${key}`,
  statements: [{ sql: 'INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)', params: [key, 'x'] }],
});

/** A workspace this CLI's device (dataDir) saw at 5 commits, and a copy of it at 2. */
async function rolledBackFile(dir: string, dataDir: string) {
  const path = join(dir, 'client.attest');
  const ws = await createWorkspace(path, {
    passphrase: PASS,
    name: 'Client',
    kdf: TINY,
    allowWeakKdf: true,
    memory: deviceMemory(dataDir),
  });
  await ws.commit(setting('a'));
  await ws.commit(setting('b'));
  const old = join(dir, 'old.attest');
  copyFileSync(path, old);
  for (const k of ['c', 'd', 'e']) await ws.commit(setting(k));
  await ws.close();
  copyFileSync(old, path);
  return path;
}

test('an older file: exit 26 with the missing count for open-type commands and verify; --accept-older opens it and writes nothing', async () => {
  const dir = tempDir('attest-rollback-cli-');
  const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: PASS };
  const path = await rolledBackFile(dir, env.ATTEST_DATA_DIR);
  const before = sha(path);
  assert.equal(exitCodes.WORKSPACE_ROLLED_BACK, 26);

  // Through the shipped entry point once: its own exit code, one line.
  const shipped = await cliProcess(['info', path], env);
  assert.equal(shipped.code, 26, shipped.stderr);
  assert.match(shipped.stderr, /^attest: This workspace may have been rolled back: .*3 commits are missing.*--accept-older/);
  assert.equal(shipped.stderr.trim().split('\n').length, 1);

  for (const args of [
    ['vendor', 'list', path],
    ['assessment', 'list', path],
    ['call', path, 'audit.list'],
  ]) {
    const r = await cli(args, env);
    assert.equal(r.code, 26, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /3 commits are missing/);
  }
  const verify = await cli(['verify', path], env);
  assert.equal(verify.code, 26, verify.stderr);
  assert.match(verify.stdout, /^FAILED: the file is older than this device last saw/);
  assert.match(verify.stdout, /3 commits are missing/);
  const report = JSON.parse((await cli(['verify', path, '--json'], env)).stdout);
  assert.equal(report.rollback.missingCommits, 3);
  assert.equal(sha(path), before, 'refusing wrote nothing');

  const accepted = await cli(['info', path, '--accept-older', '--json'], env);
  assert.equal(accepted.code, 0, accepted.stderr);
  assert.equal(JSON.parse(accepted.stdout).contents.name, 'Client');
  assert.equal(sha(path), before, 'accepting wrote nothing to the file');
  const after = await cli(['verify', path], env);
  assert.equal(after.code, 0, `the accepted state is now the one this device knows: ${after.stdout}`);
});

test('read commands leave every file byte-identical, even the ones that open; the first real change backs up first', async () => {
  const dir = tempDir('attest-read-cli-');
  const dataDir = join(dir, 'data');
  const files: { name: string; path: string; pass: string; opens: boolean }[] = [];
  const add = (name: string, from: string, pass: string, opens: boolean, change?: (b: Buffer) => Buffer) => {
    const path = join(dir, `${name}.attest`);
    writeFileSync(path, change ? change(readFileSync(from)) : readFileSync(from));
    files.push({ name, path, pass, opens });
  };
  add('schema-1', fixture(1), 'fixture', true);
  add('schema-3', fixture(3), 'fixture', true);
  add('torn-tail', fixture(4), 'fixture', true, (b) => Buffer.concat([b, b.subarray(176, 176 + 45)])); // half a record after the last
  add('tampered', fixture(4), 'fixture', false, (b) => {
    b[b.length - 20]! ^= 0x01;
    return b;
  });
  add('truncated', fixture(4), 'fixture', false, (b) => b.subarray(0, 400));
  add('rolled-back', await rolledBackFile(dir, dataDir), PASS, false);

  const reads: ((path: string) => string[])[] = [
    (p) => ['info', p],
    (p) => ['verify', p],
    (p) => ['catalog', 'list', p],
    (p) => ['catalog', 'show', p, 'platform-baseline'],
    (p) => ['assessment', 'list', p],
    (p) => ['vendor', 'list', p],
    (p) => ['template', 'list', p],
    (p) => ['template', 'show', p, 'vendor-security-baseline'],
    (p) => ['credential', 'list', p],
  ];
  for (const f of files) {
    const before = sha(f.path);
    const env = { ATTEST_DATA_DIR: dataDir, ATTEST_PASSPHRASE: f.pass };
    for (const args of reads.map((r) => r(f.path))) {
      const r = await cli(args, env);
      const what = `${f.name}: ${args.slice(0, 2).join(' ')}`;
      if (f.opens)
        assert.equal(r.code, args[0] === 'verify' && f.name === 'torn-tail' ? exitCodes.AUDIT_CHAIN_BROKEN : 0, `${what}: ${r.stderr}`);
      else assert.notEqual(r.code, 0, what);
      assert.equal(sha(f.path), before, `${what} left the file byte-identical`);
    }
    assert.equal(existsSync(`${f.path}.bak1`), false, `${f.name}: no backup was made by reading`);
    assert.equal(existsSync(`${f.path}.lock`), false, `${f.name}: no lock is left`);
  }

  // The first real change on an old-schema file: the file as it was is kept as .bak1.
  const old = files[0]!;
  const original = sha(old.path);
  const change = await cli(
    ['vendor', 'add', old.path, '--name', 'Acme', '--owner', 'Ops', '--criticality', 'high', '--data-types', 'personal'],
    {
      ATTEST_DATA_DIR: dataDir,
      ATTEST_PASSPHRASE: old.pass,
    },
  );
  assert.equal(change.code, 0, change.stderr);
  assert.equal(sha(`${old.path}.bak1`), original);
  assert.notEqual(sha(old.path), original);
  assert.equal((await cli(['verify', old.path], { ATTEST_DATA_DIR: dataDir, ATTEST_PASSPHRASE: old.pass })).code, 0);
});

test('info names a discarded unfinished save', async () => {
  const dir = tempDir('attest-torn-cli-');
  const path = join(dir, 'torn.attest');
  const b = readFileSync(fixture(4));
  writeFileSync(path, Buffer.concat([b, b.subarray(176, 176 + 45)]));
  const r = await cli(['info', path], { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: 'fixture' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Unfinished save:\s+an unfinished save of .*: 45 of its \d+ bytes were written; never acknowledged/);
});
