// Assessments, evidence, findings, search and the dashboard through the real dispatcher
// and the real encrypted store.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ControlStatus } from '../../../main/contract/vocabulary';
import type { Core } from '../../../main/core/core';
import { severityFor } from '../../../main/core/assessment/severity';
import { matchExpression } from '../../../main/core/catalog/search';
import { tempDir, testCore } from '../../support/core';
import { call, chosen, failure, upload } from '../../support/dispatch';

const PASS = 'assessment test passphrase';

async function withAssessment(run: (core: Core, id: string, path: string) => Promise<void>, catalogueIds = ['platform-baseline']) {
  const core = testCore();
  const path = join(tempDir(), 'assess.attest');
  try {
    await call(core, 'workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Assessment test', passphrase: PASS });
    const a = await call(core, 'assessment.create', {
      name: 'Q4 review',
      client: 'Northwind',
      assessor: 'Dana',
      periodStart: '2026-10-01',
      periodEnd: '2026-11-30',
      catalogueIds,
    });
    await run(core, a.id, path);
  } finally {
    await core.close();
  }
}

const set = (core: Core, assessmentId: string, controlId: string, status: ControlStatus, rationale = '') =>
  call(core, 'assessment.setResult', { assessmentId, catalogueId: 'platform-baseline', controlId, status, rationale });

test('results: status and rationale per control, N/A needs a justification, history is recorded', async () => {
  await withAssessment(async (core, id) => {
    const { row } = await set(core, id, 'S.A.1', 'met', 'RBAC roles reviewed in the IdP export');
    assert.equal(row.status, 'met');
    assert.match(row.updatedBy ?? '', /\(test\)$/);
    const na = await failure(core, 'assessment.setResult', {
      assessmentId: id,
      catalogueId: 'platform-baseline',
      controlId: 'S.A.2',
      status: 'not-applicable',
      rationale: '  ',
    });
    assert.equal(na.code, 'JUSTIFICATION_REQUIRED');
    await set(core, id, 'S.A.2', 'not-applicable', 'No shared accounts exist in scope');
    await set(core, id, 'S.A.1', 'partial', 'Two legacy admins bypass RBAC');
    await set(core, id, 'S.A.3', 'met');
    await set(core, id, 'S.A.3', 'not-assessed');
    const got = await call(core, 'assessment.get', { id });
    const byId = new Map(got.rows.map((r) => [r.controlId, r]));
    assert.equal(byId.get('S.A.1')?.status, 'partial');
    assert.equal(byId.get('S.A.2')?.status, 'not-applicable');
    assert.equal(byId.get('S.A.3')?.status, 'not-assessed', 'setting not assessed clears the result');
    assert.equal(got.assessment.assessed, 2);
    assert.equal(got.assessment.total, 78);
    const detail = await call(core, 'assessment.control', { assessmentId: id, catalogueId: 'platform-baseline', controlId: 'S.A.1' });
    assert.deepEqual(
      detail.history.map((h) => h.action),
      ['result.partial', 'result.met'],
    );
    const unknown = await failure(core, 'assessment.setResult', {
      assessmentId: id,
      catalogueId: 'platform-baseline',
      controlId: 'S.Z.9',
      status: 'met',
      rationale: '',
    });
    assert.equal(unknown.code, 'CONTROL_NOT_FOUND');
  });
});

