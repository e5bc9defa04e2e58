// OSCAL out and back: the assessment plan, assessment results and POA&M Attest writes
// validate against NIST's 1.0.6 JSON schemas; the POA&M carries OSCAL's own risk
// characterizations, owner parties and dated remediations; assessment results exported
// from one workspace rebuild the same assessment in a fresh one.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { osKeychain } from '../../../main/core/keychain/keychain';
import { tempDir, testCore } from '../../support/core';
import { call, chosen, failure } from '../../support/dispatch';
import { cli } from '../../support/cli';
import { requirePart } from '../../support/require';
import { withWorkspace } from '../report/workspace-fixture';

const OSCAL = join(import.meta.dirname, '../../../../shared/corpora/oscal');
const haveSchemas = existsSync(join(OSCAL, 'oscal_assessment-plan_schema-1.0.6.json'));

function validator(file: string) {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(OSCAL, file), 'utf8')) as object);
}
const json = (d: { dataBase64: string }) =>
  JSON.parse(Buffer.from(d.dataBase64, 'base64').toString('utf8')) as Record<string, Record<string, unknown>>;
type J = Record<string, unknown>;
const list = (v: unknown) => (Array.isArray(v) ? (v as J[]) : []);

test('the assessment plan validates against the OSCAL 1.0.6 assessment-plan schema and lists every control', async (t) => {
  if (!requirePart(t, haveSchemas, 'the OSCAL 1.0.6 schemas in ../shared/corpora/oscal')) return;
  const ap = validator('oscal_assessment-plan_schema-1.0.6.json');
  await withWorkspace(async ({ core, q4, q2 }) => {
    for (const id of [q4, q2]) {
      const doc = json(await call(core, 'export.oscalAssessmentPlan', { assessmentId: id }));
      assert.ok(ap(doc), JSON.stringify(ap.errors?.slice(0, 5), null, 1));
      const rows = (await call(core, 'assessment.get', { id })).rows;
      const plan = doc['assessment-plan']!;
      const selected = list(list((plan['reviewed-controls'] as J)['control-selections'])[0]!['include-controls']);
      assert.equal(selected.length, rows.length);
    }
    // The check can fail: a plan without its reviewed controls is rejected.
    const broken = json(await call(core, 'export.oscalAssessmentPlan', { assessmentId: q4 }));
    delete broken['assessment-plan']!['reviewed-controls'];
    assert.equal(ap(broken), false);
  });
});

test('POA&M risks carry severity, likelihood and impact as facets, owners as parties and remediations with due dates', async (t) => {
  if (!requirePart(t, haveSchemas, 'the OSCAL 1.0.6 schemas in ../shared/corpora/oscal')) return;
  const poamSchema = validator('oscal_poam_schema-1.0.6.json');
  await withWorkspace(async ({ core, q4 }) => {
    const findings = (await call(core, 'finding.list', { assessmentId: q4 })).findings;
    const owned = findings.find((f) => f.owner.trim() && f.dueDate);
    assert.ok(owned, 'the demo has a finding with an owner and a due date');
    const doc = json(await call(core, 'export.oscalPoam', { assessmentId: q4 }));
    assert.ok(poamSchema(doc), JSON.stringify(poamSchema.errors?.slice(0, 5), null, 1));
    const poam = doc['plan-of-action-and-milestones']!;
    const risks = list(poam.risks);
    assert.equal(risks.length, findings.length);
    const risk = risks.find((r) => r.title === owned.title)!;
    const facets = Object.fromEntries(list(list(risk.characterizations)[0]!.facets).map((f) => [f.name, f.value]));
    assert.deepEqual(facets, { severity: owned.severity, likelihood: String(owned.likelihood), impact: String(owned.impact) });
    // No private severity/owner props any more.
    assert.ok(!list(risk.props).some((p) => p.name === 'severity' || p.name === 'owner'));
    const parties = list((poam.metadata as J).parties);
    const ownerParty = parties.find((p) => p.name === owned.owner.trim());
    assert.ok(ownerParty, 'the owner is a party');
    const remediation = list(risk.remediations)[0]!;
    const task = list(remediation.tasks)[0]!;
    assert.equal(((task.timing as J)['on-date'] as J).date, `${owned.dueDate}T00:00:00Z`);
    assert.deepEqual(list(task['responsible-roles'])[0]!['party-uuids'], [ownerParty.uuid]);
    assert.equal(risk.deadline, `${owned.dueDate}T00:00:00Z`);
    const item = list(poam['poam-items']).find((i) => i.title === `${owned.ref} ${owned.title}`)!;
    assert.equal(list(list(item.origins)[0]!.actors)[0]!['actor-uuid'], ownerParty.uuid);
  });
});

