// A reader never sees the rows of a commit before it is on disk, nor ever when its write
// fails. The write is held open through the store's FaultHooks seam (an awaited hook
// before the journal write), because a real disk cannot be paused at one chosen write;
// while it waits, other code reads the same sql.js database.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { openWorkspace } from '../../../main/core/workspace';
import { codeOf, create, PASS, setItem, tempDir } from './helpers';

function gate() {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const wait = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { wait, open, fail };
}

test('rows of a pending commit are invisible, and stay so when its write then fails', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  let hold: ReturnType<typeof gate> | null = null;
  let reached: () => void = () => undefined;
  const ws = await create(path, {
    faults: {
      beforeWrite: async (step) => {
        if (step !== 'journal' || !hold) return;
        reached();
        await hold.wait;
      },
    },
  });
  await ws.commit(setItem('kept', '1'));
  const seqBefore = ws.info().lastSeq;
  const auditBefore = ws.query('SELECT count(*) AS n FROM audit_log')[0]?.n;
  const rowsOf = () => ws.query(`SELECT key FROM settings WHERE key = 'pending'`).length;

  // 1. The write fails: the rows were never visible and are not afterwards.
  hold = gate();
  let atWrite = new Promise<void>((r) => (reached = r));
  const failing = codeOf(ws.commit(setItem('pending', 'x')));
  await atWrite;
  assert.equal(rowsOf(), 0, 'a reader saw a commit that was not on disk');
  assert.equal(ws.query('SELECT count(*) AS n FROM audit_log')[0]?.n, auditBefore);
  hold.fail(Object.assign(new Error('injected EIO'), { code: 'EIO' }));
  assert.equal(await failing, 'WRITE_FAILED');
  assert.equal(rowsOf(), 0);
  assert.equal(ws.info().lastSeq, seqBefore);

  // 2. The write succeeds: invisible while pending, visible once acknowledged.
  hold = gate();
  atWrite = new Promise<void>((r) => (reached = r));
  const ok = ws.commit(setItem('pending', 'y'));
  await atWrite;
  assert.equal(rowsOf(), 0);
  hold.open();
  assert.equal((await ok).seq, seqBefore + 1);
  assert.equal(rowsOf(), 1);
  hold = null;
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.deepEqual(again.query('SELECT key, value FROM settings ORDER BY key'), [
    { key: 'kept', value: '1' },
    { key: 'pending', value: 'y' },
  ]);
  await again.close();
});
