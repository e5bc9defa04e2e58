// What `attest demo` puts in a workspace for assessments, read back through the core's
// channels: two reviews of Northwind Health, a realistic results mix with rationales,
// evidence of every kind, findings (overdue, risk-accepted, remediated), a dashboard and
// a Q2 → Q4 comparison. (Creation and --if-missing are covered in test/unit/cli/.)
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AssessmentRow, AssessmentSummary } from '../../../main/contract/assessment';
import type { Core } from '../../../main/core/core';
import { Q4_EVIDENCE, Q4_FINDINGS, Q4_RESULTS, Q4_STILL_CARRIED } from '../../../main/core/demo/assessment-demo';
import { CORRECTED, STILL_CARRIED } from '../../../main/core/demo/questionnaire-demo';
import { STORY_DAY, demoDates } from '../../../main/core/demo/dates';
import { DEMO_PASSPHRASE } from '../../../main/core/demo/demo';
import { LATE_SENT_AT, LATE_TEMPLATE } from '../../../main/core/demo/vendor-followup-demo';
import { cli } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { call, chosen, failure } from '../../support/dispatch';

// The demo is dated from the day it is made: its story's dates move to today.
const dates = demoDates(new Date());
const TODAY = dates.today;
const dir = tempDir('attest-demo-');
const path = join(dir, 'demo.attest');
let core: Core;
let q2: AssessmentSummary;
let q4: AssessmentSummary;
let rows: AssessmentRow[];

before(async () => {
  const r = await cli(['demo', path, '--json'], { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: '' });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).seeded.some((s: string) => s.startsWith('two assessments of Northwind Health')));
  const verified = await cli(['verify', path], { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: DEMO_PASSPHRASE });
  assert.equal(verified.code, 0, `the demo's records and audit chain verify: ${verified.stdout}${verified.stderr}`);
  core = testCore();
  await call(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace'), passphrase: DEMO_PASSPHRASE, remember: false });
  const { assessments } = await call(core, 'assessment.list', {});
  assert.equal(assessments.length, 2);
  [q4, q2] = assessments as [AssessmentSummary, AssessmentSummary];
  rows = (await call(core, 'assessment.get', { id: q4.id })).rows;
});

after(async () => {
  await core?.close();
});

test('two assessments of Northwind Health: Q4 in review over three catalogues, Q2 final over the baseline', () => {
  assert.equal(q4.name, dates.text('Northwind Health – Q4 2026 platform review'));
  assert.equal(q4.state, 'review');
  assert.deepEqual(
    [q4.client, q4.assessor, q4.periodStart, q4.periodEnd],
    ['Northwind Health', 'Dana Reyes', dates.text('2026-10-01'), dates.text('2026-11-30')],
  );
  assert.deepEqual(
    q4.catalogues.map((c) => c.id),
    ['platform-baseline', 'tines-hardening', 'retool-hardening'],
  );
  assert.equal(q2.name, dates.text('Northwind Health – Q2 2026 platform review'));
  assert.equal(q2.state, 'final');
  assert.equal(q2.client, q4.client);
  assert.deepEqual(
    q2.catalogues.map((c) => c.id),
    ['platform-baseline'],
  );
  for (const c of [...q4.catalogues, ...q2.catalogues]) assert.match(c.hash, /^sha256:[0-9a-f]{64}$/);
});