test('evidence: notes, links and files within the limit; a larger file is refused with the limit named; remove and undo', async () => {
  await withAssessment(async (core, id) => {
    const ref = { assessmentId: id, catalogueId: 'platform-baseline', controlId: 'S.A.4' };
    const note = await call(core, 'evidence.add', { ...ref, kind: 'note', body: 'SSO enforced per the IdP policy screenshot.' });
    const link = await call(core, 'evidence.add', { ...ref, kind: 'link', url: 'https://idp.example/policies/sso' });
    const file = await call(core, 'evidence.add', { ...ref, kind: 'file', file: upload('idp-policy.txt', 'enforce_sso: true\n') });
    assert.equal(file.size, 18);
    assert.equal(file.mediaType, 'text/plain');
    assert.equal(link.title, 'https://idp.example/policies/sso');
    const back = await call(core, 'evidence.file', { id: file.id });
    assert.equal(Buffer.from(back.dataBase64, 'base64').toString(), 'enforce_sso: true\n');

    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 7);
    const tooBig = await failure(core, 'evidence.add', { ...ref, kind: 'file', file: upload('dump.bin', big) });
    assert.equal(tooBig.code, 'EVIDENCE_TOO_LARGE');
    assert.match(tooBig.message, /at most 10 MB/);
    const badLink = await failure(core, 'evidence.add', { ...ref, kind: 'link', url: 'javascript:alert(1)' });
    assert.equal(badLink.code, 'INVALID_REQUEST');
    assert.equal((await failure(core, 'evidence.add', { ...ref, kind: 'note', body: ' ' })).code, 'NOTE_EMPTY');

    await call(core, 'evidence.remove', { id: note.id });
    let detail = await call(core, 'assessment.control', ref);
    assert.deepEqual(
      detail.evidence.map((e) => e.kind),
      ['link', 'file'],
    );
    assert.equal(detail.row.evidenceCount, 2);
    await call(core, 'evidence.restore', { id: note.id });
    detail = await call(core, 'assessment.control', ref);
    assert.equal(detail.evidence.length, 3);
    assert.ok(detail.history.some((h) => h.action === 'evidence.remove'));
  });
});

test('finalising: the gaps are listed, an incomplete assessment is refused without an acknowledgement, and the log keeps what was accepted', async () => {
  await withAssessment(async (core, id) => {
    await set(core, id, 'S.A.1', 'not-met', 'Shared admin');
    const owned = await call(core, 'finding.create', {
      assessmentId: id,
      title: 'Owned and dated',
      likelihood: 2,
      impact: 2,
      owner: 'Ops',
      dueDate: '2027-01-31',
    });
    await call(core, 'finding.create', { assessmentId: id, title: 'Nobody owns this', likelihood: 3, impact: 3, dueDate: '2027-01-31' });
    await call(core, 'finding.create', { assessmentId: id, title: 'No date', likelihood: 3, impact: 3, owner: 'IT' });
    await call(core, 'finding.create', {
      assessmentId: id,
      title: 'Remediated needs neither',
      likelihood: 1,
      impact: 1,
      status: 'remediated',
    });
    const r = await call(core, 'assessment.readiness', { id });
    assert.equal(r.complete, false);
    assert.equal(r.unassessed, 77);
    assert.equal(r.unassessedControls.length, 25, 'the first 25 are named');
    assert.equal(r.unassessedControls[0]!.controlId, 'S.A.2');
    assert.equal(r.findingsWithoutOwner, 1);
    assert.equal(r.findingsWithoutDueDate, 1);
    assert.deepEqual(
      r.findings.map((f) => f.title),
      ['Nobody owns this', 'No date'],
    );
    assert.ok(!r.findings.some((f) => f.ref === owned.ref));

    await call(core, 'assessment.setState', { id, state: 'review' });
    const refused = await failure(core, 'assessment.setState', { id, state: 'final' });
    assert.equal(refused.code, 'ASSESSMENT_INCOMPLETE');
    assert.match(refused.message, /77 controls not assessed, 1 open finding without an owner, 1 open finding without a due date/);
    assert.equal((await call(core, 'assessment.get', { id })).assessment.state, 'review', 'nothing changed');
    assert.equal(
      (await failure(core, 'assessment.setState', { id, state: 'final', acknowledgeIncomplete: false })).code,
      'ASSESSMENT_INCOMPLETE',
    );

    await call(core, 'assessment.setState', { id, state: 'final', acknowledgeIncomplete: true });
    const audit = await call(core, 'audit.list', { limit: 3 });
    const fin = audit.entries.find((e) => e.action === 'assessment.final');
    assert.ok(fin);
    assert.match(fin.entity, /finalised incomplete: 77 controls not assessed/);
  });
});

