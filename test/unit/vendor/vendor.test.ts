// The vendor registry through the real dispatcher and the real encrypted store: the tier
// rubric, overrides, the review schedule, certificates, issued credentials, documents,
// removal and hostile text.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RequestOf } from '../../../main/contract/ipc';
import type { Core } from '../../../main/core/core';
import { tierFor } from '../../../main/core/vendor/rubric';
import { addMonths, reviewState } from '../../../main/core/vendor/schedule';
import { tempDir, testCore } from '../../support/core';
import { call, chosen, failure, upload } from '../../support/dispatch';

const PASS = 'vendor registry test passphrase';

async function withWorkspace(run: (core: Core, path: string) => Promise<void>) {
  const core = testCore();
  const path = join(tempDir(), 'vendors.attest');
  try {
    await call(core, 'workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Vendor programme', passphrase: PASS });
    await run(core, path);
  } finally {
    await core.close();
  }
}

const base: RequestOf<'vendor.create'> = {
  name: 'Acme Payroll',
  services: 'Payroll',
  owner: 'Dana Reyes',
  dataTypes: ['internal'],
  criticality: 'low',
};

async function audit(core: Core) {
  return (await call(core, 'audit.list', { limit: 500 })).entries;
}

/** A concluded questionnaire, as the questionnaire room records one. */
async function concluded(core: Core, vendorId: string, concludedAt: string, overall: number, conclusion: string) {
  const id = `q_${concludedAt}_${overall}`;
  await core.session.workspace().commit({
    actor: 'test',
    action: 'questionnaire.conclude',
    entity: `questionnaire:${id}`,
    statements: [
      {
        sql: `INSERT INTO questionnaires (id, vendor_id, template_id, template_version, template_body, cycle, state, created_at, created_by, score, conclusion, concluded_at)
              VALUES (?, ?, 'vendor-baseline', 1, '{}', ?, 'concluded', ?, 'test', ?, ?, ?)`,
        params: [id, vendorId, concludedAt.slice(0, 4), concludedAt, JSON.stringify({ overall, sections: [] }), conclusion, concludedAt],
      },
    ],
  });
}

test('rubric: tier 1 for critical vendors or credentials, production access, special-category or payment data; tier 2 for high or personal data; else tier 3', () => {
  assert.deepEqual(tierFor(['internal'], 'critical'), { tier: 1, reasons: ['criticality critical'] });
  assert.deepEqual(tierFor(['credentials'], 'low'), { tier: 1, reasons: ['holds credentials or secrets'] });
  assert.equal(tierFor(['production-access'], 'medium').tier, 1);
  assert.equal(tierFor(['special-category'], 'low').tier, 1);
  assert.equal(tierFor(['payment'], 'low').tier, 1);
  assert.deepEqual(tierFor(['personal'], 'high'), { tier: 1, reasons: ['criticality high with personal data'] });
  assert.deepEqual(tierFor(['credentials', 'personal'], 'high').reasons, [
    'holds credentials or secrets',
    'criticality high with personal data',
  ]);
  assert.deepEqual(tierFor(['internal'], 'high'), { tier: 2, reasons: ['criticality high'] });
  assert.deepEqual(tierFor(['personal'], 'medium'), { tier: 2, reasons: ['holds personal data'] });
  assert.deepEqual(tierFor(['source-code', 'internal'], 'low'), { tier: 2, reasons: ['reaches source code'] });
  assert.deepEqual(tierFor(['internal'], 'medium'), { tier: 3, reasons: ['criticality medium', 'only internal business data'] });
  assert.deepEqual(tierFor(['none'], 'low'), { tier: 3, reasons: ['criticality low', 'no sensitive data'] });
});

test('calendar arithmetic: months keep the day where it exists; 30 days ahead is due, past is overdue', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
  assert.equal(addMonths('2025-11-23', 12), '2026-11-23');
  assert.equal(addMonths('2025-03-15', 24), '2027-03-15');
  assert.equal(reviewState('2026-11-22', '2026-11-23'), 'overdue');
  assert.equal(reviewState('2026-11-23', '2026-11-23'), 'due');
  assert.equal(reviewState('2026-12-23', '2026-11-23'), 'due');
  assert.equal(reviewState('2026-12-24', '2026-11-23'), 'ok');
});

