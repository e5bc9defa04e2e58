import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createWorkspace, inspectHeader, LATEST_SCHEMA, openWorkspace, verifyWorkspace } from '../../../main/core/workspace';
import { codeOf, create, fileHash, PASS, setItem, tempDir, TINY_KDF } from './helpers';

test('create, commit, close and reopen keeps every acknowledged change', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path, { name: 'Acme review' });
  assert.equal(ws.info().name, 'Acme review');
  assert.equal(ws.info().schemaVersion, LATEST_SCHEMA);
  for (let i = 0; i < 20; i++) await ws.commit(setItem(`k${i}`, `v${i}`));
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  const rows = again.query<{ key: string; value: string }>('SELECT key, value FROM settings ORDER BY key');
  assert.equal(rows.length, 20);
  assert.equal(rows.find((r) => r.key === 'k7')?.value, 'v7');
  const audit = again.query<{ action: string }>('SELECT action FROM audit_log ORDER BY seq');
  const created = [...Array<string>(LATEST_SCHEMA).fill('schema.migrate'), 'workspace.create'];
  assert.deepEqual(
    audit.slice(0, LATEST_SCHEMA + 1).map((a) => a.action),
    created,
  );
  assert.equal(audit.length, LATEST_SCHEMA + 21);
  await again.close();
  assert.equal(existsSync(`${path}.lock`), false, 'closing releases the lock');
});

test('a rejected change leaves nothing behind, in memory or on disk', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  await ws.commit(setItem('a', '1'));
  const before = ws.info();
  const code = await codeOf(
    ws.commit({
      actor: 'u',
      action: 'two.steps',
      entity: 'x',
      statements: [
        { sql: 'INSERT INTO settings (key, value) VALUES (?, ?)', params: ['b', '2'] },
        { sql: 'INSERT INTO no_such_table VALUES (1)' },
      ],
    }),
  );
  assert.equal(code, 'INVALID_MUTATION');
  assert.equal(ws.query('SELECT * FROM settings WHERE key = ?', ['b']).length, 0);
  assert.equal(ws.info().fileBytes, before.fileBytes);
  assert.equal(ws.info().lastSeq, before.lastSeq);
  assert.equal(await codeOf(ws.commit({ ...setItem('c', '3'), statements: [{ sql: 'DELETE FROM audit_log' }] })), 'INVALID_MUTATION');
  assert.equal(await codeOf(ws.commit({ ...setItem('c', '3'), actor: '' })), 'INVALID_MUTATION');
  for (const sql of ['COMMIT', 'PRAGMA user_version = 9', `ATTACH 'x' AS y`, 'DROP TRIGGER audit_log_no_update']) {
    assert.equal(await codeOf(ws.commit({ ...setItem('c', '3'), statements: [{ sql }] })), 'INVALID_MUTATION', sql);
  }
  assert.throws(() => ws.query('DELETE FROM settings'), { code: 'INVALID_MUTATION' });
  await ws.commit(setItem('d', '4'));
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.deepEqual(
    again.query('SELECT key FROM settings ORDER BY key').map((r) => r.key),
    ['a', 'd'],
  );
  const before2 = fileHash(path);
  assert.equal((await verifyWorkspace(path, { passphrase: PASS })).ok, true, 'verify reads an open file without its lock');
  assert.equal(fileHash(path), before2);
  await again.close();
});

test('user-facing creation refuses a KDF cost below scrypt N=2^17 and never overwrites', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.attest');
  assert.equal(await codeOf(createWorkspace(path, { passphrase: PASS, name: 'x', kdf: TINY_KDF })), 'WEAK_KDF');
  assert.equal(existsSync(path), false);
  writeFileSync(path, 'something precious');
  assert.equal(await codeOf(create(path)), 'WORKSPACE_EXISTS');
  assert.equal(readFileSync(path, 'utf8'), 'something precious');
  assert.equal(await codeOf(create(join(dir, 'b.attest'), { passphrase: '' })), 'PASSPHRASE_EMPTY');
});