test('finalising a complete assessment needs no acknowledgement', async () => {
  await withAssessment(
    async (core, id) => {
      const rows = (await call(core, 'assessment.get', { id })).rows;
      await call(core, 'assessment.setResults', {
        assessmentId: id,
        results: rows.map((r) => ({ catalogueId: r.catalogueId, controlId: r.controlId, status: 'met' as const })),
      });
      const r = await call(core, 'assessment.readiness', { id });
      assert.equal(r.complete, true);
      await call(core, 'assessment.setState', { id, state: 'review' });
      assert.equal((await call(core, 'assessment.setState', { id, state: 'final' })).state, 'final');
    },
    ['platform-baseline'],
  );
});

test('bulk: many controls in one commit, answering with what they were; the answer undoes it; a bad row changes nothing', async () => {
  await withAssessment(async (core, id) => {
    await set(core, id, 'S.A.1', 'partial', 'Two legacy admins');
    const ref = (controlId: string) => ({ catalogueId: 'platform-baseline', controlId });
    const before = (await call(core, 'audit.list', { limit: 1 })).entries[0]!.seq;
    const done = await call(core, 'assessment.setResults', {
      assessmentId: id,
      results: ['S.A.1', 'S.A.2', 'S.A.3'].map((c) => ({ ...ref(c), status: 'met' as const })),
    });
    assert.deepEqual(
      done.rows.map((r) => [r.controlId, r.status, r.rationale]),
      [
        ['S.A.1', 'met', 'Two legacy admins'],
        ['S.A.2', 'met', ''],
        ['S.A.3', 'met', ''],
      ],
    );
    assert.deepEqual(
      done.previous.map((p) => [p.controlId, p.status]),
      [
        ['S.A.1', 'partial'],
        ['S.A.2', 'not-assessed'],
        ['S.A.3', 'not-assessed'],
      ],
    );
    const audit = (await call(core, 'audit.list', { limit: 2 })).entries;
    assert.equal(audit[0]!.seq, before + 1, 'one commit for the whole step');
    assert.equal(audit[0]!.action, 'result.bulk');
    assert.match(audit[0]!.entity, /3 controls → met: S\.A\.1, S\.A\.2, S\.A\.3/);

    // The previous values, sent back, are the undo.
    await call(core, 'assessment.setResults', { assessmentId: id, results: done.previous });
    const got = new Map((await call(core, 'assessment.get', { id })).rows.map((r) => [r.controlId, r]));
    assert.equal(got.get('S.A.1')!.status, 'partial');
    assert.equal(got.get('S.A.1')!.rationale, 'Two legacy admins');
    assert.equal(got.get('S.A.2')!.status, 'not-assessed');

    // Not applicable without a rationale, or an unknown control: refused, nothing changed.
    const na = await failure(core, 'assessment.setResults', {
      assessmentId: id,
      results: [
        { ...ref('S.A.4'), status: 'met' },
        { ...ref('S.A.5'), status: 'not-applicable' },
      ],
    });
    assert.equal(na.code, 'JUSTIFICATION_REQUIRED');
    const unknown = await failure(core, 'assessment.setResults', {
      assessmentId: id,
      results: [
        { ...ref('S.A.4'), status: 'met' },
        { ...ref('S.Z.9'), status: 'met' },
      ],
    });
    assert.equal(unknown.code, 'CONTROL_NOT_FOUND');
    assert.equal((await call(core, 'assessment.get', { id })).rows.find((r) => r.controlId === 'S.A.4')!.status, 'not-assessed');

    // Findings: status, owner and due date of many at once; the previous values undo it.
    const mk = (title: string) => call(core, 'finding.create', { assessmentId: id, title, likelihood: 2, impact: 3 });
    const [a, b] = [await mk('First'), await mk('Second')];
    await call(core, 'finding.update', { id: b.id, title: 'Second', likelihood: 2, impact: 3, owner: 'Ops', dueDate: '2027-02-01' });
    const many = await call(core, 'finding.updateMany', {
      changes: [a, b].map((f) => ({ id: f.id, status: 'in-progress' as const, owner: 'Casey', dueDate: '2027-03-31' })),
    });
    assert.deepEqual(
      many.previous.map((p) => [p.status, p.owner, p.dueDate]),
      [
        ['open', '', null],
        ['open', 'Ops', '2027-02-01'],
      ],
    );
    let list = (await call(core, 'finding.list', { assessmentId: id })).findings;
    assert.ok(list.every((f) => f.status === 'in-progress' && f.owner === 'Casey' && f.dueDate === '2027-03-31'));
    await call(core, 'finding.updateMany', { changes: many.previous });
    list = (await call(core, 'finding.list', { assessmentId: id })).findings;
    assert.deepEqual(list.map((f) => [f.title, f.status, f.owner, f.dueDate]).sort(), [
      ['First', 'open', '', null],
      ['Second', 'open', 'Ops', '2027-02-01'],
    ]);
    const accept = await failure(core, 'finding.updateMany', { changes: [{ id: a.id, status: 'risk-accepted' }] });
    assert.equal(accept.code, 'JUSTIFICATION_REQUIRED');
  });
});