test('vendors: create works out the tier, update re-derives it, every change is audited; bad input changes nothing', async () => {
  await withWorkspace(async (core) => {
    const v = await call(core, 'vendor.create', {
      ...base,
      dataTypes: ['personal', 'internal'],
      criticality: 'medium',
      contractStart: '2026-01-01',
      contractEnd: '2027-12-31',
      exitPlan: 'Export payroll history as CSV; switch to the in-house run.',
    });
    assert.equal(v.tier, 2);
    assert.deepEqual(v.rubric.reasons, ['holds personal data']);
    assert.deepEqual(v.dataTypes, ['personal', 'internal']);
    assert.match(v.createdBy, /\(test\)$/);

    const up = await call(core, 'vendor.update', { ...base, id: v.id, dataTypes: ['internal', 'credentials'], criticality: 'medium' });
    assert.equal(up.tier, 1);
    assert.deepEqual(up.dataTypes, ['credentials', 'internal'], 'data types are kept in vocabulary order');
    assert.equal(up.exitPlan, '', 'update replaces the whole profile');

    const before = await audit(core);
    const conflict = await failure(core, 'vendor.create', { ...base, name: 'Other', dataTypes: ['none', 'personal'] });
    assert.equal(conflict.code, 'DATA_TYPES_CONFLICT');
    const dup = await failure(core, 'vendor.create', { ...base, name: ' acme payroll ' });
    assert.equal(dup.code, 'VENDOR_EXISTS');
    const period = await failure(core, 'vendor.update', {
      ...base,
      id: v.id,
      criticality: 'critical',
      contractStart: '2026-05-01',
      contractEnd: '2026-04-30',
    });
    assert.equal(period.code, 'INVALID_PERIOD');
    const noOwner = await failure(core, 'vendor.create', { ...base, name: 'No owner', owner: '  ' });
    assert.equal(noOwner.code, 'INVALID_REQUEST');
    assert.match(noOwner.message, /internal owner is required/);
    const badDay = await failure(core, 'vendor.create', { ...base, name: 'Bad day', contractStart: '2026-02-30' });
    assert.equal(badDay.code, 'INVALID_REQUEST');
    assert.equal((await audit(core)).length, before.length, 'no failed request reached the audit log');
    const still = await call(core, 'vendor.get', { id: v.id });
    assert.equal(still.criticality, 'medium', 'the failed update left the vendor as it was');
    assert.equal((await call(core, 'vendor.list', {})).vendors.length, 1);

    const actions = (await audit(core)).filter((e) => e.entity === `vendor:${v.id}`).map((e) => e.action);
    assert.deepEqual(actions, ['vendor.update', 'vendor.create']);
    assert.deepEqual(
      still.history.map((h) => h.action),
      ['vendor.update', 'vendor.create'],
    );
  });
});

test('tier override: needs a reason, is recorded in the audit log, and can be cleared back to the rubric', async () => {
  await withWorkspace(async (core) => {
    const v = await call(core, 'vendor.create', { ...base, dataTypes: ['internal'], criticality: 'medium' });
    assert.equal(v.tier, 3);
    const noReason = await failure(core, 'vendor.setTierOverride', { id: v.id, tier: 1, reason: '   ' });
    assert.equal(noReason.code, 'REASON_REQUIRED');
    assert.equal((await call(core, 'vendor.get', { id: v.id })).tierOverride, null);

    const o = await call(core, 'vendor.setTierOverride', {
      id: v.id,
      tier: 1,
      reason: 'Sole payroll provider; switching takes a quarter.',
    });
    assert.equal(o.tier, 1);
    assert.equal(o.rubric.tier, 3, 'the rubric tier stays visible beside the override');
    assert.equal(o.tierOverrideReason, 'Sole payroll provider; switching takes a quarter.');
    const row = (await call(core, 'vendor.list', {})).vendors[0]!;
    assert.equal(row.tier, 1);
    assert.equal(row.tierOverridden, true);
    assert.equal((await call(core, 'vendor.list', { tier: 3 })).vendors.length, 0, 'filters see the tier in force');
    const entry = (await audit(core)).find((e) => e.action === 'vendor.tier.override');
    assert.equal(entry?.entity, `vendor:${v.id}`);

    const cleared = await call(core, 'vendor.clearTierOverride', { id: v.id });
    assert.equal(cleared.tier, 3);
    assert.equal(cleared.tierOverrideReason, null);
    assert.ok((await audit(core)).some((e) => e.action === 'vendor.tier.clear'));
  });
});

