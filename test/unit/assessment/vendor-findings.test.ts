// Vendor findings (follow-ups of questionnaires) in the shared findings channels: listed by
// scope beside assessment findings, changed one at a time or in bulk under the same rules
// as assessment findings, audited, and read-only once their vendor is removed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TemplateBodyInput } from '../../../main/contract/questionnaire';
import type { RequestOf } from '../../../main/contract/ipc';
import type { Core } from '../../../main/core/core';
import { call, failure } from '../../support/dispatch';
import { withVendor } from '../questionnaire/support';

const template: TemplateBodyInput = {
  format: 1,
  id: 'vf',
  title: 'Vendor findings',
  source: { name: 'test' },
  sections: [
    {
      id: 's1',
      title: 'Access',
      items: [
        {
          kind: 'question',
          id: 'q1',
          type: 'yesno',
          text: 'SSO enforced?',
          weight: 1,
          expected: { kind: 'equals', value: 'yes' },
          controls: [{ catalogueId: 'platform-baseline', controlId: 'S.A.4' }],
        },
      ],
    },
  ],
};

/** A vendor with two follow-ups (V-001 from a question, V-002 by title) and an assessment with one finding. */
async function setup(core: Core, vendorId: string) {
  await call(core, 'template.save', { body: template, create: true });
  const q = await call(core, 'questionnaire.create', { vendorId, templateId: 'vf', cycle: '2026' });
  const v1 = await call(core, 'questionnaire.followUp', { id: q.id, questionId: 'q1', likelihood: 4, impact: 4, owner: 'Dana' });
  const v2 = await call(core, 'questionnaire.followUp', { id: q.id, title: 'Ask for the pen test report', dueDate: '2026-12-01' });
  const a = await call(core, 'assessment.create', {
    name: 'Q4 review',
    client: 'Northwind',
    assessor: 'Dana',
    catalogueIds: ['platform-baseline'],
  });
  const f1 = await call(core, 'finding.create', { assessmentId: a.id, title: 'Weak MFA', likelihood: 3, impact: 3 });
  return { q, v1, v2, a, f1 };
}

const fieldsOf = (f: { title: string; likelihood: number; impact: number; controls: { catalogueId: string; controlId: string }[] }) => ({
  title: f.title,
  likelihood: f.likelihood,
  impact: f.impact,
  controls: f.controls.map(({ catalogueId, controlId }) => ({ catalogueId, controlId })),
});

test('finding.list: one assessment, one vendor, every vendor, or all; vendor findings carry their vendor', async () => {
  await withVendor(async (core, vendorId) => {
    const { v1, v2, a, f1 } = await setup(core, vendorId);
    const ids = async (req: RequestOf<'finding.list'>) => (await call(core, 'finding.list', req)).findings.map((f) => f.id).sort();
    assert.deepEqual(await ids({}), [f1.id], 'without a scope: assessment findings, as before');
    assert.deepEqual(await ids({ assessmentId: a.id }), [f1.id]);
    assert.deepEqual(await ids({ vendorId }), [v1.id, v2.id].sort());
    assert.deepEqual(await ids({ subjects: 'vendors' }), [v1.id, v2.id].sort());
    assert.deepEqual(await ids({ subjects: 'all' }), [f1.id, v1.id, v2.id].sort());
    const listed = (await call(core, 'finding.list', { vendorId })).findings;
    const first = listed.find((f) => f.id === v1.id)!;
    assert.equal(first.ref, 'V-001');
    assert.equal(first.assessmentId, null);
    assert.equal(first.vendorId, vendorId);
    assert.equal(first.vendorName, 'Acme <b>Hosting</b>');
    assert.equal(first.owner, 'Dana');
    assert.equal(first.controls[0]?.controlId, 'S.A.4');
    assert.notEqual(first.controls[0]?.title, 'S.A.4', 'the control title comes from the catalogue');
    assert.equal(listed.find((f) => f.id === v2.id)!.dueDate, '2026-12-01');
    assert.equal((await failure(core, 'finding.list', { assessmentId: a.id, vendorId })).code, 'INVALID_REQUEST');
  });
});