test('carry forward: a new assessment starts from an earlier one, its results marked until reviewed; finalising counts them', async () => {
  await withAssessment(async (core, id) => {
    await set(core, id, 'S.A.1', 'met', 'RBAC reviewed');
    await set(core, id, 'S.A.2', 'not-applicable', 'No shared accounts');
    const next = await call(core, 'assessment.create', {
      name: 'Q1 next year',
      client: 'Northwind',
      assessor: 'Dana',
      catalogueIds: ['platform-baseline'],
      carryFrom: id,
    });
    const rows = new Map((await call(core, 'assessment.get', { id: next.id })).rows.map((r) => [r.controlId, r]));
    assert.equal(rows.get('S.A.1')!.status, 'met');
    assert.equal(rows.get('S.A.1')!.rationale, 'RBAC reviewed');
    assert.equal(rows.get('S.A.1')!.carriedForward, true);
    assert.equal(rows.get('S.A.2')!.carriedForward, true);
    assert.equal(rows.get('S.A.3')!.carriedForward, false);
    assert.equal(next.assessed, 2);
    const created = (await call(core, 'audit.list', { limit: 1 })).entries[0]!;
    assert.match(created.entity, new RegExp(`carried forward from assessment:${id}`));
    assert.equal((await call(core, 'assessment.readiness', { id: next.id })).carriedForward, 2);

    // Setting a result again (alone or in bulk) is the review: the mark goes.
    await set(core, next.id, 'S.A.1', 'met', 'RBAC reviewed again');
    await call(core, 'assessment.setResults', {
      assessmentId: next.id,
      results: [{ catalogueId: 'platform-baseline', controlId: 'S.A.2', status: 'not-applicable' }],
    });
    const after = (await call(core, 'assessment.get', { id: next.id })).rows.filter((r) => r.carriedForward);
    assert.deepEqual(after, []);
    // The earlier assessment is untouched; an unknown one is refused.
    assert.equal((await call(core, 'assessment.get', { id })).rows.find((r) => r.controlId === 'S.A.1')!.carriedForward, false);
    const bad = await failure(core, 'assessment.create', {
      name: 'x',
      client: 'y',
      assessor: 'z',
      catalogueIds: ['platform-baseline'],
      carryFrom: 'asm_missing',
    });
    assert.equal(bad.code, 'ASSESSMENT_NOT_FOUND');
  });
});

test('a result change queued behind the finalising commit is refused inside the commit queue, not written', async () => {
  await withAssessment(async (core, id) => {
    await call(core, 'assessment.setState', { id, state: 'review' });
    const ref = { assessmentId: id, catalogueId: 'platform-baseline', controlId: 'S.A.1' };
    // Both are asked for while the assessment is still in review; the result's turn comes after it is final.
    const [final, late] = await Promise.allSettled([
      call(core, 'assessment.setState', { id, state: 'final', acknowledgeIncomplete: true }),
      call(core, 'assessment.setResult', { ...ref, status: 'met', rationale: 'late' }),
    ]);
    assert.equal(final.status, 'fulfilled');
    assert.equal(late.status, 'rejected');
    assert.equal((late as PromiseRejectedResult).reason.code, 'ASSESSMENT_FINAL');
    const got = await call(core, 'assessment.get', { id });
    assert.equal(got.assessment.state, 'final');
    assert.equal(got.rows.find((r) => r.controlId === 'S.A.1')?.status, 'not-assessed', 'nothing was written after finalising');
    const audit = await call(core, 'audit.list', { limit: 5 });
    assert.equal(
      audit.entries.some((e) => e.action === 'result.met'),
      false,
    );
  });
});