test('the default KDF is scrypt N=2^17, r=8, p=1 and is recorded in the header', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await createWorkspace(path, { passphrase: PASS, name: 'x' });
  await ws.close();
  const h = await inspectHeader(path);
  assert.deepEqual(h.kdf, { name: 'scrypt', log2N: 17, r: 8, p: 1 });
  assert.equal(h.formatVersion, 1);
  assert.match(h.workspaceId, /^[0-9a-f]{32}$/);
});

test('a second opener gets WORKSPACE_LOCKED; a lock left by a dead process is recovered', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  assert.equal(await codeOf(openWorkspace(path, { passphrase: PASS })), 'WORKSPACE_LOCKED');
  await ws.close();

  // A real process that exits leaves a pid that no longer exists.
  const child = spawn(process.execPath, ['-e', '0']);
  const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
  writeFileSync(
    `${path}.lock`,
    JSON.stringify({ app: 'attest', pid: deadPid, host: hostname(), processStart: null, since: '2026-01-01T00:00:00Z' }),
  );
  const recovered = await openWorkspace(path, { passphrase: PASS });
  assert.equal(JSON.parse(readFileSync(`${path}.lock`, 'utf8')).pid, process.pid);
  await recovered.close();

  // A lock held by a live process on another host is never taken over.
  writeFileSync(`${path}.lock`, JSON.stringify({ app: 'attest', pid: 1, host: 'elsewhere', processStart: null, since: 'x' }));
  const err = await openWorkspace(path, { passphrase: PASS }).catch((e: Error) => e);
  assert.equal((err as { code?: string }).code, 'WORKSPACE_LOCKED');
  assert.match((err as Error).message, /open in another window or process/);
});

test('changing the passphrase rotates the key and keeps the data and attachments', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  await ws.commit(setItem('a', '1'));
  const blob = await ws.putBlob(Buffer.from('evidence bytes'), { actor: 'u', name: 'e.txt' });
  assert.equal(await codeOf(ws.changePassphrase('not it', 'new pass')), 'WRONG_PASSPHRASE');
  await ws.changePassphrase(PASS, 'new pass');
  await ws.commit(setItem('b', '2'));
  await ws.close();
  assert.equal(await codeOf(openWorkspace(path, { passphrase: PASS })), 'WRONG_PASSPHRASE');
  const again = await openWorkspace(path, { passphrase: 'new pass' });
  assert.equal(again.query('SELECT * FROM settings').length, 2);
  assert.equal((await again.getBlob(blob.id)).toString(), 'evidence bytes');
  await again.close();
  assert.equal(existsSync(`${path}.bak1`), false, 'backups under the old key are removed');
});

test('attachments: put returns a keyed id, get returns the bytes, limits and unknown ids are clear errors', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path, { blobLimitBytes: 3 * 1024 * 1024 });
  const big = Buffer.alloc(2_500_000);
  for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
  const a = await ws.putBlob(big, { actor: 'u', name: 'dump.bin', mediaType: 'application/octet-stream' });
  assert.match(a.id, /^[0-9a-f]{64}$/);
  assert.equal(a.existed, false);
  assert.equal((await ws.putBlob(big, { actor: 'u' })).existed, true);
  assert.ok((await ws.getBlob(a.id)).equals(big));
  assert.equal(await codeOf(ws.putBlob(Buffer.alloc(3 * 1024 * 1024 + 1), { actor: 'u' })), 'BLOB_TOO_LARGE');
  assert.equal(await codeOf(ws.getBlob('00'.repeat(32))), 'BLOB_NOT_FOUND');
  await ws.compact();
  assert.ok((await ws.getBlob(a.id)).equals(big));
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.ok((await again.getBlob(a.id)).equals(big));
  const rows = again.query<{ size: number; name: string }>('SELECT size, name FROM blobs');
  assert.deepEqual(rows, [{ size: big.length, name: 'dump.bin' }]);
  await again.close();
  assert.ok(!readFileSync(path).includes(big.subarray(0, 64)), 'attachment bytes are not stored in clear');
});