test('assessment results exported by Attest import into a fresh workspace as the same assessment', async (t) => {
  if (!requirePart(t, haveSchemas, 'the OSCAL 1.0.6 schemas in ../shared/corpora/oscal')) return;
  const arSchema = validator('oscal_assessment-results_schema-1.0.6.json');
  await withWorkspace(async ({ core, q4 }) => {
    const exported = await call(core, 'export.oscalAssessmentResults', { assessmentId: q4 });
    assert.ok(arSchema(json(exported)), JSON.stringify(arSchema.errors?.slice(0, 5), null, 1));
    const before = await call(core, 'assessment.get', { id: q4 });
    const beforeFindings = (await call(core, 'finding.list', { assessmentId: q4 })).findings;
    const evidenceOf = async (c: typeof core, id: string, rows: { catalogueId: string; controlId: string; evidenceCount: number }[]) => {
      const out: unknown[] = [];
      for (const r of rows.filter((x) => x.evidenceCount > 0)) {
        const d = await call(c, 'assessment.control', { assessmentId: id, catalogueId: r.catalogueId, controlId: r.controlId });
        out.push(
          ...d.evidence.map((e) => ({
            control: `${r.catalogueId} ${r.controlId}`,
            kind: e.kind === 'check' ? 'note' : e.kind,
            title: e.title,
            size: e.size ?? null,
          })),
        );
      }
      return out;
    };
    const beforeEvidence = await evidenceOf(core, q4, before.rows);
    assert.ok(
      before.rows.some((r) => r.status !== 'not-assessed') && beforeFindings.length > 0 && beforeEvidence.length > 0,
      'the demo assessment has results, findings and evidence',
    );

    const fresh = testCore({ keychain: osKeychain(`Attest.test.${randomUUID()}`) });
    try {
      await call(fresh, 'workspace.create', {
        handle: chosen(fresh, join(tempDir('attest-ar-import-'), 'fresh.attest'), 'save:workspace'),
        name: 'Fresh',
        passphrase: 'fresh workspace passphrase',
      });
      await call(fresh, 'catalog.list', {}); // installs the built-ins
      const summary = await call(fresh, 'import.oscalAssessmentResults', {
        file: { name: 'results.json', dataBase64: exported.dataBase64 },
      });
      const after = await call(fresh, 'assessment.get', { id: summary.id });
      const pick = (a: typeof before) => ({
        name: a.assessment.name,
        state: a.assessment.state,
        client: a.assessment.client,
        scope: a.assessment.scope,
        assessor: a.assessment.assessor,
        period: [a.assessment.periodStart, a.assessment.periodEnd],
        catalogues: a.assessment.catalogues,
        rows: a.rows.map((r) => ({
          c: r.catalogueId,
          id: r.controlId,
          status: r.status,
          rationale: r.rationale,
          evidence: r.evidenceCount,
          findings: r.findingCount,
        })),
      });
      assert.deepEqual(pick(after), pick(before));
      const afterFindings = (await call(fresh, 'finding.list', { assessmentId: summary.id })).findings;
      const f = (l: typeof beforeFindings) =>
        l.map((x) => ({
          ref: x.ref,
          title: x.title,
          description: x.description,
          likelihood: x.likelihood,
          impact: x.impact,
          severity: x.severity,
          reason: x.severityOverrideReason,
          owner: x.owner,
          due: x.dueDate,
          remediation: x.remediation,
          status: x.status,
          acceptance: [x.acceptanceJustification, x.acceptanceExpires],
          controls: x.controls.map((c) => `${c.catalogueId} ${c.controlId}`),
        }));
      assert.deepEqual(f(afterFindings), f(beforeFindings));
      assert.deepEqual(await evidenceOf(fresh, summary.id, after.rows), beforeEvidence);

      // A document that is not assessment results is refused with a clear message, and nothing is added.
      const count = (await call(fresh, 'assessment.list', {})).assessments.length;
      const poam = await call(core, 'export.oscalPoam', { assessmentId: q4 });
      const err = await failure(fresh, 'import.oscalAssessmentResults', { file: { name: 'poam.json', dataBase64: poam.dataBase64 } });
      assert.equal(err.code, 'OSCAL_RESULTS_INVALID');
      assert.match(err.message, /plan-of-action-and-milestones/);
      assert.equal((await call(fresh, 'assessment.list', {})).assessments.length, count);
    } finally {
      await fresh.close();
    }
  });
});