test('workflow: draft → review → final is read-only; reopening needs a reason that the audit log keeps', async () => {
  await withAssessment(async (core, id) => {
    assert.equal((await failure(core, 'assessment.setState', { id, state: 'final' })).code, 'INVALID_STATE_CHANGE');
    await call(core, 'assessment.setState', { id, state: 'review' });
    const final = await call(core, 'assessment.setState', { id, state: 'final', acknowledgeIncomplete: true });
    assert.equal(final.state, 'final');
    const ref = { assessmentId: id, catalogueId: 'platform-baseline', controlId: 'S.A.1' };
    assert.equal((await failure(core, 'assessment.setResult', { ...ref, status: 'met' })).code, 'ASSESSMENT_FINAL');
    assert.equal((await failure(core, 'evidence.add', { ...ref, kind: 'note', body: 'late' })).code, 'ASSESSMENT_FINAL');
    assert.equal(
      (await failure(core, 'finding.create', { assessmentId: id, title: 'x', likelihood: 1, impact: 1 })).code,
      'ASSESSMENT_FINAL',
    );
    assert.equal(
      (await failure(core, 'assessment.update', { id, name: 'Renamed', client: 'Northwind', assessor: 'Dana' })).code,
      'ASSESSMENT_FINAL',
    );
    assert.equal((await failure(core, 'assessment.setState', { id, state: 'review' })).code, 'REASON_REQUIRED');
    await call(core, 'assessment.setState', { id, state: 'review', reason: 'Client sent new evidence for S.A.1' });
    const audit = await call(core, 'audit.list', { limit: 5 });
    const reopen = audit.entries.find((e) => e.action === 'assessment.reopen');
    assert.ok(reopen, 'reopen is audited');
    assert.match(reopen.entity, /Client sent new evidence/);
    await set(core, id, 'S.A.1', 'met', 'Evidence received');
  });
});

test('findings: severity from likelihood × impact, override needs a reason, risk acceptance needs justification and expiry', async () => {
  await withAssessment(async (core, id) => {
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) assert.ok(severityFor(l, i));
    assert.equal(severityFor(4, 5), 'critical');
    assert.equal(severityFor(3, 4), 'high');
    assert.equal(severityFor(2, 3), 'medium');
    assert.equal(severityFor(1, 3), 'low');
    assert.equal(severityFor(1, 2), 'info');

    const f = await call(core, 'finding.create', {
      assessmentId: id,
      title: 'Shared admin account',
      likelihood: 4,
      impact: 4,
      owner: 'IT ops',
      dueDate: '2020-01-31',
      controls: [{ catalogueId: 'platform-baseline', controlId: 'S.A.2' }],
    });
    assert.equal(f.ref, 'F-001');
    assert.equal(f.severity, 'high');
    assert.equal(f.overdue, true);
    assert.deepEqual(
      f.controls.map((c) => c.controlId),
      ['S.A.2'],
    );

    const base = {
      id: f.id,
      title: f.title,
      likelihood: 4,
      impact: 4,
      owner: 'IT ops',
      controls: f.controls.map(({ catalogueId, controlId }) => ({ catalogueId, controlId })),
    };
    assert.equal((await failure(core, 'finding.update', { ...base, severityOverride: 'critical' })).code, 'REASON_REQUIRED');
    const overridden = await call(core, 'finding.update', {
      ...base,
      severityOverride: 'critical',
      severityOverrideReason: 'Internet-facing',
    });
    assert.equal(overridden.severity, 'critical');
    assert.equal(overridden.computedSeverity, 'high');
    assert.equal((await failure(core, 'finding.update', { ...base, status: 'risk-accepted' })).code, 'JUSTIFICATION_REQUIRED');
    assert.equal(
      (await failure(core, 'finding.update', { ...base, status: 'risk-accepted', acceptanceJustification: 'Replaced in Q1' })).code,
      'EXPIRY_REQUIRED',
    );
    const accepted = await call(core, 'finding.update', {
      ...base,
      status: 'risk-accepted',
      acceptanceJustification: 'Replaced in Q1',
      acceptanceExpires: '2099-03-31',
    });
    assert.equal(accepted.status, 'risk-accepted');
    assert.equal(accepted.overdue, false);

    const notFailed = await failure(core, 'finding.fromControl', {
      assessmentId: id,
      catalogueId: 'platform-baseline',
      controlId: 'S.A.4',
    });
    assert.equal(notFailed.code, 'CONTROL_NOT_FAILED');
    await set(core, id, 'S.A.4', 'not-met', 'Two apps outside SSO');
    const fromControl = await call(core, 'finding.fromControl', { assessmentId: id, catalogueId: 'platform-baseline', controlId: 'S.A.4' });
    assert.equal(fromControl.ref, 'F-002');
    assert.match(fromControl.title, /^Not met: /);
    assert.match(fromControl.description, /Two apps outside SSO/);
    assert.equal(fromControl.remediation, '', 'the remediation starts empty: auditor guidance is not client advice');
    assert.equal((await call(core, 'assessment.get', { id })).rows.find((r) => r.controlId === 'S.A.4')?.findingCount, 1);

    await call(core, 'finding.remove', { id: fromControl.id });
    assert.deepEqual(
      (await call(core, 'finding.list', { assessmentId: id })).findings.map((x) => x.ref),
      ['F-001'],
    );
    await call(core, 'finding.restore', { id: fromControl.id });
    assert.equal((await call(core, 'finding.list', { assessmentId: id })).findings.length, 2);
  });
});