test('finding.update on a vendor finding: owner and due date, the same rules, audited with its vendor', async () => {
  await withVendor(async (core, vendorId) => {
    const { v1 } = await setup(core, vendorId);
    const updated = await call(core, 'finding.update', { id: v1.id, ...fieldsOf(v1), owner: 'Lee', dueDate: '2027-01-15' });
    assert.equal(updated.ref, 'V-001');
    assert.equal(updated.owner, 'Lee');
    assert.equal(updated.dueDate, '2027-01-15');
    assert.equal(updated.vendorId, vendorId);
    const entry = (await call(core, 'audit.list', { limit: 1, offset: 0 })).entries[0]!;
    assert.equal(entry.action, 'finding.update');
    assert.equal(entry.entity, `finding:${v1.id} vendor:${vendorId}`);
    assert.ok(
      (await call(core, 'vendor.get', { id: vendorId })).history.some((h) => h.action === 'finding.update'),
      "the vendor's history shows its findings' changes",
    );

    // The rules of an assessment finding hold for a vendor finding.
    const accept = { id: v1.id, ...fieldsOf(v1), status: 'risk-accepted' as const };
    assert.equal((await failure(core, 'finding.update', accept)).code, 'JUSTIFICATION_REQUIRED');
    assert.equal(
      (await failure(core, 'finding.update', { ...accept, acceptanceJustification: 'Compensating SSO at the proxy' })).code,
      'EXPIRY_REQUIRED',
    );
    assert.equal(
      (await failure(core, 'finding.update', { id: v1.id, ...fieldsOf(v1), severityOverride: 'critical' })).code,
      'REASON_REQUIRED',
    );
    assert.equal(
      (
        await failure(core, 'finding.update', {
          id: v1.id,
          ...fieldsOf(v1),
          controls: [{ catalogueId: 'platform-baseline', controlId: 'NOPE.1' }],
        })
      ).code,
      'CONTROL_NOT_FOUND',
    );
    assert.equal((await failure(core, 'finding.update', { id: v1.id, ...fieldsOf(v1), dueDate: '2027-02-30' })).code, 'INVALID_REQUEST');
    const after = (await call(core, 'finding.list', { vendorId })).findings.find((f) => f.id === v1.id)!;
    assert.equal(after.owner, 'Lee', 'a refused change loses nothing');
    assert.equal(after.status, 'open');
  });
});

test('finding.updateMany across an assessment and a vendor: one commit, undo, risk acceptance refused', async () => {
  await withVendor(async (core, vendorId) => {
    const { v1, v2, f1 } = await setup(core, vendorId);
    const changed = await call(core, 'finding.updateMany', {
      changes: [f1, v1, v2].map((f) => ({ id: f.id, owner: 'Sam', dueDate: '2027-03-01' })),
    });
    assert.equal(changed.ids.length, 3);
    const all = (await call(core, 'finding.list', { subjects: 'all' })).findings;
    assert.ok(all.every((f) => f.owner === 'Sam' && f.dueDate === '2027-03-01'));
    const entry = (await call(core, 'audit.list', { limit: 1, offset: 0 })).entries[0]!;
    assert.equal(entry.action, 'finding.bulk');
    assert.match(entry.entity, new RegExp(`finding:${v2.id}`));
    await call(core, 'finding.updateMany', { changes: changed.previous });
    const back = (await call(core, 'finding.list', { vendorId })).findings.find((f) => f.id === v2.id)!;
    assert.equal(back.owner, '');
    assert.equal(back.dueDate, '2026-12-01');
    assert.equal(
      (await failure(core, 'finding.updateMany', { changes: [{ id: v1.id, status: 'risk-accepted' }] })).code,
      'JUSTIFICATION_REQUIRED',
    );
  });
});

test('a vendor finding is removed and restored; a removed vendor keeps its findings read-only', async () => {
  await withVendor(async (core, vendorId) => {
    const { q, v1, v2 } = await setup(core, vendorId);
    await call(core, 'finding.remove', { id: v1.id });
    assert.deepEqual(
      (await call(core, 'finding.list', { vendorId })).findings.map((f) => f.id),
      [v2.id],
    );
    assert.equal((await call(core, 'audit.list', { limit: 1, offset: 0 })).entries[0]!.entity, `finding:${v1.id} vendor:${vendorId}`);
    assert.equal((await call(core, 'finding.restore', { id: v1.id })).ref, 'V-001');

    await call(core, 'vendor.remove', { id: vendorId });
    assert.equal((await call(core, 'finding.list', { subjects: 'vendors' })).findings.length, 0, 'across vendors: removed ones left out');
    assert.equal((await call(core, 'finding.list', { vendorId })).findings.length, 2, 'its own list still shows them');
    assert.equal((await failure(core, 'finding.update', { id: v1.id, ...fieldsOf(v1), owner: 'X' })).code, 'VENDOR_REMOVED');
    assert.equal((await failure(core, 'finding.updateMany', { changes: [{ id: v2.id, owner: 'X' }] })).code, 'VENDOR_REMOVED');
    assert.equal((await failure(core, 'finding.remove', { id: v2.id })).code, 'VENDOR_REMOVED');
    assert.equal((await failure(core, 'questionnaire.followUp', { id: q.id, title: 'One more' })).code, 'VENDOR_REMOVED');
  });
});