test('schedule: never reviewed is due from registration; the last conclusion sets the next review by tier; interval changes apply', async () => {
  await withWorkspace(async (core) => {
    const t1 = await call(core, 'vendor.create', {
      ...base,
      name: 'Cloud host',
      dataTypes: ['production-access'],
      criticality: 'critical',
    });
    const t2 = await call(core, 'vendor.create', { ...base, name: 'CRM', dataTypes: ['personal'], criticality: 'medium' });
    const t3 = await call(core, 'vendor.create', { ...base, name: 'Stock photos', dataTypes: ['none'], criticality: 'low' });
    const created = t1.createdAt.slice(0, 10);
    const never = await call(core, 'vendor.get', { id: t3.id, today: created });
    assert.equal(never.schedule.nextReview, created);
    assert.equal(never.schedule.reviewState, 'due');

    await concluded(core, t1.id, '2025-12-01T10:00:00.000Z', 72.5, 'approve-with-conditions');
    await concluded(core, t1.id, '2024-11-02T10:00:00.000Z', 60, 'approve');
    await concluded(core, t2.id, '2025-02-10T09:00:00.000Z', 88, 'approve');
    await concluded(core, t3.id, '2024-01-05T09:00:00.000Z', 91, 'approve');

    const today = '2026-11-23';
    const list = await call(core, 'vendor.list', { today });
    const byName = new Map(list.vendors.map((v) => [v.name, v]));
    assert.equal(byName.get('Cloud host')?.nextReview, '2026-12-01');
    assert.equal(byName.get('Cloud host')?.reviewState, 'due');
    assert.equal(byName.get('Cloud host')?.latestScore, 72.5);
    assert.equal(byName.get('Cloud host')?.latestConclusion, 'approve-with-conditions');
    assert.equal(byName.get('CRM')?.nextReview, '2027-02-10');
    assert.equal(byName.get('CRM')?.reviewState, 'ok');
    assert.equal(byName.get('Stock photos')?.nextReview, '2027-01-05');

    const detail = await call(core, 'vendor.get', { id: t1.id, today });
    assert.deepEqual(
      detail.reviews.map((r) => [r.concludedAt.slice(0, 10), r.score, r.conclusion]),
      [
        ['2025-12-01', 72.5, 'approve-with-conditions'],
        ['2024-11-02', 60, 'approve'],
      ],
    );

    let s = await call(core, 'vendor.schedule', { today });
    assert.deepEqual(
      s.due.map((d) => [d.name, d.days]),
      [['Cloud host', 8]],
    );
    assert.equal(s.overdue.length, 0);

    assert.deepEqual(await call(core, 'vendor.reviewIntervals.get', {}), { tier1: 12, tier2: 24, tier3: 36 });
    const bad = await failure(core, 'vendor.reviewIntervals.set', { tier1: 0, tier2: 24, tier3: 36 });
    assert.equal(bad.code, 'INVALID_REQUEST');
    await call(core, 'vendor.reviewIntervals.set', { tier1: 6, tier2: 18, tier3: 36 });
    s = await call(core, 'vendor.schedule', { today });
    assert.deepEqual(s.intervals, { tier1: 6, tier2: 18, tier3: 36 });
    assert.deepEqual(
      s.overdue.map((d) => [d.name, d.nextReview, d.days]),
      [
        ['Cloud host', '2026-06-01', -175],
        ['CRM', '2026-08-10', -105],
      ],
    );
    assert.deepEqual(
      s.due.map((d) => d.name),
      [],
    );
    assert.equal((await call(core, 'vendor.list', { today })).vendors.find((v) => v.name === 'CRM')?.nextReview, '2026-08-10');
    assert.deepEqual(
      (await call(core, 'vendor.list', { today, reviewState: 'overdue' })).vendors.map((v) => v.name),
      ['Cloud host', 'CRM'],
    );
    assert.ok((await audit(core)).some((e) => e.action === 'vendor.reviewIntervals.set'));
  });
});

