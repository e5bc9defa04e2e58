// The core owns its long-lived work: one job registry for check runs and report issues,
// disposed by Core.close() — work that can stop early is cancelled, work that commits at
// its end is finished, and nothing new starts once the core is closing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { assessmentDemo } from '../../../main/core/demo/assessment-demo';
import { demoContext } from '../../../main/core/demo/demo';
import { createJobRegistry } from '../../../main/core/jobs';
import { AttestError } from '../../../main/core/errors';
import { tempDir, testCore } from '../../support/core';
import { call, chosen } from '../../support/dispatch';

test('dispose cancels cancellable jobs, finishes the others, and refuses new ones', async () => {
  const jobs = createJobRegistry();
  const seen: string[] = [];
  const run = jobs.start(
    'check-run',
    'a',
    { state: 'running' },
    (signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => (seen.push('a cancelled'), resolve()))),
  );
  const issue = jobs.start(
    'report-issue',
    'b',
    { state: 'running' },
    async (signal) => {
      await new Promise((r) => setTimeout(r, 50));
      seen.push(signal.aborted ? 'b cancelled' : 'b finished');
    },
    { cancellable: false },
  );
  assert.equal(jobs.running(), 2);
  assert.equal(jobs.get('report-issue', 'a'), undefined, 'a job is found under its own kind only');
  await jobs.dispose();
  assert.deepEqual(seen.sort(), ['a cancelled', 'b finished']);
  assert.equal(run.running() || issue.running(), false);
  assert.equal(jobs.running(), 0);
  assert.throws(
    () => jobs.start('check-run', 'c', {}, async () => undefined),
    (e: unknown) => e instanceof AttestError && e.code === 'CORE_CLOSING',
  );
});

test('a failing job ends and says so in its view; it does not stay running', async () => {
  const jobs = createJobRegistry();
  const job = jobs.start('report-issue', 'x', { state: 'running' }, async () => {
    throw new Error('boom');
  });
  await job.finished;
  assert.equal(job.running(), false);
});

test('Core.close() waits for a report being issued: it is on disk when the workspace reopens', async () => {
  const dir = tempDir('attest-jobs-');
  const path = join(dir, 'jobs.attest');
  const core = testCore();
  await call(core, 'workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Jobs', passphrase: 'jobs passphrase' });
  await assessmentDemo.seed(demoContext(core, 'test'));
  const current = (await call(core, 'assessment.list', {})).assessments.find((a) => a.state === 'review')!;
  const { jobId } = await call(core, 'report.issue', { kind: 'engagement', subjectId: current.id, classification: 'INTERNAL' });
  assert.equal((await call(core, 'report.progress', { jobId })).state, 'running');
  await core.close();

  const again = testCore();
  try {
    await call(again, 'workspace.open', { handle: chosen(again, path, 'open:workspace'), passphrase: 'jobs passphrase', remember: false });
    const { reports } = await call(again, 'report.list', {});
    assert.equal(reports.length, 1, 'the issue started before close was finished and committed');
    assert.equal(reports[0]!.subjectId, current.id);
  } finally {
    await again.close();
  }
});

test('answers carry the commit sequence number: every write, and a job while it commits; never a read', async () => {
  const dir = tempDir('attest-seq-');
  const core = testCore();
  const ctx = { origin: 'test' } as const;
  try {
    await call(core, 'workspace.create', {
      handle: chosen(core, join(dir, 'seq.attest'), 'save:workspace'),
      name: 'Seq',
      passphrase: 'seq passphrase',
    });
    await assessmentDemo.seed(demoContext(core, 'test'));
    const read = await core.dispatch('assessment.list', {}, ctx);
    assert.ok(read.ok && read.seq === undefined, 'a read says nothing about commits');
    const before = core.session.lastSeq()!;
    const current = read.ok
      ? (read.value as { assessments: { id: string; state: string }[] }).assessments.find((a) => a.state === 'review')!
      : null;
    const write = await core.dispatch('finding.create', { assessmentId: current!.id, title: 'Seq check', likelihood: 2, impact: 2 }, ctx);
    assert.ok(write.ok, JSON.stringify(write));
    assert.equal(write.seq, before + 1, 'the write answers with the number its commit reached');
    const started = await core.dispatch('report.issue', { kind: 'engagement', subjectId: current!.id, classification: 'INTERNAL' }, ctx);
    assert.ok(started.ok && started.seq === before + 1);
    const jobId = (started.value as { jobId: string }).jobId;
    let last: Awaited<ReturnType<typeof core.dispatch>>;
    do {
      await new Promise((r) => setTimeout(r, 50));
      last = await core.dispatch('report.progress', { jobId }, ctx);
      assert.ok(last.ok);
    } while ((last.value as { state: string }).state === 'running');
    assert.equal((last.value as { state: string }).state, 'done');
    assert.ok((last.seq ?? 0) > before + 1, `the finished job's answer carries its commit (${last.seq})`);
    assert.equal(last.seq, core.session.lastSeq());
  } finally {
    await core.close();
  }
});
