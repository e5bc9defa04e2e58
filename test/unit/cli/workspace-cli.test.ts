// The workspace commands through the real `attest` bin: each bad input gets its own
// message and exit code, and the file is never modified by a failed command.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { tempDir } from '../../support/core';
import { cliProcess } from '../../support/cli';

const dir = tempDir('attest-cli-');
const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: '' };
const passFile = join(dir, 'pass.txt');
const newPassFile = join(dir, 'new-pass.txt');
const wrongFile = join(dir, 'wrong.txt');
const ws = join(dir, 'client.attest');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

before(async () => {
  writeFileSync(passFile, 'first passphrase\n');
  writeFileSync(newPassFile, 'second passphrase\n');
  writeFileSync(wrongFile, 'not it\n');
  const r = await cliProcess(['new', ws, '--name', 'Client review', '--passphrase-file', passFile, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).name, 'Client review');
});

test('new refuses to overwrite an existing file (exit 5)', async () => {
  const before = sha(ws);
  const r = await cliProcess(['new', ws, '--passphrase-file', passFile], env);
  assert.equal(r.code, 5);
  assert.match(r.stderr, /^attest: A file already exists/);
  assert.equal(sha(ws), before);
});

test('info shows the header without a passphrase and the contents with one', async () => {
  const header = await cliProcess(['info', ws, '--json'], env);
  assert.equal(header.code, 0, header.stderr);
  const h = JSON.parse(header.stdout);
  assert.equal(h.formatVersion, 1);
  assert.deepEqual(h.kdf, { name: 'scrypt', log2N: 17, r: 8, p: 1 });
  assert.equal(h.contents, null);
  const full = await cliProcess(['info', ws, '--passphrase-file', passFile, '--json'], env);
  assert.equal(JSON.parse(full.stdout).contents.name, 'Client review');
});

test('verify: OK with the passphrase; a missing passphrase without a terminal is a clear error', async () => {
  const ok = await cliProcess(['verify', ws, '--passphrase-file', passFile], env);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^OK: \d+ commits/);
  const none = await cliProcess(['passwd', ws], env);
  assert.equal(none.code, 16);
  assert.match(none.stderr, /passphrase is needed/i);
});

test('each bad input has its own message and exit code, and the file is never modified', async () => {
  const cases: { name: string; make: (path: string) => void; pass?: string; code: number; message: RegExp }[] = [
    { name: 'wrong passphrase', make: () => {}, pass: wrongFile, code: 3, message: /passphrase is wrong/ },
    {
      name: 'not an Attest file',
      make: (p) => writeFileSync(p, 'hello, this is a text file\n'),
      code: 10,
      message: /not an Attest workspace/,
    },
    {
      name: 'truncated',
      make: (p) => writeFileSync(p, readFileSync(p).subarray(0, 100)),
      code: 12,
      message: /incomplete/,
    },
    {
      name: 'flipped byte in the encrypted data',
      make: (p) => {
        const b = readFileSync(p);
        b[b.length >> 1]! ^= 0x40;
        writeFileSync(p, b);
      },
      code: 11,
      message: /damaged or was modified/,
    },
    {
      name: 'newer format',
      make: (p) => {
        const b = readFileSync(p);
        b.writeUInt16BE(99, 8);
        b.writeUInt16BE(176, 10);
        createHash('sha256').update(b.subarray(0, 144)).digest().copy(b, 144);
        writeFileSync(p, b);
      },
      code: 13,
      message: /newer version of Attest/,
    },
    { name: 'missing file', make: () => {}, code: 4, message: /No workspace file exists/ },
  ];
  for (const c of cases) {
    const path = join(dir, `${c.name.replace(/\W+/g, '-')}.attest`);
    if (c.name !== 'missing file') {
      copyFileSync(ws, path);
      c.make(path);
    }
    const before = c.name === 'missing file' ? '' : sha(path);
    for (const command of ['verify', 'info']) {
      const args =
        command === 'info'
          ? ['info', path, '--passphrase-file', c.pass ?? passFile]
          : ['verify', path, '--passphrase-file', c.pass ?? passFile];
      const r = await cliProcess(args, env);
      assert.equal(r.code, c.code, `${c.name} (${command}): ${r.stderr}`);
      assert.match(r.stderr, c.message, `${c.name} (${command})`);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    }
    if (before) assert.equal(sha(path), before, `${c.name}: the file was not modified`);
  }
});

test('call invokes any channel and prints JSON; bad channel or JSON are usage errors', async () => {
  const audit = await cliProcess(['call', ws, 'audit.list', '{"limit":2}', '--passphrase-file', passFile], env);
  assert.equal(audit.code, 0, audit.stderr);
  const value = JSON.parse(audit.stdout);
  assert.ok(value.total >= 1);
  assert.ok(value.entries.length <= 2);
  assert.equal((await cliProcess(['call', ws, 'no.such', '--passphrase-file', passFile], env)).code, 2);
  assert.equal((await cliProcess(['call', ws, 'audit.list', '{not json', '--passphrase-file', passFile], env)).code, 2);
  const invalid = await cliProcess(['call', ws, 'audit.list', '{"limit":-1}', '--passphrase-file', passFile], env);
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /Invalid request for audit\.list/);
});

test('passwd changes the passphrase; the old one then fails', async () => {
  const copy = join(dir, 'passwd.attest');
  copyFileSync(ws, copy);
  const r = await cliProcess(['passwd', copy, '--passphrase-file', passFile, '--new-passphrase-file', newPassFile], env);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await cliProcess(['verify', copy, '--passphrase-file', passFile], env)).code, 3);
  assert.equal((await cliProcess(['verify', copy, '--passphrase-file', newPassFile], env)).code, 0);
});

test('demo creates a workspace with sample data, and --if-missing leaves it alone', async () => {
  const demo = join(dir, 'demo.attest');
  const r = await cliProcess(['demo', demo, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).seeded.length >= 1);
  const before = sha(demo);
  const again = await cliProcess(['demo', demo, '--if-missing'], env);
  assert.equal(again.code, 0);
  assert.equal(sha(demo), before);
  const demoPass = join(dir, 'demo-pass.txt');
  writeFileSync(demoPass, 'attest-demo');
  const settings = await cliProcess(['call', demo, 'audit.list', '--passphrase-file', demoPass], env);
  const actions = JSON.parse(settings.stdout).entries.map((e: { action: string }) => e.action);
  assert.ok(actions.includes('settings.update') && actions.includes('evidence.link'), actions.join(','));
});