test('about 60 % of Q4 is assessed, mostly met, with partial, not met and justified not-applicable results', async () => {
  const count = (s: AssessmentRow['status']) => rows.filter((r) => r.status === s).length;
  const assessed = rows.filter((r) => r.status !== 'not-assessed');
  assert.equal(q4.assessed, assessed.length);
  assert.equal(q4.total, rows.length);
  const share = assessed.length / rows.length;
  assert.ok(share >= 0.55 && share <= 0.65, `assessed share ${share}`);
  assert.ok(count('met') > assessed.length / 2, 'mostly met');
  assert.ok(count('partial') >= 5 && count('partial') < count('met'));
  assert.ok(count('not-met') >= 3 && count('not-met') < count('partial'));
  assert.ok(count('not-applicable') >= 2 && count('not-applicable') <= 4);
  for (const r of assessed) assert.ok(r.rationale.length >= 40, `${r.controlId} has a written rationale`);
  // Exactly what the seeder recorded, read back through the core, except where the
  // assessor later accepted a live check's suggestion: that rationale cites the run.
  const { runs } = await call(core, 'check.results', { assessmentId: q4.id });
  const accepted = new Map(
    runs
      .filter((r) => r.decision === 'accepted')
      .flatMap((r) => r.controls.map((c): [string, string] => [`${c.catalogueId}/${c.controlId}`, r.id])),
  );
  assert.ok(accepted.size >= 1, 'the demo accepts at least one live-check suggestion');
  const byKey = new Map(rows.map((r) => [`${r.catalogueId}/${r.controlId}`, r]));
  for (const [catalogueId, controlId, status, rationale] of Q4_RESULTS) {
    const key = `${catalogueId}/${controlId}`;
    const row = byKey.get(key);
    const runId = accepted.get(key);
    if (runId) assert.match(row?.rationale ?? '', new RegExp(`^Live check .*\\(run ${runId}, `), key);
    else assert.deepEqual([row?.status, row?.rationale], [status, dates.text(rationale)], key);
  }
  assert.equal(assessed.length, Q4_RESULTS.length);
});

test('evidence: notes, links and one text file on several controls', async () => {
  const withEvidence = rows.filter((r) => r.evidenceCount > 0);
  const perControl = await Promise.all(
    withEvidence.map((r) => call(core, 'assessment.control', { assessmentId: q4.id, catalogueId: r.catalogueId, controlId: r.controlId })),
  );
  const all = perControl.flatMap((c) => c.evidence);
  assert.equal(
    all.length,
    rows.reduce((n, r) => n + r.evidenceCount, 0),
  );
  // Live-check evidence comes from the checks seeder; the assessor's own is counted here.
  const own = perControl.map((c) => c.evidence.filter((e) => e.kind !== 'check'));
  const items = own.flat();
  assert.equal(items.length, Q4_EVIDENCE.length);
  assert.ok(own.filter((list) => list.length > 0).length >= 6, 'spread over several controls');
  const kinds = (k: string) => items.filter((e) => e.kind === k).length;
  assert.ok(kinds('note') >= 3 && kinds('link') >= 3);
  assert.equal(kinds('file'), 1);
  const file = items.find((e) => e.kind === 'file')!;
  assert.equal(file.mediaType, 'text/plain');
  const bytes = await call(core, 'evidence.file', { id: file.id });
  const text = Buffer.from(bytes.dataBase64, 'base64').toString('utf8');
  assert.match(text, /content-security-policy: .*'unsafe-inline'/);
  assert.equal(file.size, Buffer.byteLength(text));
});

test('findings: 6–8 from failed controls, with owners and due dates, some overdue, one risk accepted, one remediated', async () => {
  const { findings } = await call(core, 'finding.list', { assessmentId: q4.id });
  assert.equal(findings.length, Q4_FINDINGS.length);
  assert.ok(findings.length >= 6 && findings.length <= 8);
  const status = new Map(rows.map((r) => [`${r.catalogueId}/${r.controlId}`, r.status]));
  for (const f of findings) {
    assert.ok(f.owner && f.dueDate && f.description && f.remediation, `${f.ref} is complete`);
    assert.ok(f.controls.length > 0, `${f.ref} names its control`);
    for (const c of f.controls)
      assert.match(status.get(`${c.catalogueId}/${c.controlId}`)!, /^(not-met|partial)$/, `${f.ref} comes from a failed control`);
  }
  const accepted = findings.filter((f) => f.status === 'risk-accepted');
  assert.equal(accepted.length, 1);
  assert.ok(accepted[0]!.acceptanceJustification!.length > 40);
  assert.ok(accepted[0]!.acceptanceExpires! > TODAY);
  assert.equal(findings.filter((f) => f.status === 'remediated').length, 1);
  const overdue = findings.filter((f) => (f.status === 'open' || f.status === 'in-progress') && f.dueDate! < TODAY);
  assert.ok(overdue.length >= 2, `some findings are overdue on ${TODAY}`);
  assert.ok(
    findings.some((f) => f.dueDate! > TODAY && f.status === 'open'),
    'and some are not yet due',
  );
  assert.ok(new Set(findings.map((f) => f.severity)).size >= 2, 'more than one severity');
});

