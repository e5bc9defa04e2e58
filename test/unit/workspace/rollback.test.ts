// Rollback and truncation: a file cut at a record boundary, an older copy or a .bakN put
// in place of the current file all authenticate perfectly; this device's memory of the
// last state it saw (in its data folder) is what refuses them, until the user accepts.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import { systemClock } from '../../../main/core/time/clock';
import { deviceMemory, openWorkspace, verifyWorkspace, type DeviceMemory, type StoreOptions } from '../../../main/core/workspace';
import { codeOf, create, fileHash, PASS, setItem, tempDir } from './helpers';

const clock = { ...systemClock, now: () => Date.parse('2026-03-01T10:00:00Z') };

function setup(t: { after(fn: () => void): void }) {
  const dir = tempDir(t);
  const memory = deviceMemory(join(dir, 'data'));
  const path = join(dir, 'a.attest');
  const open = (extra: StoreOptions = {}) => openWorkspace(path, { passphrase: PASS }, { clock, memory, ...extra });
  return { dir, memory, path, open };
}

async function rolledBack(p: Promise<unknown>): Promise<AttestError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AttestError && e.code === 'WORKSPACE_ROLLED_BACK') return e;
    throw e;
  }
  assert.fail('the older file opened without a word');
}

/** A workspace with `n` commits after creation, every one seen by `memory`. */
async function withCommits(path: string, memory: DeviceMemory, n: number, from = 0) {
  const ws = await create(path, { memory, clock });
  for (let i = from; i < from + n; i++) await ws.commit(setItem(`k${i}`, `v${i}`));
  await ws.close();
}

test('a file cut at a record boundary is refused with the missing count and when the newer state was seen; nothing is written', async (t) => {
  const { memory, path, open } = setup(t);
  await withCommits(path, memory, 3);
  const at3 = statSync(path).size;
  const ws = await open();
  const last = (await ws.commit(setItem('x', '1'))).seq;
  await ws.commit(setItem('y', '2'));
  await ws.close();
  truncateSync(path, at3); // exactly at a record boundary: a valid-looking shorter file
  const cut = fileHash(path);
  const seenBefore = readFileSync(join(path, '..', 'data', 'seen', `${idOf(path)}.json`));

  const e = await rolledBack(open());
  assert.equal(e.details?.rollback?.missingCommits, 2);
  assert.equal(e.details?.rollback?.seenSeq, last + 1);
  assert.equal(e.details?.rollback?.seenAt, '2026-03-01T10:00:00.000Z');
  assert.match(e.message, /2 commits are missing/);
  assert.match(e.message, /2026-03-01T10:00:00/);
  assert.equal(fileHash(path), cut, 'the file was not changed');
  assert.equal(existsSync(`${path}.lock`), false, 'and is not left locked');
  assert.deepEqual(
    readFileSync(join(path, '..', 'data', 'seen', `${idOf(path)}.json`)),
    seenBefore,
    'the memory still holds the newer state',
  );

  const report = await verifyWorkspace(path, { passphrase: PASS }, { memory });
  assert.equal(report.ok, false);
  assert.equal(report.rollback?.missingCommits, 2);
  assert.ok(
    report.problems.some((p) => /2 commits are missing/.test(p)),
    report.problems.join('; '),
  );
  assert.equal((await verifyWorkspace(path, { passphrase: PASS })).ok, true, 'without the memory the file itself is sound');
});

test('an older copy put in place of the current file is refused; accepting it opens it and moves the memory back', async (t) => {
  const { dir, memory, path, open } = setup(t);
  await withCommits(path, memory, 2);
  const old = join(dir, 'old-copy.attest');
  copyFileSync(path, old);
  const ws = await open();
  for (let i = 0; i < 4; i++) await ws.commit(setItem(`n${i}`, 'x'));
  await ws.close();
  copyFileSync(old, path);
  const before = fileHash(path);

  const e = await rolledBack(open());
  assert.equal(e.details?.rollback?.missingCommits, 4);
  const accepted = await open({ acceptOlder: true });
  assert.equal(accepted.query('SELECT 1 FROM settings WHERE key = ?', ['n0']).length, 0, 'the older state, as it is');
  await accepted.close();
  assert.equal(fileHash(path), before, 'accepting still writes nothing to the file');
  const again = await open();
  await again.close();
});

