import assert from 'node:assert/strict';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openWorkspace, verifyWorkspace } from '../../../main/core/workspace';
import { loadSqlJs, replay } from '../../../main/core/workspace/database';
import { scanFile } from '../../../main/core/workspace/scan';
import { writeHeaderAndSnapshot } from '../../../main/core/workspace/snapshot';
import { keyFromPassphrase, readHeaderFrom } from '../../../main/core/workspace/unlock';
import { create, PASS, setItem, tempDir } from './helpers';

test('every commit appends a chained audit entry with a digest of the change', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  const r1 = await ws.commit(setItem('a', '1', 'alice'));
  const r2 = await ws.commit(setItem('a', '2', 'bob'));
  const rows = ws.query<{ seq: number; actor: string; entity: string; digest: string; prev_hash: string; hash: string }>(
    'SELECT seq, actor, entity, digest, prev_hash, hash FROM audit_log WHERE seq >= ? ORDER BY seq',
    [r1.seq],
  );
  assert.equal(rows.length, 2);
  assert.equal(rows[0]!.actor, 'alice');
  assert.equal(rows[0]!.entity, 'setting:a');
  assert.equal(rows[0]!.hash, r1.auditHash);
  assert.equal(rows[1]!.prev_hash, r1.auditHash, 'each entry links to the one before');
  assert.equal(rows[1]!.hash, r2.auditHash);
  assert.notEqual(rows[0]!.digest, rows[1]!.digest, 'different changes have different digests');
  await ws.close();
});

/**
 * Rewrites a workspace as someone holding the key could: decrypt, edit the database
 * directly (bypassing the store and its append-only triggers), re-encrypt. Every record
 * then authenticates, so only the audit chain can tell.
 */
async function rewriteWithKey(path: string, edit: string[]): Promise<void> {
  const fh = await open(path, 'r');
  const size = (await fh.stat()).size;
  const { header, bytes } = await readHeaderFrom(fh, size, '');
  const key = await keyFromPassphrase(PASS, header, bytes);
  const scan = await scanFile(fh, size, key, header.workspaceId, '');
  await fh.close();
  const SQL = await loadSqlJs();
  const db = new SQL.Database(scan.db);
  replay(db, scan.commits, '');
  db.run('DROP TRIGGER audit_log_no_update');
  db.run('DROP TRIGGER audit_log_no_delete');
  for (const sql of edit) db.run(sql);
  const image = db.export();
  db.close();
  await unlink(path);
  const out = await open(path, 'wx');
  await writeHeaderAndSnapshot(out, bytes, key, header.workspaceId, {
    generation: 9,
    baseSeq: scan.lastSeq,
    db: image,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  await out.close();
}

test('verify names the first broken audit entry when history was rewritten with the key', async (t) => {
  const dir = tempDir(t);
  for (const [what, edit, seq, reason] of [
    ['an edited entry', [`UPDATE audit_log SET actor = 'mallory' WHERE seq = 5`], 5, /content does not match/],
    ['a deleted entry', [`DELETE FROM audit_log WHERE seq = 6`], 6, /entry 6 is missing/],
    [
      'a re-hashed entry',
      [`UPDATE audit_log SET actor = 'mallory', hash = '${'ab'.repeat(32)}' WHERE seq = 4`],
      4,
      /content does not match/,
    ],
  ] as const) {
    const path = join(dir, `${seq}.attest`);
    const ws = await create(path);
    for (let i = 0; i < 6; i++) await ws.commit(setItem(`k${i}`, 'v'));
    await ws.close();
    assert.equal((await verifyWorkspace(path, { passphrase: PASS })).ok, true, `${what}: clean before`);
    await rewriteWithKey(path, [...edit]);
    const report = await verifyWorkspace(path, { passphrase: PASS });
    assert.equal(report.ok, false, what);
    assert.equal(report.firstBrokenEntry?.seq, seq, what);
    assert.match(report.firstBrokenEntry?.reason ?? '', reason, what);
    assert.match(report.problems.join('\n'), new RegExp(`audit entry ${seq}`));
    // The workspace still opens: a broken chain is evidence to show, not a reason to lose data.
    const reopened = await openWorkspace(path, { passphrase: PASS });
    await reopened.close();
  }
});