test('certifications: expired and expiring within 60 days are warned about, per vendor and in the schedule', async () => {
  await withWorkspace(async (core) => {
    const v = await call(core, 'vendor.create', { ...base, dataTypes: ['personal'], criticality: 'high' });
    const today = '2026-11-23';
    const soc = await call(core, 'vendor.certification.add', {
      vendorId: v.id,
      kind: 'soc2-type2',
      periodStart: '2025-10-01',
      periodEnd: '2026-09-30',
      expiresAt: '2027-09-30',
    });
    await call(core, 'vendor.certification.add', { vendorId: v.id, kind: 'iso27001', expiresAt: '2026-11-01' });
    await call(core, 'vendor.certification.add', { vendorId: v.id, kind: 'pci-dss', expiresAt: '2027-01-22' });
    await call(core, 'vendor.certification.add', { vendorId: v.id, kind: 'other', otherName: 'CSA STAR level 2', expiresAt: '2027-01-23' });
    assert.equal((await failure(core, 'vendor.certification.add', { vendorId: v.id, kind: 'other' })).code, 'CERT_NAME_REQUIRED');
    assert.equal(
      (
        await failure(core, 'vendor.certification.add', {
          vendorId: v.id,
          kind: 'hitrust',
          periodStart: '2026-02-01',
          periodEnd: '2026-01-01',
        })
      ).code,
      'INVALID_PERIOD',
    );

    const got = await call(core, 'vendor.get', { id: v.id, today });
    assert.deepEqual(
      got.certifications.map((c) => [c.kind, c.otherName, c.state, c.daysLeft]),
      [
        ['iso27001', '', 'expired', -22],
        ['pci-dss', '', 'expiring', 60],
        ['other', 'CSA STAR level 2', 'valid', 61],
        ['soc2-type2', '', 'valid', 311],
      ],
    );
    assert.equal((await call(core, 'vendor.list', { today })).vendors[0]?.certWarnings, 2);
    const s = await call(core, 'vendor.schedule', { today });
    assert.deepEqual(
      s.certificates.map((c) => [c.kind, c.state]),
      [
        ['iso27001', 'expired'],
        ['pci-dss', 'expiring'],
      ],
    );
    assert.equal(s.counts.expiredCertificates, 1);
    assert.equal(s.counts.expiringCertificates, 1);

    await call(core, 'vendor.certification.update', { id: soc.id, kind: 'soc2-type2', expiresAt: '2026-12-01' });
    await call(core, 'vendor.certification.remove', { id: got.certifications[0]!.id });
    const after = await call(core, 'vendor.schedule', { today });
    assert.deepEqual(
      after.certificates.map((c) => [c.kind, c.daysLeft]),
      [
        ['soc2-type2', 8],
        ['pci-dss', 60],
      ],
    );
    const actions = (await audit(core)).map((e) => e.action);
    for (const a of ['vendor.certification.add', 'vendor.certification.update', 'vendor.certification.remove'])
      assert.ok(actions.includes(a), a);
  });
});

test('issued credentials: metadata only, a pasted secret is refused, revocation is dated and final', async () => {
  await withWorkspace(async (core) => {
    const v = await call(core, 'vendor.create', { ...base, dataTypes: ['credentials'], criticality: 'high' });
    const c = await call(core, 'vendor.credential.add', {
      vendorId: v.id,
      label: 'SFTP upload account',
      system: 'payroll-sftp.northwind.example',
      issuedAt: '2026-01-10',
      expiresAt: '2027-01-10',
      notes: 'Key pair held by the vendor; rotated yearly.',
    });
    assert.equal(c.revokedAt, null);
    for (const secret of [
      'AKIAIOSFODNN7EXAMPLE',
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'token: 9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c',
      '-----BEGIN OPENSSH PRIVATE KEY-----',
    ]) {
      const refused = await failure(core, 'vendor.credential.add', { vendorId: v.id, label: 'API key', system: 'billing', notes: secret });
      assert.equal(refused.code, 'SECRET_VALUE_REFUSED', secret);
    }
    await call(core, 'vendor.credential.add', {
      vendorId: v.id,
      label: 'read-only-reporting-service-account-for-finance',
      system: 'warehouse',
    });
    const revoked = await call(core, 'vendor.credential.revoke', { id: c.id, revokedAt: '2026-11-20' });
    assert.equal(revoked.revokedAt, '2026-11-20');
    assert.equal((await failure(core, 'vendor.credential.revoke', { id: c.id })).code, 'CREDENTIAL_REVOKED');
    const got = await call(core, 'vendor.get', { id: v.id });
    assert.equal(got.credentials.length, 2);
    assert.equal(got.credentials[1]?.id, c.id, 'revoked credentials list last');
  });
});