test('a .bak put in place of the current file is refused; compaction itself raises no alarm', async (t) => {
  const { memory, path, open } = setup(t);
  await withCommits(path, memory, 2);
  const ws = await open();
  await ws.commit(setItem('before-compaction', '1'));
  await ws.compact();
  await ws.commit(setItem('after-compaction', '1'));
  await ws.close();
  const fine = await open();
  await fine.close();
  assert.ok(existsSync(`${path}.bak1`));
  renameSync(`${path}.bak1`, path);
  const e = await rolledBack(open());
  assert.equal(e.details?.rollback?.missingCommits, 1);
});

test('a file whose history was replaced (same length or longer, other commits) is refused as diverged', async (t) => {
  const { dir, memory, path, open } = setup(t);
  await withCommits(path, memory, 2);
  const fork = join(dir, 'fork.attest');
  copyFileSync(path, fork);
  const ws = await open();
  await ws.commit(setItem('main', '1'));
  await ws.close();
  // Another device (its own memory) carries the older copy on with different commits.
  const other = await openWorkspace(fork, { passphrase: PASS }, { memory: deviceMemory(join(dir, 'other')) });
  await other.commit(setItem('fork', '1'));
  await other.commit(setItem('fork', '2'));
  await other.close();
  copyFileSync(fork, path);
  const e = await rolledBack(open());
  assert.equal(e.details?.rollback?.missingCommits, null);
  assert.match(e.message, /history differs/);
  const report = await verifyWorkspace(path, { passphrase: PASS }, { memory });
  assert.equal(report.ok, false);
  assert.match(report.problems.join('\n'), /history differs/);
});

test('a newer file written elsewhere opens; a device that never saw the workspace opens any version', async (t) => {
  const { dir, memory, path, open } = setup(t);
  await withCommits(path, memory, 2);
  const elsewhere = await openWorkspace(path, { passphrase: PASS }, { memory: deviceMemory(join(dir, 'laptop')) });
  await elsewhere.commit(setItem('from-laptop', '1'));
  await elsewhere.close();
  const ws = await open();
  assert.equal(ws.query('SELECT 1 FROM settings WHERE key = ?', ['from-laptop']).length, 1);
  await ws.close();
  const fresh = await openWorkspace(path, { passphrase: PASS }, { memory: deviceMemory(join(dir, 'new-device')) });
  await fresh.close();
});

test('a torn tail from a crash is not a rollback: it opens, says what was discarded, and verify names it', async (t) => {
  const { dir, memory, path, open } = setup(t);
  await withCommits(path, memory, 2);
  const before = statSync(path).size;
  // The crash: a commit being written when the process died, never acknowledged, so this
  // device's memory never saw it (a separate memory stands for the dead process's).
  const dying = await openWorkspace(path, { passphrase: PASS }, { memory: deviceMemory(join(dir, 'dying')) });
  const { seq } = await dying.commit(setItem('unfinished', 'x'));
  await dying.close();
  const whole = readFileSync(path);
  writeFileSync(path, whole.subarray(0, before + 40));

  const ws = await open();
  const info = ws.info();
  assert.equal(info.recoveredTornTailBytes, 40);
  assert.equal(info.recoveredTornTail, `an unfinished save of commit ${seq}: 40 of its ${whole.length - before} bytes were written`);
  await ws.close();
  const report = await verifyWorkspace(path, { passphrase: PASS }, { memory });
  assert.equal(report.rollback, null);
  assert.match(report.problems.join('\n'), new RegExp(`unfinished save of commit ${seq}`));
});

test('an unreadable memory file is no memory: the workspace opens as on a new device', async (t) => {
  const { memory, path, open } = setup(t);
  await withCommits(path, memory, 1);
  writeFileSync(join(path, '..', 'data', 'seen', `${idOf(path)}.json`), '{not json');
  assert.equal(await codeOf(open().then((w) => w.close())), 'OK');
});

function idOf(path: string): string {
  return readFileSync(path).subarray(16, 32).toString('hex');
}