test('compaction keeps commits made while it runs and rotates backups', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path, { backups: 3 });
  for (let i = 0; i < 10; i++) await ws.commit(setItem(`a${i}`, 'x'));
  for (let round = 0; round < 5; round++) {
    const compaction = ws.compact();
    const during = [ws.commit(setItem(`r${round}`, 'during')), ws.putBlob(Buffer.from(`blob ${round}`), { actor: 'u' })];
    await Promise.all([compaction, ...during]);
  }
  const expected = ws.query('SELECT key, value FROM settings ORDER BY key');
  const blobs = ws.query<{ id: string }>('SELECT id FROM blobs');
  assert.equal(ws.info().snapshotGeneration, 6);
  await ws.close();
  assert.ok(existsSync(`${path}.bak1`) && existsSync(`${path}.bak3`) && !existsSync(`${path}.bak4`));
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.deepEqual(again.query('SELECT key, value FROM settings ORDER BY key'), expected);
  for (const b of blobs) assert.ok((await again.getBlob(b.id)).toString().startsWith('blob '));
  await again.close();
  // The newest backup is the previous complete file and opens on its own.
  const backup = join(tempDir(t), 'b.attest');
  writeFileSync(backup, readFileSync(`${path}.bak1`));
  const old = await openWorkspace(backup, { passphrase: PASS });
  assert.ok(old.query('SELECT * FROM settings').length >= 10);
  await old.close();
  const report = await verifyWorkspace(path, { passphrase: PASS });
  assert.equal(report.ok, true);
  assert.equal(report.firstBrokenEntry, null);
});

test('bad input: each case has its own code and opening never modifies the file', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.attest');
  const ws = await create(path);
  await ws.commit(setItem('a', '1'));
  await ws.close();
  const good = readFileSync(path);
  const cases: [string, Buffer, string][] = [
    ['wrong passphrase', good, 'WRONG_PASSPHRASE'],
    ['not an attest file', Buffer.from('SQLite format 3\0 and more bytes here'), 'NOT_AN_ATTEST_FILE'],
    ['empty file', Buffer.alloc(0), 'NOT_AN_ATTEST_FILE'],
    ['header cut short', good.subarray(0, 100), 'FILE_TRUNCATED'],
    ['snapshot cut short', good.subarray(0, 300), 'FILE_TRUNCATED'],
    ['flipped header byte', Buffer.concat([good.subarray(0, 50), Buffer.from([good[50]! ^ 1]), good.subarray(51)]), 'FILE_CORRUPT'],
    ['flipped snapshot byte', Buffer.concat([good.subarray(0, 250), Buffer.from([good[250]! ^ 0x80]), good.subarray(251)]), 'FILE_CORRUPT'],
  ];
  for (const [what, bytes, code] of cases) {
    const p = join(dir, `case.attest`);
    writeFileSync(p, bytes);
    const before = fileHash(p);
    const pass = what === 'wrong passphrase' ? 'not the passphrase' : PASS;
    assert.equal(await codeOf(openWorkspace(p, { passphrase: pass })), code, what);
    if (code !== 'NOT_AN_ATTEST_FILE') assert.equal(await codeOf(verifyWorkspace(p, { passphrase: pass })), code, `verify: ${what}`);
    assert.equal(fileHash(p), before, `${what}: file unchanged`);
    assert.equal(existsSync(`${p}.lock`), false, `${what}: no lock left behind`);
  }
  assert.equal(await codeOf(openWorkspace(join(dir, 'missing.attest'), { passphrase: PASS })), 'WORKSPACE_NOT_FOUND');
});

test('lock() wipes the key and closes; every later call asks to open again', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  await ws.lock();
  assert.equal(ws.isOpen, false);
  assert.throws(() => ws.query('SELECT 1'), { code: 'WORKSPACE_CLOSED' });
  assert.equal(await codeOf(ws.commit(setItem('a', '1'))), 'WORKSPACE_CLOSED');
  assert.equal(existsSync(`${path}.lock`), false);
});
