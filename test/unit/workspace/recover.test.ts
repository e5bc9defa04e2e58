// `attest recover` salvages every authenticated record up to the first bad one into a new
// workspace and says what was lost. Real files damaged in the middle (a flipped byte in a
// record's body, a damaged frame, a damaged attachment), real sql.js, the real CLI code.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openWorkspace, recoverWorkspace, verifyWorkspace } from '../../../main/core/workspace';
import { cli } from '../../support/cli';
import { codeOf, create, fileHash, PASS, setItem, tempDir } from './helpers';

interface Rec {
  offset: number;
  type: number;
  seq: number;
  length: number;
}

/** The records of a file, read from their (unauthenticated) frames. */
function records(file: Buffer): Rec[] {
  const out: Rec[] = [];
  for (let at = 176; at + 32 <= file.length;) {
    const length = 32 + file.readUInt32BE(at + 4);
    out.push({ offset: at, type: file[at]!, seq: Number(file.readBigUInt64BE(at + 8)), length });
    at += length;
  }
  return out;
}

async function fixture(t: { after(fn: () => void): void }) {
  const dir = tempDir(t);
  const path = join(dir, 'a.attest');
  const ws = await create(path);
  for (let i = 1; i <= 10; i++) await ws.commit(setItem(`k${i}`, `value ${i}`));
  await ws.close();
  return { dir, path };
}

test('a body damaged in the middle: the commits before it are salvaged, the rest is counted as lost', async (t) => {
  const { dir, path } = await fixture(t);
  const bytes = readFileSync(path);
  const commits = records(bytes).filter((r) => r.type === 4);
  const bad = commits[commits.length - 5]!; // k6 … k10 and nothing else after it
  bytes[bad.offset + 40] = bytes[bad.offset + 40]! ^ 0x55;
  writeFileSync(path, bytes);
  const before = fileHash(path);
  const out = join(dir, 'recovered.attest');
  const r = await recoverWorkspace(path, out, PASS);
  assert.equal(fileHash(path), before, 'the damaged file is only read');
  assert.deepEqual(r.lost.firstBad, { offset: bad.offset, reason: 'it fails authentication' });
  assert.equal(r.lost.bytes, bytes.length - bad.offset);
  assert.equal(r.lost.records, 5);
  assert.equal(r.lost.commits, 5);
  assert.deepEqual(r.lost.commitSeqs, { first: bad.seq, last: commits.at(-1)!.seq });
  assert.equal(r.kept.lastSeq, bad.seq - 1);
  assert.equal(r.kept.bytes, bad.offset);

  const report = await verifyWorkspace(out, { passphrase: PASS });
  assert.equal(report.ok, true, report.problems.join('; '));
  assert.notEqual(report.workspaceId, (await verifyWorkspace(path, { passphrase: PASS }).catch(() => null))?.workspaceId);
  const ws = await openWorkspace(out, { passphrase: PASS });
  assert.deepEqual(
    ws.query('SELECT key FROM settings ORDER BY rowid').map((x) => x.key),
    ['k1', 'k2', 'k3', 'k4', 'k5'],
  );
  const last = ws.query<{ action: string; seq: number }>('SELECT action, seq FROM audit_log ORDER BY seq DESC LIMIT 1')[0]!;
  assert.deepEqual({ ...last }, { action: 'workspace.recover', seq: bad.seq });
  const note = JSON.parse(String(ws.query(`SELECT value FROM meta WHERE key = 'recovered_from'`)[0]?.value));
  assert.equal(note.lost.commits, 5);
  await ws.commit(setItem('after', 'recovery'));
  await ws.close();
  assert.equal(await codeOf(recoverWorkspace(path, out, PASS)), 'WORKSPACE_EXISTS');
});

