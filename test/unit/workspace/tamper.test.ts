// Tamper trials: random single-byte flips, single-byte deletions and truncations of a
// real workspace (snapshot, attachments and journal). ATTEST_TAMPER_TRIALS raises the
// count (default 1000).
//
// What "detected" means, precisely:
// - a flipped byte anywhere: opening fails with FILE_CORRUPT, FILE_TRUNCATED,
//   NOT_AN_ATTEST_FILE or WRONG_PASSPHRASE (a flip in the wrapped key or KDF fields with
//   a still-valid header checksum cannot be told from a wrong passphrase; the checksum
//   makes that impossible for a single flip, so in practice it is FILE_CORRUPT);
// - a truncation or a deleted byte inside the header or snapshot: an error as above;
// - a truncation or deleted byte inside the journal (after the snapshot) is exactly what
//   a crash while appending leaves, so it is accepted as a crash: the file opens, the
//   unfinished final record is reported (recoveredTornTailBytes > 0) unless the cut fell
//   on a record boundary, and the state equals the state after the last complete commit
//   before the cut: only the records at and after the cut are lost, nothing else changes.
// In every case the file's bytes are unchanged by the attempt to open it.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import { openWorkspace } from '../../../main/core/workspace';
import { decodeFrame, FRAME_LENGTH, HEADER_LENGTH, RecordType } from '../../../main/core/workspace/format';
import { create, fileHash, PASS, setItem, tempDir } from './helpers';

const TRIALS = Number(process.env.ATTEST_TAMPER_TRIALS ?? 1000);
const DETECTED = new Set(['FILE_CORRUPT', 'FILE_TRUNCATED', 'NOT_AN_ATTEST_FILE', 'WRONG_PASSPHRASE']);

interface Layout {
  journalStart: number;
  /** End offset of each commit record in the journal, with the seq it completes. */
  commitEnds: { end: number; seq: number }[];
  recordEnds: Set<number>;
}

function layoutOf(bytes: Buffer, baseSeq: number): Layout {
  let off = HEADER_LENGTH;
  let journalStart = 0;
  const commitEnds: Layout['commitEnds'] = [];
  const recordEnds = new Set<number>();
  let seq = baseSeq;
  while (off < bytes.length) {
    const frame = decodeFrame(bytes.subarray(off, off + FRAME_LENGTH))!;
    const end = off + FRAME_LENGTH + frame.bodyLength;
    if (frame.type !== RecordType.manifest && frame.type !== RecordType.snapshot && journalStart === 0) journalStart = off;
    if (frame.type === RecordType.commit) commitEnds.push({ end, seq: ++seq });
    recordEnds.add(end);
    off = end;
  }
  return { journalStart, commitEnds, recordEnds };
}

test(`tamper trials (${TRIALS}): every flip, deletion or truncation is detected or is exactly a crash cut`, async (t) => {
  const dir = tempDir(t, 'attest-tamper-');
  const path = join(dir, 'clean.attest');
  const ws = await create(path);
  // Snapshot with rows and attachments, then a journal with commits and attachments.
  const stateBySeq = new Map<number, string>();
  const snapshotOf = () => JSON.stringify(ws.query('SELECT key, value FROM settings ORDER BY key'));
  for (let i = 0; i < 6; i++) await ws.commit(setItem(`s${i}`, 'x'.repeat(100 + i)));
  await ws.putBlob(Buffer.from('first attachment '.repeat(40)), { actor: 't' });
  await ws.compact();
  const baseSeq = ws.info().lastSeq;
  stateBySeq.set(baseSeq, snapshotOf());
  for (let i = 0; i < 8; i++) {
    if (i === 3) {
      await ws.putBlob(Buffer.from('second attachment '.repeat(30)), { actor: 't' });
      stateBySeq.set(ws.info().lastSeq, snapshotOf());
    }
    await ws.commit(setItem(`j${i}`, `value ${i}`));
    stateBySeq.set(ws.info().lastSeq, snapshotOf());
  }
  await ws.close();
  const clean = readFileSync(path);
  const layout = layoutOf(clean, baseSeq);
  assert.ok(layout.journalStart > HEADER_LENGTH && layout.commitEnds.length === 9);

  const target = join(dir, 'tampered.attest');
  const counts = { flip: 0, delete: 0, truncate: 0, errors: 0, crashCuts: 0 };
  for (let i = 0; i < TRIALS; i++) {
    const r = Math.random();
    let bytes: Buffer;
    let kind: 'flip' | 'delete' | 'truncate';
    let at: number;
    if (r < 0.6) {
      kind = 'flip';
      at = Math.floor(Math.random() * clean.length);
      bytes = Buffer.from(clean);
      bytes[at] = bytes[at]! ^ (1 + Math.floor(Math.random() * 255));
    } else if (r < 0.8) {
      kind = 'delete';
      at = Math.floor(Math.random() * clean.length);
      bytes = Buffer.concat([clean.subarray(0, at), clean.subarray(at + 1)]);
    } else {
      kind = 'truncate';
      at = Math.floor(Math.random() * clean.length);
      bytes = Buffer.from(clean.subarray(0, at));
    }
    counts[kind]++;
    writeFileSync(target, bytes);
    const before = fileHash(target);
    const label = `trial ${i}: ${kind} at byte ${at} of ${clean.length}`;
    let opened: Awaited<ReturnType<typeof openWorkspace>> | null = null;
    try {
      opened = await openWorkspace(target, { passphrase: PASS });
    } catch (e) {
      assert.ok(e instanceof AttestError && DETECTED.has(e.code), `${label}: unexpected ${String(e)}`);
      counts.errors++;
    }
    if (opened) {
      try {
        assert.notEqual(kind, 'flip', `${label}: a flipped byte went unnoticed`);
        assert.ok(at >= layout.journalStart, `${label}: a cut before the journal went unnoticed`);
        const survivors = layout.commitEnds.filter((c) => c.end <= at);
        const expectSeq = survivors.at(-1)?.seq ?? baseSeq;
        assert.equal(opened.info().lastSeq, expectSeq, `${label}: commits before the cut must all survive`);
        assert.equal(JSON.stringify(opened.query('SELECT key, value FROM settings ORDER BY key')), stateBySeq.get(expectSeq), label);
        const atBoundary = kind === 'truncate' && (layout.recordEnds.has(at) || at === layout.journalStart);
        if (!atBoundary) assert.ok(opened.info().recoveredTornTailBytes > 0, `${label}: the cut must be reported`);
        for (const b of opened.query<{ id: string }>('SELECT id FROM blobs')) await opened.getBlob(b.id);
        counts.crashCuts++;
      } finally {
        await opened.close();
      }
    }
    assert.equal(fileHash(target), before, `${label}: opening changed the file`);
  }
  rmSync(target, { force: true });
  t.diagnostic(JSON.stringify(counts));
});
