// A full disk or a read-only folder while writing must leave the last good state intact
// and give a clear error. Real conditions where this machine allows them (a tiny tmpfs
// fills up for real; a read-only bind mount refuses writes); the failure in the middle of
// a write is injected through the store's FaultHooks seam, because a file system cannot
// be made to fail at one chosen write of a running process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openWorkspace } from '../../../main/core/workspace';
import { requirePart } from '../../support/require';
import { codeOf, create, fileHash, PASS, setItem, tempDir } from './helpers';

const fault = (code: string) => Object.assign(new Error(`injected ${code}`), { code });

test('a failing journal write (ENOSPC, then EROFS) rejects the commit and changes nothing', async (t) => {
  const path = join(tempDir(t), 'a.attest');
  let failWith: string | null = null;
  const ws = await create(path, {
    faults: {
      beforeWrite: (step) => {
        if (failWith && step !== 'snapshot') throw fault(failWith);
      },
    },
  });
  await ws.commit(setItem('kept', '1'));
  const size = statSync(path).size;
  failWith = 'ENOSPC';
  assert.equal(await codeOf(ws.commit(setItem('lost', '2'))), 'DISK_FULL');
  assert.equal(await codeOf(ws.putBlob(Buffer.from('x'), { actor: 't' })), 'DISK_FULL');
  failWith = 'EROFS';
  assert.equal(await codeOf(ws.commit(setItem('lost', '3'))), 'FOLDER_READ_ONLY');
  assert.equal(ws.query(`SELECT * FROM settings WHERE key = 'lost'`).length, 0);
  assert.equal(statSync(path).size, size);
  failWith = null;
  await ws.commit(setItem('after', '4'));
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.deepEqual(
    again.query('SELECT key FROM settings ORDER BY key').map((r) => r.key),
    ['after', 'kept'],
  );
  await again.close();
});

test('a failing compaction (disk full while writing the snapshot or at the swap) keeps the old file working', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.attest');
  let failAt: string | null = null;
  const ws = await create(path, {
    faults: {
      beforeWrite: (step) => {
        if (step === failAt) throw fault('ENOSPC');
      },
    },
  });
  await ws.commit(setItem('a', '1'));
  for (const step of ['snapshot', 'swap']) {
    failAt = step;
    const before = fileHash(path);
    assert.equal(await codeOf(ws.compact()), 'DISK_FULL', step);
    assert.equal(fileHash(path), before, `${step}: the file is untouched`);
    assert.equal(ws.info().lastCompactionError?.code, 'DISK_FULL');
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.includes('.tmp-')),
      [],
      `${step}: no temp file left`,
    );
  }
  failAt = null;
  await ws.commit(setItem('b', '2'));
  await ws.compact();
  assert.equal(ws.info().lastCompactionError, null);
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.equal(again.query('SELECT * FROM settings').length, 2);
  await again.close();
});

function mountWorks(): boolean {
  if (process.platform !== 'linux') return false;
  const probe = spawnSync('sh', [
    '-c',
    'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"; r=$?; rmdir "$d"; exit $r',
  ]);
  return probe.status === 0;
}

function sh(cmd: string): void {
  const r = spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
}

test('a really full disk (tiny tmpfs): the failed attachment and compaction leave the last good state', async (t) => {
  if (!requirePart(t, mountWorks(), 'mount (root with CAP_SYS_ADMIN, for a tiny tmpfs)')) return;
  const mnt = join(tempDir(t), 'mnt');
  mkdirSync(mnt);
  sh(`mount -t tmpfs -o size=1m tmpfs '${mnt}'`);
  try {
    await fillTheDisk(join(mnt, 'a.attest'));
  } finally {
    spawnSync('umount', [mnt]);
  }
});

async function fillTheDisk(path: string) {
  const ws = await create(path);
  await ws.commit(setItem('a', '1'));
  let put = 0;
  let code = 'OK';
  while (code === 'OK' && put < 50) {
    code = await codeOf(ws.putBlob(Buffer.alloc(150_000, put + 1), { actor: 't' }));
    if (code === 'OK') put++;
  }
  assert.equal(code, 'DISK_FULL');
  assert.ok(put >= 2, `some attachments fitted (${put})`);
  // The snapshot plus copies of the attachments cannot fit beside the current file.
  assert.equal(await codeOf(ws.compact()), 'DISK_FULL');
  const kept = ws.query('SELECT id FROM blobs').length;
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.equal(again.query('SELECT id FROM blobs').length, kept);
  assert.equal(again.query('SELECT * FROM settings').length, 1);
  await again.close();
}

test('a read-only folder (read-only bind mount): open and create fail clearly and change nothing', async (t) => {
  if (!requirePart(t, mountWorks(), 'mount (root with CAP_SYS_ADMIN, for a read-only bind mount)')) return;
  const base = tempDir(t);
  const rw = join(base, 'rw');
  const ro = join(base, 'ro');
  mkdirSync(rw);
  mkdirSync(ro);
  const ws = await create(join(rw, 'a.attest'));
  await ws.commit(setItem('a', '1'));
  await ws.close();
  sh(`mount --bind '${rw}' '${ro}' && mount -o remount,bind,ro '${ro}'`);
  try {
    const before = fileHash(join(ro, 'a.attest'));
    assert.equal(await codeOf(openWorkspace(join(ro, 'a.attest'), { passphrase: PASS })), 'FOLDER_READ_ONLY');
    assert.equal(await codeOf(create(join(ro, 'b.attest'))), 'FOLDER_READ_ONLY');
    assert.equal(fileHash(join(ro, 'a.attest')), before);
    assert.equal(existsSync(join(ro, 'b.attest')), false);
  } finally {
    spawnSync('umount', [ro]);
  }
});
