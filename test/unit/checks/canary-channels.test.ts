// The canary through the core's channels: a recognisable secret saved with
// credential.create is used by SaaS checks run with check.run against fake tenants on
// 127.0.0.1 (some echo it back), and its bytes must appear in no IPC response, no error,
// no log line, no workspace row (every table, read back through the workspace's own
// decrypting open), no stored blob and no issued report (its text and its inflated streams).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { keychainWorks } from '../../../main/core/keychain/keychain';
import { secretVariants } from '../../../main/core/net/redact';
import { openWorkspace } from '../../../main/core/workspace';
import { testCore } from '../../support/core';
import { call } from '../../support/dispatch';
import { requirePart } from '../../support/require';
import { PASS, waitForRun, workspaceWithAssessment } from './support/channels';
import { TestPki } from './support/pki';
import { startSaasFake, type SaasFake } from './support/saas-fakes';

const CANARY = `CANARY-${randomUUID()}-attest-ch7`;
const pki = new TestPki();
let fake: SaasFake;
let keychainOk = false;

before(async () => {
  keychainOk = await keychainWorks();
  fake = await startSaasFake(pki, CANARY);
});
after(async () => fake.close());

const forms = () => [...secretVariants(CANARY), `Bearer ${CANARY}`, CANARY.slice(0, 24)];
function assertClean(label: string, text: string) {
  for (const f of forms()) assert.ok(!text.includes(f), `${label} contains the canary (${f.slice(0, 12)}…)`);
}

function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(String(e), (e as Error).message ?? '', (e as Error).stack ?? '');
  }
  return parts.join('\n');
}

