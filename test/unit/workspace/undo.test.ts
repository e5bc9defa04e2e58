// Undo at the store: every change of the session can be taken back, newest first, and
// leaves every table (and the search index) exactly as it was before the change, rowids
// included, on disk as well as in memory. Changes that record something outside the
// workspace refuse, and an attachment an undo could bring back survives compaction.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { installCatalogue, removeCatalogue } from '../../../main/core/catalog/library';
import { loadBuiltinCatalogues } from '../../../main/core/catalog/loader';
import { openWorkspace, type Workspace } from '../../../main/core/workspace';
import { type UndoEntry, UndoHistory } from '../../../main/core/workspace/undo';
import { codeOf, create, PASS, setItem, tempDir } from './helpers';

/** Every row of every table but the audit log, with its rowid, and the search index's content. */
function dump(ws: Workspace): string {
  const tables = ws
    .query<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .filter((t) => t.name !== 'audit_log' && !t.name.startsWith('sqlite_') && !t.name.startsWith('controls_fts'));
  const out: Record<string, unknown> = {};
  for (const { name } of tables) out[name] = ws.query(`SELECT rowid AS __rowid, * FROM "${name}" ORDER BY rowid`);
  out.controls_fts = ws.query('SELECT docid, * FROM controls_fts ORDER BY docid');
  out.search = ws.query(`SELECT docid FROM controls_fts WHERE controls_fts MATCH 'password' ORDER BY docid`);
  return JSON.stringify(out);
}

const sample = loadBuiltinCatalogues()[0]!.catalogue;

test('each change of a session is undone newest first, back to the exact state before it, and stays undone after reopening', async (t) => {
  const path = join(tempDir(t), 'u.attest');
  let ws = await create(path);
  const states: string[] = [];
  const changes: (() => Promise<unknown>)[] = [
    () => ws.commit(setItem('a', '1')),
    () => ws.commit(setItem('a', '2')), // INSERT OR REPLACE: a delete and an insert under a new rowid
    () => ws.commit(setItem('b', 'x')),
    () => installCatalogue(ws, sample, 'tester'), // rows with an INTEGER PRIMARY KEY and the search index
    () =>
      ws.commit({
        actor: 'tester',
        action: 'setting.remove',
        entity: 'setting:b',
        statements: [{ sql: `DELETE FROM settings WHERE key = 'b'` }],
      }),
    () => installCatalogue(ws, { ...sample, version: `${sample.version}-next`, controls: sample.controls.slice(0, 5) }, 'tester'),
    () => removeCatalogue(ws, sample.id, 'tester').catch(() => ws.commit(setItem('c', 'builtin'))),
  ];
  for (const change of changes) {
    states.push(dump(ws));
    await change();
  }
  const afterAll = dump(ws);
  assert.notEqual(afterAll, states[0]);
  for (let i = changes.length - 1; i >= 0; i--) {
    const { undone } = await ws.undo('tester');
    assert.equal(dump(ws), states[i], `undoing change ${i + 1} (${undone.action}) restores the state before it`);
  }
  assert.equal(await codeOf(ws.undo('tester')), 'NOTHING_TO_UNDO');
  // The undos are ordinary commits: the audit log has them, and reopening replays them.
  const undos = ws.query<{ actor: string; entity: string }>(`SELECT actor, entity FROM audit_log WHERE action = 'workspace.undo'`);
  assert.equal(undos.length, changes.length);
  assert.match(undos[0]!.entity, /^(setting:c · undoes setting\.set|catalogue:\S+ · undoes catalog\.remove) \(commit \d+\)$/);
  await ws.close();
  ws = await openWorkspace(path, { passphrase: PASS });
  t.after(() => ws.close());
  assert.equal(dump(ws), states[0]);
  assert.equal(ws.lastChange(), null, 'a new session starts with nothing to undo');
});