test('dashboard: weighted scores per catalogue and category, findings by severity, overdue; compare shows what changed', async () => {
  await withAssessment(async (core, id) => {
    const detail = await call(core, 'catalog.get', { id: 'platform-baseline' });
    const weight = new Map(detail.controls.map((c) => [c.id, c.weight ?? 1]));
    const plan: [string, ControlStatus][] = [
      ['S.A.1', 'met'],
      ['S.A.2', 'partial'],
      ['S.A.3', 'not-met'],
      ['S.A.4', 'met'],
      ['S.C.1', 'not-applicable'],
      ['S.N.1', 'met'],
    ];
    for (const [c, s] of plan) await set(core, id, c, s, s === 'not-applicable' ? 'Out of scope' : '');
    const value = { met: 1, partial: 0.5, 'not-met': 0 } as Record<string, number>;
    const scored = plan.filter(([, s]) => s in value);
    const expected =
      (100 * scored.reduce((n, [c, s]) => n + value[s]! * weight.get(c)!, 0)) / scored.reduce((n, [c]) => n + weight.get(c)!, 0);
    await call(core, 'finding.create', { assessmentId: id, title: 'Late fix', likelihood: 5, impact: 5, dueDate: '2026-01-01' });
    await call(core, 'finding.create', { assessmentId: id, title: 'Minor', likelihood: 1, impact: 1 });

    const d = await call(core, 'dashboard.get', { assessmentId: id, today: '2026-11-23' });
    assert.equal(d.overall.score, Math.round(expected * 10) / 10);
    assert.deepEqual([d.overall.met, d.overall.partial, d.overall.notMet, d.overall.notApplicable], [3, 1, 1, 1]);
    assert.equal(d.overall.notAssessed, 72);
    assert.equal(d.catalogues[0]!.score, d.overall.score);
    const access = d.categories.find((c) => c.id === 'system-access');
    assert.ok(access && access.score !== null);
    assert.equal(d.findingsBySeverity.critical, 1);
    assert.equal(d.findingsBySeverity.info, 1);
    assert.deepEqual(
      d.overdue.map((f) => f.title),
      ['Late fix'],
    );

    const later = await call(core, 'assessment.create', {
      name: 'Q1 follow-up',
      client: 'Northwind',
      assessor: 'Dana',
      catalogueIds: ['platform-baseline'],
    });
    await set(core, later.id, 'S.A.3', 'met', 'Fixed');
    await set(core, later.id, 'S.A.1', 'met');
    const cmp = await call(core, 'dashboard.compare', { from: id, to: later.id });
    assert.deepEqual(
      cmp.changes.map((c) => [c.controlId, c.from, c.to]),
      [
        ['S.A.2', 'partial', 'not-assessed'],
        ['S.A.3', 'not-met', 'met'],
        ['S.A.4', 'met', 'not-assessed'],
        ['S.C.1', 'not-applicable', 'not-assessed'],
        ['S.N.1', 'met', 'not-assessed'],
      ],
    );
    assert.deepEqual(cmp.findings.closed.sort(), ['Late fix', 'Minor']);
    assert.equal(cmp.overall.to, 100);
    const other = await call(core, 'assessment.create', {
      name: 'Other',
      client: 'Contoso',
      assessor: 'Dana',
      catalogueIds: ['platform-baseline'],
    });
    assert.equal((await failure(core, 'dashboard.compare', { from: id, to: other.id })).code, 'COMPARE_DIFFERENT_SCOPE');
  });
});

