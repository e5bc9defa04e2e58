// A commit's precondition runs inside the commit queue: it sees every commit queued ahead
// of it, so a check that held when the change was asked for but no longer holds when its
// turn comes refuses the change, with nothing written.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import type { ReadOnlyView } from '../../../main/core/workspace';
import { codeOf, create, setItem, tempDir } from './helpers';

const isLocked = (read: ReadOnlyView) => read.query(`SELECT 1 FROM settings WHERE key = 'locked'`).length > 0;
const unlessLocked = (read: ReadOnlyView) => {
  if (isLocked(read)) throw new AttestError('WORKSPACE_CLOSED', 'locked');
};

test('a precondition that fails inside the queue refuses the commit queued behind the one that made it fail', async (t) => {
  const ws = await create(join(tempDir(t), 'a.attest'));
  t.after(() => ws.close());
  const seqBefore = ws.info().lastSeq;
  const fileBefore = ws.info().fileBytes;
  // The check holds when both changes are asked for …
  assert.equal(isLocked(ws), false);
  const [first, second] = await Promise.allSettled([
    ws.commit(setItem('locked', '1')),
    ws.commit({ ...setItem('late', '1'), precondition: unlessLocked }),
  ]);
  // … but not when the second one's turn comes.
  assert.equal(first.status, 'fulfilled');
  assert.equal(second.status, 'rejected');
  assert.equal((second as PromiseRejectedResult).reason.code, 'WORKSPACE_CLOSED');
  assert.equal(ws.query(`SELECT key FROM settings WHERE key = 'late'`).length, 0);
  assert.equal(ws.info().lastSeq, seqBefore + 1, 'only the first change was committed');
  const entries = ws.query<{ action: string; entity: string }>('SELECT action, entity FROM audit_log WHERE seq > ?', [seqBefore]);
  assert.deepEqual(
    entries.map((e) => e.entity),
    ['setting:locked'],
  );
  assert.ok(ws.info().fileBytes > fileBefore);
  // A precondition that holds lets the change through, and a later one sees it.
  await ws.commit({ ...setItem('other', '1'), precondition: (read) => assert.equal(isLocked(read), true) });
  assert.equal(ws.query(`SELECT key FROM settings WHERE key = 'other'`).length, 1);
});

test('a precondition only reads: a change it tries is refused and the commit with it', async (t) => {
  const ws = await create(join(tempDir(t), 'a.attest'));
  t.after(() => ws.close());
  const seqBefore = ws.info().lastSeq;
  const code = await codeOf(
    ws.commit({
      ...setItem('x', '1'),
      precondition: (read) => void read.query(`DELETE FROM settings`),
    }),
  );
  assert.equal(code, 'INVALID_MUTATION');
  assert.equal(ws.info().lastSeq, seqBefore);
  assert.equal(ws.query(`SELECT key FROM settings WHERE key = 'x'`).length, 0);
});

test('a precondition that is not a function is refused before anything queues', async (t) => {
  const ws = await create(join(tempDir(t), 'a.attest'));
  t.after(() => ws.close());
  const code = await codeOf(ws.commit({ ...setItem('x', '1'), precondition: 'yes' as never }));
  assert.equal(code, 'INVALID_MUTATION');
});
