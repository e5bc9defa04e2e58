// Opening a workspace writes nothing to it: migrations and setup commits live in memory
// until the first real change, which first keeps the file as it was in <file>.bak1.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LATEST_SCHEMA, openWorkspace, verifyWorkspace } from '../../../main/core/workspace';
import { codeOf, create, fileHash, PASS, setItem, tempDir } from './helpers';

const fixture = (v: number) => join(__dirname, 'fixtures', `schema-v${v}.attest`);
const open = (path: string, passphrase = PASS, extra = {}) => openWorkspace(path, { passphrase }, { ...extra });

test('an old-schema file opens migrated in memory and stays byte-identical until the first change, which backs it up first', async (t) => {
  const path = join(tempDir(t), 'old.attest');
  copyFileSync(fixture(2), path);
  const original = fileHash(path);

  const ws = await open(path, 'fixture');
  assert.equal(ws.info().schemaVersion, LATEST_SCHEMA, 'reads see the migrated schema');
  assert.equal(ws.query('SELECT * FROM findings').length, 0, 'a table of the newest schema is readable');
  await ws.close();
  assert.equal(fileHash(path), original, 'opening and reading changed nothing');
  assert.equal(existsSync(`${path}.bak1`), false, 'and made no backup');

  const again = await open(path, 'fixture');
  const { seq } = await again.commit(setItem('first', 'change'));
  await again.close();
  assert.equal(fileHash(`${path}.bak1`), original, 'the first change kept the file as it was');
  assert.notEqual(fileHash(path), original);

  const after = await open(path, 'fixture');
  const audit = after.query<{ seq: number; action: string }>('SELECT seq, action FROM audit_log ORDER BY seq');
  assert.equal(audit.filter((a) => a.action === 'schema.migrate').length, LATEST_SCHEMA, "the fixture's migrations, then the new ones");
  assert.equal(audit.at(-1)!.seq, seq);
  assert.equal(audit.at(-2)!.action, 'schema.migrate', 'the migrations were written just before the change');
  await after.close();
  assert.equal((await verifyWorkspace(path, { passphrase: 'fixture' })).ok, true);
});

test('setup commits are held in memory: closing drops them, a real change writes them first, in order', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  await ws.close();
  const before = fileHash(path);

  const one = await open(path);
  await one.setup(() => one.commit(setItem('builtin', 'installed')));
  assert.equal(one.query('SELECT value FROM settings WHERE key = ?', ['builtin']).length, 1, 'visible to reads at once');
  await one.close();
  assert.equal(fileHash(path), before, 'a setup commit alone never reaches the file');

  const two = await open(path);
  assert.equal(two.query('SELECT 1 FROM settings WHERE key = ?', ['builtin']).length, 0);
  await two.setup(() => two.commit(setItem('builtin', 'installed')));
  await two.commit(setItem('user', 'change'));
  await two.close();
  assert.equal(fileHash(`${path}.bak1`), before);

  const three = await open(path);
  const actions = three.query<{ entity: string }>('SELECT entity FROM audit_log ORDER BY seq').map((r) => r.entity);
  assert.deepEqual(actions.slice(-2), ['setting:builtin', 'setting:user']);
  await three.close();
});

test('a torn tail is left in place by opening and cut off (after a backup) by the first change', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  await ws.commit(setItem('a', '1'));
  await ws.commit(setItem('b', '2'));
  await ws.close();
  const whole = readFileSync(path);
  writeFileSync(path, whole.subarray(0, whole.length - 7)); // the last commit, unfinished
  const torn = fileHash(path);

  const r = await open(path);
  assert.ok(r.info().recoveredTornTailBytes > 0);
  assert.equal(r.query('SELECT 1 FROM settings WHERE key = ?', ['b']).length, 0);
  await r.close();
  assert.equal(fileHash(path), torn, 'opening a file with a torn tail does not cut it');
  const report = await verifyWorkspace(path, { passphrase: PASS });
  assert.equal(fileHash(path), torn, 'neither does verifying it');
  assert.ok(report.tornTailBytes > 0);

  const w = await open(path);
  await w.commit(setItem('c', '3'));
  await w.close();
  assert.equal(fileHash(`${path}.bak1`), torn);
  assert.equal((await verifyWorkspace(path, { passphrase: PASS })).ok, true);
});

test('temp files a crash left are removed by the first change, not by opening', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.attest');
  const ws = await create(path);
  await ws.close();
  const stale = join(dir, '.a.attest.tmp-0123456789ab');
  writeFileSync(stale, 'left by a crash');
  const r = await open(path);
  await r.close();
  assert.equal(existsSync(stale), true);
  const w = await open(path);
  await w.commit(setItem('a', '1'));
  await w.close();
  assert.equal(existsSync(stale), false);
});

test('a failed first write keeps the held-back records for the next change', async (t) => {
  const path = join(tempDir(t), 'old.attest');
  copyFileSync(fixture(3), path);
  const original = fileHash(path);
  let fail = true;
  const ws = await open(path, 'fixture', {
    faults: {
      beforeWrite: () => {
        if (fail) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    },
  });
  assert.equal(await codeOf(ws.commit(setItem('a', '1'))), 'DISK_FULL');
  assert.equal(fileHash(path), original);
  fail = false;
  await ws.commit(setItem('b', '2'));
  await ws.close();
  const again = await open(path, 'fixture');
  assert.equal(again.info().schemaVersion, LATEST_SCHEMA);
  assert.deepEqual(
    again.query<{ key: string }>(`SELECT key FROM settings WHERE key IN ('a', 'b')`).map((r) => r.key),
    ['b'],
  );
  await again.close();
});

test('held-back setup commits never start a compaction (a write) however large they are', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  await (await create(path)).close();
  const before = fileHash(path);
  const ws = await open(path, PASS, { autoCompactBytes: 1 });
  await ws.setup(async () => {
    for (let i = 0; i < 3; i++) await ws.commit(setItem(`builtin-${i}`, 'x'.repeat(1000)));
  });
  assert.equal(ws.info().compacting, false);
  await ws.close();
  assert.equal(fileHash(path), before);
  assert.equal(existsSync(`${path}.bak1`), false);
});