test('the dashboard scores Q4 and lists its overdue findings', async () => {
  const d = await call(core, 'dashboard.get', { assessmentId: q4.id, today: TODAY });
  assert.equal(typeof d.overall.score, 'number');
  assert.ok(d.overall.score! > 50 && d.overall.score! < 95, `score ${d.overall.score}`);
  assert.equal(d.overall.notAssessed, q4.total - q4.assessed);
  assert.equal(d.catalogues.length, 3);
  for (const c of d.catalogues) assert.equal(typeof c.score, 'number', c.id);
  assert.deepEqual(
    d.overdue.map((f) => f.title).sort(),
    Q4_FINDINGS.filter((f) => (f.status === 'open' || f.status === 'in-progress') && !f.later && f.dueDate! < STORY_DAY)
      .map((f) => f.title)
      .sort(),
  );
  assert.equal(d.findingsByStatus['risk-accepted'], 1);
  assert.equal(d.findingsByStatus.remediated, 1);
});

test('comparing Q2 with Q4 lists changed controls and findings opened and closed', async () => {
  const c = await call(core, 'dashboard.compare', { from: q2.id, to: q4.id });
  assert.equal(typeof c.overall.from, 'number');
  assert.equal(typeof c.overall.to, 'number');
  const changed = c.changes.filter((x) => x.from !== 'not-assessed' && x.to !== 'not-assessed');
  assert.ok(changed.length >= 5, 'several controls changed status');
  assert.ok(
    changed.some((x) => x.controlId === 'S.A.3' && x.from === 'partial' && x.to === 'met'),
    'an improvement',
  );
  assert.ok(
    changed.some((x) => x.controlId === 'S.D.3' && x.from === 'met' && x.to === 'not-met'),
    'a regression',
  );
  assert.deepEqual(c.findings.closed.sort(), ['Dependency scanning missing on the API repository', 'SMS accepted as a second factor']);
  assert.ok(c.findings.opened.includes('Tines webhooks accept unauthenticated requests'));
  assert.ok(!c.findings.opened.includes('Static credentials not rotated on schedule'), 'carried over, not new');
});

test('the final Q2 review is read-only', async () => {
  const e = await failure(core, 'assessment.setResult', {
    assessmentId: q2.id,
    catalogueId: 'platform-baseline',
    controlId: 'S.A.1',
    status: 'partial',
    rationale: 'x',
  });
  assert.equal(e.code, 'ASSESSMENT_FINAL');
});

test('the starter library: the FedRAMP LI-SaaS baseline is in the demo with its parameter values and parts', async () => {
  const { catalogues } = await call(core, 'catalog.list', {});
  const fedramp = catalogues.find((c) => c.id === 'fedramp-rev5-li-saas');
  assert.ok(fedramp, `catalogues: ${catalogues.map((c) => c.id).join(', ')}`);
  const detail = await call(core, 'catalog.get', { id: fedramp.id });
  assert.ok(detail.controls.length > 100, `${detail.controls.length} controls`);
  const ac1 = detail.controls.find((c) => c.id === 'ac-1');
  assert.ok(ac1, 'AC-1 is in the baseline');
  // FedRAMP's own value (from constraints), not the generic "organization-defined" wording.
  assert.doesNotMatch(ac1.statement, /organization-defined frequency/);
  assert.ok(
    detail.controls.some((c) => (c.parts ?? []).length > 0),
    'parts are kept',
  );
});

test('a CAIQ-style questionnaire: the template read from its workbook, and the first vendor’s completed copy as its answers', async () => {
  const { templates } = await call(core, 'template.list', {});
  const caiq = templates.find((t) => t.id === 'caiq-demo');
  assert.ok(caiq, `templates: ${templates.map((t) => t.id).join(', ')}`);
  assert.equal(caiq.questions, 7);
  assert.equal(caiq.sections, 2);
  const { questionnaires } = await call(core, 'questionnaire.list', {});
  const answered = questionnaires.find((q) => q.templateId === 'caiq-demo');
  assert.ok(answered);
  const got = await call(core, 'questionnaire.get', { id: answered.id });
  assert.equal(got.answers.length, 7);
  assert.equal(got.answers.find((a) => a.questionId === 'IAM-04.1')?.value, 'na');
  assert.ok(got.score && got.score.overall < 100, 'two No answers are gaps');
});