test('search: FTS4 over id, title, statement and guidance with filters; any typed text is safe; survives a reopen', async () => {
  await withAssessment(async (core, id, path) => {
    const sso = await call(core, 'catalog.search', { text: 'single sign-on' });
    const ids = sso.hits.map((h) => `${h.catalogueId}/${h.controlId}`);
    assert.ok(ids.includes('platform-baseline/S.A.4'), ids.join(', '));
    assert.ok(sso.hits.some((h) => h.catalogueId === 'tines-hardening'));
    assert.ok(
      sso.hits.every((h) => h.snippet.includes('\u0002') && h.snippet.includes('\u0003')),
      'snippets mark the match',
    );
    const byId = await call(core, 'catalog.search', { text: 'S.V.8' });
    assert.ok(byId.hits.some((h) => h.controlId === 'S.V.8'));
    const filtered = await call(core, 'catalog.search', { text: 'single sign-on', catalogueId: 'tines-hardening' });
    assert.ok(filtered.total >= 1 && filtered.hits.every((h) => h.catalogueId === 'tines-hardening'));
    const category = await call(core, 'catalog.search', { text: '', catalogueId: 'platform-baseline', category: 'system-access' });
    assert.equal(category.total, 25);

    const everything = (await call(core, 'catalog.search', { text: '' })).total;
    for (const hostile of ['"', 'AND OR NOT', '*', 'a"b*(c)', 'NEAR/3', '-', '\u0000', "'; DROP TABLE controls; --"]) {
      // Hostile text is searched as words, never as query syntax: no error; text with no
      // word in it filters nothing, as an empty search box does.
      const r = await call(core, 'catalog.search', { text: hostile });
      assert.ok(Number.isInteger(r.total) && r.hits.length <= r.total, hostile);
      const words = hostile.toLowerCase().match(/[a-z0-9]+/g) ?? [];
      if (words.length === 0) assert.equal(r.total, everything, `${JSON.stringify(hostile)} has no words: nothing is filtered`);
      else assert.ok(r.total < everything, `${JSON.stringify(hostile)} filters by its words`);
    }
    // …and the index is intact afterwards.
    assert.ok((await call(core, 'catalog.search', { text: 'S.V.8' })).hits.some((h) => h.controlId === 'S.V.8'));
    assert.equal(matchExpression('  '), null);
    assert.equal(matchExpression('Single sign-on'), 'single* "sign on*"');
    assert.equal(matchExpression('S.A.3 "x" AND'), '"s a 3*" x* and*');

    await set(core, id, 'S.A.4', 'not-met');
    await set(core, id, 'S.A.5', 'met');
    const notMet = await call(core, 'catalog.search', { text: '', assessmentId: id, status: 'not-met' });
    assert.deepEqual(
      notMet.hits.map((h) => [h.controlId, h.status]),
      [['S.A.4', 'not-met']],
    );
    const pending = await call(core, 'catalog.search', { text: '', assessmentId: id, status: 'not-assessed', limit: 1000 });
    assert.equal(pending.total, 76);

    await call(core, 'workspace.close', {});
    await call(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace'), passphrase: PASS });
    const again = await call(core, 'catalog.search', { text: 'single sign-on' });
    assert.deepEqual(
      again.hits.map((h) => h.controlId),
      sso.hits.map((h) => h.controlId),
    );
  });
});