test('attest export oscal-ap|oscal-ar and attest import oscal-ar, from the command line', async (t) => {
  if (!requirePart(t, haveSchemas, 'the OSCAL 1.0.6 schemas in ../shared/corpora/oscal')) return;
  const dir = tempDir('attest-oscal-cli-');
  const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: 'oscal cli passphrase' };
  const [from, to] = [join(dir, 'from.attest'), join(dir, 'to.attest')];
  const core = testCore();
  let id: string;
  try {
    await call(core, 'workspace.create', {
      handle: chosen(core, to, 'save:workspace'),
      name: 'To',
      passphrase: env.ATTEST_PASSPHRASE,
      remember: false,
    });
    await call(core, 'catalog.list', {});
    await call(core, 'workspace.create', {
      handle: chosen(core, from, 'save:workspace'),
      name: 'From',
      passphrase: env.ATTEST_PASSPHRASE,
      remember: false,
    });
    const a = await call(core, 'assessment.create', {
      name: 'CLI trip',
      client: 'Client',
      scope: 'Portal',
      periodStart: '2026-11-01',
      periodEnd: null,
      assessor: 'Ana',
      catalogueIds: ['platform-baseline'],
    });
    id = a.id;
    const row = (await call(core, 'assessment.get', { id })).rows[0]!;
    await call(core, 'assessment.setResult', {
      assessmentId: id,
      catalogueId: row.catalogueId,
      controlId: row.controlId,
      status: 'not-met',
      rationale: 'No MFA.\nSecond line.',
    });
  } finally {
    await core.close();
  }
  const ap = await cli(['export', from, 'oscal-ap', '--assessment', id, '--out', join(dir, 'ap.json')], env);
  assert.equal(ap.code, 0, ap.stderr);
  assert.ok(validator('oscal_assessment-plan_schema-1.0.6.json')(JSON.parse(readFileSync(join(dir, 'ap.json'), 'utf8'))));
  const ar = await cli(['export', from, 'oscal-ar', '--assessment', id, '--out', join(dir, 'ar.json')], env);
  assert.equal(ar.code, 0, ar.stderr);
  const imported = await cli(['import', to, 'oscal-ar', join(dir, 'ar.json'), '--json'], env);
  assert.equal(imported.code, 0, imported.stderr);
  const summary = JSON.parse(imported.stdout) as { id: string; name: string; assessed: number; periodStart: string | null };
  assert.deepEqual([summary.name, summary.assessed, summary.periodStart], ['CLI trip', 1, '2026-11-01']);
  const bad = await cli(['import', to, 'oscal-ar', join(dir, 'ap.json')], env);
  assert.equal(bad.code, 22);
  assert.match(bad.stderr, /assessment-plan, not assessment results/);
});