test('the questionnaire tracker shows a late questionnaire: sent on the story’s 12 October, not answered, due date passed', async () => {
  const { rows } = await call(core, 'questionnaire.tracker', {});
  const late = rows.filter((r) => r.stage === 'overdue');
  assert.equal(late.length, 1, rows.map((r) => `${r.vendorName} ${r.stage}`).join(', '));
  const row = late[0]!;
  assert.equal(row.vendorName, 'PayFlow Payroll');
  assert.equal(row.templateTitle, LATE_TEMPLATE.title);
  assert.equal(row.sentAt, dates.text(LATE_SENT_AT));
  assert.ok(row.dueDate! < TODAY, `due ${row.dueDate}, today ${TODAY}`);
  assert.equal(row.answered, 0);
  assert.equal(rows[0]!.questionnaireId, row.questionnaireId, 'the late one is listed first');
  assert.ok(
    rows.some((r) => r.stage === 'awaiting'),
    'another one is sent and still within its time',
  );
});

test('vendor findings with owners and due dates, one overdue and one in progress, listed in Findings beside assessment findings', async () => {
  const { findings } = await call(core, 'finding.list', { subjects: 'vendors' });
  assert.ok(findings.length >= 5, `${findings.length} vendor findings`);
  assert.ok(findings.every((f) => f.vendorId && f.ref.startsWith('V-') && f.owner && f.dueDate));
  const desk = findings.filter((f) => f.vendorName === 'DeskDirect');
  assert.equal(desk.length, 3);
  assert.deepEqual(
    desk.map((f) => f.dueDate).sort(),
    ['2026-11-15', '2026-12-20', '2027-01-31'].map((d) => dates.text(d)),
  );
  assert.equal(desk.filter((f) => f.overdue).length, 1, 'one is past its due date');
  assert.equal(desk.filter((f) => f.status === 'in-progress').length, 1);
  const all = await call(core, 'finding.list', { subjects: 'all' });
  assert.equal(all.findings.length, findings.length + (await call(core, 'finding.list', {})).findings.length);
});

test('Q4 was carried forward from Q2: the baseline controls nobody has set again are still flagged for review', () => {
  const carried = rows.filter((r) => r.carriedForward);
  assert.deepEqual(
    carried.map((r) => `${r.catalogueId}/${r.controlId}`).sort(),
    Q4_STILL_CARRIED.map((c) => `platform-baseline/${c}`).sort(),
  );
  for (const r of carried) assert.notEqual(r.status, 'not-assessed');
});

test("the first vendor's current cycle started from last year's: some answers still carried, one corrected by the analyst", async () => {
  const { questionnaires } = await call(core, 'questionnaire.list', {});
  const current = questionnaires.find((q) => q.carry !== null);
  assert.ok(current, 'one questionnaire started from an earlier one');
  const last = questionnaires.find((q) => q.id === current.carry!.fromId)!;
  assert.equal(last.vendorId, current.vendorId);
  assert.equal(last.state, 'concluded');
  // Cycles move with the demo's day: last year's is the one before the current one.
  assert.equal(Number(current.cycle) - Number(last.cycle), 1);
  assert.equal(current.cycle, dates.shift({ cycle: '2026' }).cycle);
  assert.equal(current.carriedForward, STILL_CARRIED.length);
  assert.equal(current.corrected, 1);
  const got = await call(core, 'questionnaire.get', { id: current.id });
  assert.deepEqual(
    got.answers.filter((a) => a.source === 'carried').map((a) => a.questionId),
    STILL_CARRIED,
  );
  const corrected = got.answers.find((a) => a.source === 'analyst')!;
  assert.deepEqual([corrected.questionId, corrected.value, corrected.comment], [CORRECTED.questionId, 48, dates.text(CORRECTED.note)]);
  assert.notEqual(corrected.original?.value, 48, "the vendor's own answer is kept beside the correction");
  assert.ok(got.score, 'the cycle is scored, the carried answers counted as answers');
  assert.equal(
    (await failure(core, 'questionnaire.conclude', { id: current.id, conclusion: 'approve', rationale: 'x' })).code,
    'QUESTIONNAIRE_NEEDS_REVIEW',
  );
});