test('documents: stored encrypted up to 10 MB, larger refused with the limit named and nothing stored; remove and undo', async () => {
  await withWorkspace(async (core) => {
    const v = await call(core, 'vendor.create', base);
    const d = await call(core, 'vendor.document.add', {
      vendorId: v.id,
      file: upload('dpa-2026.pdf', '%PDF-1.7 data processing agreement'),
    });
    assert.equal(d.mediaType, 'application/pdf');
    const back = await call(core, 'vendor.document.file', { vendorId: v.id, blobId: d.blobId });
    assert.equal(Buffer.from(back.dataBase64, 'base64').toString(), '%PDF-1.7 data processing agreement');

    const blobsBefore = core.session.workspace().query<{ n: number }>('SELECT count(*) AS n FROM blobs')[0]!.n;
    const big = await failure(core, 'vendor.document.add', {
      vendorId: v.id,
      file: upload('soc2.pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 1)),
    });
    assert.equal(big.code, 'DOCUMENT_TOO_LARGE');
    assert.match(big.message, /at most 10 MB/);
    assert.equal((await failure(core, 'vendor.document.add', { vendorId: v.id, file: upload('empty.txt', '') })).code, 'DOCUMENT_EMPTY');
    assert.equal(core.session.workspace().query<{ n: number }>('SELECT count(*) AS n FROM blobs')[0]!.n, blobsBefore);
    await call(core, 'vendor.document.add', { vendorId: v.id, file: upload('exact.bin', Buffer.alloc(10 * 1024 * 1024, 2)) });

    await call(core, 'vendor.document.remove', { vendorId: v.id, blobId: d.blobId });
    assert.deepEqual(
      (await call(core, 'vendor.get', { id: v.id })).documents.map((x) => x.name),
      ['exact.bin'],
    );
    assert.equal((await failure(core, 'vendor.document.file', { vendorId: v.id, blobId: d.blobId })).code, 'DOCUMENT_NOT_FOUND');
    const restored = await call(core, 'vendor.document.restore', { vendorId: v.id, blobId: d.blobId });
    assert.equal(restored.name, 'dpa-2026.pdf');

    const other = await call(core, 'vendor.create', { ...base, name: 'Other vendor' });
    const stolen = await failure(core, 'vendor.document.restore', { vendorId: other.id, blobId: d.blobId });
    assert.equal(stolen.code, 'DOCUMENT_NOT_FOUND', 'undo only brings back what this vendor had');
  });
});

test('remove and restore: a removed vendor leaves the list and the schedule, cannot be changed, and comes back whole', async () => {
  await withWorkspace(async (core) => {
    const v = await call(core, 'vendor.create', { ...base, exitPlan: 'Move to the in-house run.' });
    await call(core, 'vendor.certification.add', { vendorId: v.id, kind: 'iso27001', expiresAt: '2026-12-01' });
    await call(core, 'vendor.remove', { id: v.id });
    assert.equal((await call(core, 'vendor.list', {})).vendors.length, 0);
    assert.deepEqual(
      (await call(core, 'vendor.list', { removed: true })).vendors.map((x) => x.id),
      [v.id],
    );
    assert.equal((await call(core, 'vendor.schedule', { today: '2026-11-23' })).certificates.length, 0);
    assert.equal((await failure(core, 'vendor.update', { ...base, id: v.id })).code, 'VENDOR_REMOVED');
    assert.equal((await failure(core, 'vendor.remove', { id: v.id })).code, 'VENDOR_REMOVED');
    const again = await call(core, 'vendor.create', base);
    assert.equal((await failure(core, 'vendor.restore', { id: v.id })).code, 'VENDOR_EXISTS', 'restoring would duplicate a name');
    await call(core, 'vendor.remove', { id: again.id });
    const back = await call(core, 'vendor.restore', { id: v.id });
    assert.equal(back.removedAt, null);
    assert.equal(back.exitPlan, 'Move to the in-house run.');
    assert.equal(back.certifications.length, 1);
    assert.equal((await failure(core, 'vendor.get', { id: 'vnd_nothere' })).code, 'VENDOR_NOT_FOUND');
  });
});

test('hostile strings are stored and returned untouched, and survive closing and reopening the workspace', async () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '=HYPERLINK("https://evil.example","click")',
    "'; DROP TABLE vendors; --",
  ];
  await withWorkspace(async (core, path) => {
    const v = await call(core, 'vendor.create', {
      ...base,
      name: hostile[0]!,
      services: hostile[1]!,
      owner: hostile[2]!,
      exitPlan: hostile.join('\n'),
      notes: hostile[3]!,
    });
    await call(core, 'vendor.certification.add', { vendorId: v.id, kind: 'other', otherName: hostile[1]! });
    await call(core, 'vendor.credential.add', { vendorId: v.id, label: hostile[0]!, system: hostile[2]! });
    await call(core, 'workspace.close', {});
    await call(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace'), passphrase: PASS });
    const got = await call(core, 'vendor.get', { id: v.id });
    assert.equal(got.name, hostile[0]);
    assert.equal(got.services, hostile[1]);
    assert.equal(got.owner, hostile[2]);
    assert.equal(got.exitPlan, hostile.join('\n'));
    assert.equal(got.notes, hostile[3]);
    assert.equal(got.certifications[0]?.otherName, hostile[1]);
    assert.equal(got.credentials[0]?.label, hostile[0]);
    assert.deepEqual(
      (await call(core, 'vendor.list', { text: 'onerror' })).vendors.map((x) => x.name),
      [hostile[0]],
    );
  });
});