test('a damaged frame: reading skips ahead to the next frame to count what follows', async (t) => {
  const { dir, path } = await fixture(t);
  const bytes = readFileSync(path);
  const commits = records(bytes).filter((r) => r.type === 4);
  const bad = commits[commits.length - 3]!;
  bytes[bad.offset + 9] = bytes[bad.offset + 9]! ^ 0xff; // inside the frame's sequence field
  writeFileSync(path, bytes);
  const r = await recoverWorkspace(path, join(dir, 'out.attest'), PASS);
  assert.deepEqual(r.lost.firstBad, { offset: bad.offset, reason: 'its frame is damaged' });
  assert.equal(r.lost.records, 2, 'the two records after the damaged frame are found again');
  assert.deepEqual(r.lost.commitSeqs, { first: bad.seq + 1, last: commits.at(-1)!.seq });
  assert.equal(r.kept.lastSeq, bad.seq - 1);
});

test('a damaged attachment: the rows that list it are removed and named; later commits are lost', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.attest');
  const ws = await create(path);
  const blob = await ws.putBlob(Buffer.from('evidence that will be damaged'), { actor: 'u', name: 'e.txt' });
  await ws.compact(); // the attachment now sits between the snapshot and the journal
  await ws.commit(setItem('later', 'lost'));
  await ws.close();
  const bytes = readFileSync(path);
  const chunk = records(bytes).find((r) => r.type === 3)!;
  bytes[chunk.offset + chunk.length - 1] = bytes[chunk.offset + chunk.length - 1]! ^ 1;
  writeFileSync(path, bytes);
  const out = join(dir, 'out.attest');
  const r = await recoverWorkspace(path, out, PASS);
  assert.deepEqual(r.lost.attachments, [blob.id]);
  assert.equal(r.lost.commits, 1);
  const again = await openWorkspace(out, { passphrase: PASS });
  assert.equal(again.query('SELECT * FROM blobs').length, 0);
  assert.equal(again.query(`SELECT * FROM settings WHERE key = 'later'`).length, 0);
  await again.close();
});

test('damage inside the snapshot salvages nothing, with its own code; the CLI says what was lost', async (t) => {
  const { dir, path } = await fixture(t);
  const intact = readFileSync(path);
  const snapshotChunk = records(intact).find((r) => r.type === 2)!;
  const broken = Buffer.from(intact);
  broken[snapshotChunk.offset + 50] = broken[snapshotChunk.offset + 50]! ^ 1;
  const brokenPath = join(dir, 'broken.attest');
  writeFileSync(brokenPath, broken);
  const err = await recoverWorkspace(brokenPath, join(dir, 'nothing.attest'), PASS).catch((e: Error) => e);
  assert.equal((err as { code?: string }).code, 'RECOVER_NOTHING');
  assert.match((err as Error).message, /damage is in its snapshot/);

  const commits = records(intact).filter((r) => r.type === 4);
  const damaged = Buffer.from(intact);
  damaged[commits.at(-2)!.offset + 40] = damaged[commits.at(-2)!.offset + 40]! ^ 1;
  writeFileSync(path, damaged);
  writeFileSync(join(dir, 'pass.txt'), PASS);
  const run = await cli(['recover', path, '--out', join(dir, 'cli.attest'), '--passphrase-file', join(dir, 'pass.txt')]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stdout,
    /Lost: .+ from byte \d+ on \(that record: it fails authentication\); about 2 records, 2 of them commits, commits \d+–\d+/,
  );
  const usage = await cli(['recover', path, '--passphrase-file', join(dir, 'pass.txt')]);
  assert.equal(usage.code, 2);
  const nothing = await cli(['recover', brokenPath, '--out', join(dir, 'cli2.attest'), '--passphrase-file', join(dir, 'pass.txt')]);
  assert.equal(nothing.code, 11);
});

test('an unfinished final save is left out and named, not counted as damage', async (t) => {
  const { dir, path } = await fixture(t);
  const bytes = readFileSync(path);
  const last = records(bytes).at(-1)!;
  writeFileSync(path, bytes.subarray(0, last.offset + 20));
  const r = await recoverWorkspace(path, join(dir, 'out.attest'), PASS);
  assert.equal(r.lost.firstBad, null);
  assert.equal(r.lost.tornTailBytes, 20);
  assert.equal(r.kept.lastSeq, last.seq - 1);
  assert.equal((await verifyWorkspace(join(dir, 'out.attest'), { passphrase: PASS })).ok, true);
});