test('the canary appears in no response, error, log, workspace row, blob or report', async (t) => {
  if (!requirePart(t, keychainOk, 'A Secret Service (gnome-keyring)')) return;
  const logged: string[] = [];
  const observed: unknown[] = [];
  // The test CA is the device's own trust: a workspace's CA never covers a credential.
  const core = testCore({ deviceCaPem: pki.ca.certPem, observer: { onError: (channel, error) => observed.push(error) } });
  // Everything the process prints while the checks run is captured and searched.
  const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const capture = (chunk: unknown) => (logged.push(String(chunk)), true);
  const consoles = { log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };
  for (const k of Object.keys(consoles) as (keyof typeof consoles)[])
    console[k] = (...a: unknown[]) => void logged.push(a.map(String).join(' '));
  const responses: unknown[] = [];
  const record = async <T>(p: Promise<T>) => {
    const v = await p;
    responses.push(v);
    return v;
  };
  const rawResults: unknown[] = [];
  const dispatch = core.dispatch;
  core.dispatch = async (channel, payload, context) => {
    const r = await dispatch(channel, payload, context);
    rawResults.push(r);
    return r;
  };
  const { path, assessmentId } = await workspaceWithAssessment(core);
  let credentialId = '';
  let reportPdf: Buffer | undefined;
  try {
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    await record(call(core, 'policy.setEnabled', { enabled: true }));
    await record(call(core, 'policy.approveHosts', { hosts: ['127.0.0.1'] }));
    await record(call(core, 'policy.setCustomCa', { pem: pki.ca.certPem, hosts: ['127.0.0.1'] }));
    const cred = await record(
      call(core, 'credential.create', { label: 'Canary tenant', kind: 'bearer', hosts: ['127.0.0.1'], value: CANARY }),
    );
    credentialId = cred.id;
    const base = `https://127.0.0.1:${fake.port}`;
    const targets: [string, string, Record<string, string>][] = [
      ['saas.tines.tenant', `${base}/tines-good`, {}],
      ['saas.tines.tenant', `${base}/denied`, {}],
      ['saas.tines.tenant', `${base}/malformed`, {}],
      ['saas.tines.tenant', `${base}/redirect-away`, {}],
      ['saas.retool.sso', `${base}/retool/api/v2`, { ssoDomain: 'corp.test' }],
      ['saas.retool.sso', `${base}/huge/api/v2`, { ssoDomain: 'corp.test' }],
      ['saas.github.org-2fa', `${base}/gh/orgs/weak`, {}],
      ['saas.github.org-settings', `${base}/gh/orgs/strong`, {}],
      ['saas.github.org-2fa', `${base}/denied/orgs/x`, {}],
    ];
    for (const [checkId, target, inputs] of targets) {
      await record(call(core, 'check.addTarget', { assessmentId, checkId, target, inputs, credentialId }));
    }
    fake.authSeen.length = 0;
    const started = await record(call(core, 'check.run', { assessmentId }));
    const done = await record(waitForRun(core, started.runId));
    assert.equal(done.done, targets.length);
    // The secret really travelled, so this test can fail.
    assert.ok(fake.authSeen.filter((a) => a === `Bearer ${CANARY}`).length >= targets.length, 'the fakes received the secret');
    const { runs } = await record(call(core, 'check.results', { assessmentId }));
    assert.ok(
      runs.some((r) => r.status === 'pass' || r.status === 'fail'),
      'some verdicts',
    );
    assert.ok(
      runs.some((r) => r.status === 'could-not-verify'),
      'a permission error is could-not-verify',
    );
    for (const r of runs) await record(call(core, 'check.result', { id: r.id }));
    await record(call(core, 'credential.test', { id: credentialId, port: fake.port, path: '/tines-good' }));
    await record(call(core, 'credential.list', {}));
    await record(call(core, 'credential.replace', { id: credentialId, value: `${CANARY}-2` }));
    await record(call(core, 'audit.list', { limit: 500 }));
    const control = await record(call(core, 'assessment.control', { assessmentId, catalogueId: 'platform-baseline', controlId: 'S.A.3' }));
    assert.ok(
      control.evidence.some((e) => e.kind === 'check'),
      'the GitHub 2FA run left evidence on S.A.3',
    );
    // A report whose appendix carries these runs: its text and every stream, uncompressed.
    const { jobId } = await record(
      call(core, 'report.issue', { kind: 'engagement', subjectId: assessmentId, classification: 'CONFIDENTIAL' }),
    );
    let job = await record(call(core, 'report.progress', { jobId }));
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      job = await record(call(core, 'report.progress', { jobId }));
    }
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    const file = await call(core, 'report.file', { id: job.report!.id });
    reportPdf = Buffer.from(file.dataBase64, 'base64');
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    Object.assign(console, consoles);
    if (credentialId) await call(core, 'credential.delete', { id: credentialId }).catch(() => undefined);
    await core.close();
  }
  assertClean('IPC responses', JSON.stringify(responses));
  assertClean('raw dispatch results (errors included)', JSON.stringify(rawResults));
  assertClean('errors seen by the dispatcher', observed.map(describeError).join('\n'));
  assertClean('log output', logged.join('\n'));

  // The report: its words (pdftotext) and its raw objects with every stream inflated (qpdf).
  const dir = mkdtempSync(join(tmpdir(), 'attest-canary-report-'));
  try {
    const pdfPath = join(dir, 'report.pdf');
    assert.ok(reportPdf, 'a report was issued');
    writeFileSync(pdfPath, reportPdf);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8');
    assert.match(text, /GitHub/, 'the report lists the live-check runs, so this search can fail');
    assertClean('report text', text);
    execFileSync('qpdf', ['--stream-data=uncompress', '--object-streams=disable', pdfPath, join(dir, 'plain.pdf')]);
    assertClean('report objects, uncompressed', readFileSync(join(dir, 'plain.pdf')).toString('latin1'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Read the file back through the workspace's own decrypting open: every table, every blob.
  const ws = await openWorkspace(path, { passphrase: PASS });
  try {
    const tables = ws.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => r.name);
    assert.ok(tables.includes('check_runs') && tables.includes('evidence') && tables.includes('audit_log'));
    let rows = 0;
    for (const table of tables) {
      const dump = ws.query(`SELECT * FROM "${table}"`);
      rows += dump.length;
      assertClean(
        `table ${table}`,
        JSON.stringify(dump, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)),
      );
    }
    assert.ok(rows > 50, 'the dump has content');
    assert.equal(ws.query('SELECT id FROM check_runs').length, 9, 'every run was stored');
    for (const { id } of ws.query<{ id: string }>('SELECT id FROM blobs'))
      assertClean(`blob ${id}`, (await ws.getBlob(id)).toString('latin1'));
  } finally {
    await ws.close();
  }
});