test('a change that cannot be undone says why and blocks what came before it; an offered undo for an older change is refused', async (t) => {
  const ws = await create(join(tempDir(t), 'u.attest'));
  t.after(() => ws.close());
  await ws.commit(setItem('a', '1'));
  const first = ws.lastChange()!;
  await ws.commit(setItem('b', '1'));
  assert.equal(await codeOf(ws.undo('tester', first.seq)), 'UNDO_STALE');
  assert.equal(ws.query(`SELECT 1 FROM settings WHERE key = 'b'`).length, 1, 'nothing was undone');
  await ws.commit({ ...setItem('issued', '1'), irreversible: 'an issued report stays on record' });
  assert.equal(ws.lastChange()?.refusal, 'an issued report stays on record');
  assert.equal(await codeOf(ws.undo('tester')), 'UNDO_REFUSED');
  assert.equal(ws.query(`SELECT 1 FROM settings WHERE key = 'issued'`).length, 1);
  // A change after it can be undone, but not past it.
  await ws.commit(setItem('c', '1'));
  await ws.undo('tester');
  assert.equal(await codeOf(ws.undo('tester')), 'UNDO_REFUSED');
  assert.equal(ws.query(`SELECT 1 FROM settings WHERE key = 'b'`).length, 1);
});

test('a change that touches no row leaves the one before it to undo', async (t) => {
  const ws = await create(join(tempDir(t), 'u.attest'));
  t.after(() => ws.close());
  await ws.commit(setItem('a', '1'));
  await ws.commit({
    actor: 't',
    action: 'setting.remove',
    entity: 'setting:none',
    statements: [{ sql: `DELETE FROM settings WHERE key = 'none'` }],
  });
  assert.equal(ws.lastChange()?.entity, 'setting:a');
});

test('an attachment is undone with the change that uses it, and one an undo brings back survives compaction', async (t) => {
  const ws = await create(join(tempDir(t), 'u.attest'));
  t.after(() => ws.close());
  const bytes = new TextEncoder().encode('evidence bytes '.repeat(100));
  const blob = await ws.putBlob(bytes, { actor: 'tester', name: 'e.txt' });
  await ws.commit(setItem('evidence', blob.id));
  assert.equal(ws.lastChange()?.entity, 'setting:evidence', 'the attachment rides with its change');
  await ws.undo('tester');
  assert.equal(ws.query('SELECT 1 FROM blobs').length, 0, 'the attachment row went with it');
  assert.equal(await codeOf(ws.undo('tester')), 'NOTHING_TO_UNDO');
  // Stored again, then removed; compaction runs; undoing the removal brings the bytes back.
  const again = await ws.putBlob(bytes, { actor: 'tester', name: 'e.txt' });
  await ws.commit(setItem('evidence', again.id));
  await ws.commit({
    actor: 'tester',
    action: 'blob.remove',
    entity: 'blob',
    statements: [{ sql: 'DELETE FROM blobs WHERE id = ?', params: [again.id] }],
  });
  await ws.compact();
  await ws.undo('tester');
  assert.deepEqual(new Uint8Array(await ws.getBlob(again.id)), bytes);
});

test('the history keeps the newest 200 changes, and fewer when they are large', () => {
  const entry = (seq: number, statements: number): UndoEntry => ({
    seq,
    at: '2026-01-01T00:00:00.000Z',
    actor: 't',
    action: 'setting.set',
    entity: `setting:${seq}`,
    inverse: { statements: Array.from({ length: statements }, () => ({ sql: 'DELETE FROM settings WHERE rowid = 1' })), blobIds: [] },
  });
  const depth = (h: UndoHistory) => {
    let n = 0;
    while (h.top()) {
      h.pop();
      n++;
    }
    return n;
  };
  const many = new UndoHistory();
  for (let i = 1; i <= 250; i++) many.record(entry(i, 1));
  assert.equal(many.top()?.seq, 250);
  assert.equal(depth(many), 200);
  const large = new UndoHistory();
  for (let i = 1; i <= 10; i++) large.record(entry(i, 30_000));
  assert.equal(depth(large), 3, '100,000 statements at most (3 × 30,000)');
});
