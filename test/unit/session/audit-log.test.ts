// The audit log as people read it, through the real dispatcher and store: the display
// name set on this device is the actor, entities are named, filters narrow the list,
// and the export is formula-safe CSV of exactly the filtered entries.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir, testCore } from '../../support/core';
import { call, chosen, failure } from '../../support/dispatch';

const PASS = 'correct horse battery staple';

test('the display name is the audit actor; entries are named, filtered and exported', async () => {
  const dataDir = tempDir('attest-data-');
  const core = testCore({ dataDir });
  try {
    const before = await call(core, 'app.profile', {});
    assert.equal(before.displayName, null);
    await call(core, 'workspace.create', {
      handle: chosen(core, join(tempDir(), 'audit.attest'), 'save:workspace'),
      name: 'Audit test',
      passphrase: PASS,
    });
    assert.equal((await failure(core, 'app.setDisplayName', { displayName: 'Dana\u0007' })).code, 'INVALID_REQUEST');
    assert.equal((await call(core, 'app.setDisplayName', { displayName: '  Dana Reyes ' })).displayName, 'Dana Reyes');
    const catalogues = (await call(core, 'catalog.list', {})).catalogues;
    assert.ok(catalogues.length > 0, 'a catalogue to assess against');
    const created = await call(core, 'assessment.create', {
      name: '=HYPERLINK("x") Q4 review',
      client: 'Northwind',
      assessor: 'Dana',
      catalogueIds: [catalogues[0]!.id],
    });
    const assessmentId = created.id;

    const all = await call(core, 'audit.list', {});
    const mine = all.entries.find((e) => e.action.startsWith('assessment.'));
    assert.ok(mine, 'the assessment was audited');
    assert.equal(mine.actor, 'Dana Reyes (test)', 'recorded as the display name, not the OS user');
    assert.equal(mine.entityName, 'Assessment “=HYPERLINK("x") Q4 review”');
    assert.ok(all.actors.includes('Dana Reyes (test)'));
    assert.ok(all.kinds.includes('assessment'));

    const byKind = await call(core, 'audit.list', { kind: 'assessment' });
    assert.ok(byKind.total >= 1 && byKind.entries.every((e) => e.action.startsWith('assessment')));
    const byText = await call(core, 'audit.list', { text: 'q4 REVIEW' });
    assert.ok(
      byText.entries.length >= 1 && byText.entries.every((e) => (e.entityName ?? '').includes('Q4 review')),
      'words find the entity by its name',
    );
    assert.equal((await call(core, 'audit.list', { actor: 'nobody (app)' })).total, 0);
    assert.equal((await call(core, 'audit.list', { from: '2999-01-01' })).total, 0);
    assert.equal((await failure(core, 'audit.list', { from: '1 Jan' })).code, 'INVALID_REQUEST');

    const exported = await call(core, 'audit.export', { kind: 'assessment' });
    assert.equal(exported.entries, byKind.total);
    assert.equal(exported.name, 'Audit-test-audit-log.csv');
    const csv = Buffer.from(exported.dataBase64, 'base64').toString('utf8');
    assert.match(csv.split(/\r?\n/)[0]!, /^seq,at,actor,action,entity,entity_name,hash$/);
    assert.ok(csv.includes(assessmentId));
    assert.ok(!/,=HYPERLINK|,"=HYPERLINK/.test(csv), 'a formula in a name is neutralised');

    // The name is this device's: a new core on the same data folder keeps it.
    await core.close();
    const again = testCore({ dataDir });
    try {
      assert.equal((await call(again, 'app.profile', {})).displayName, 'Dana Reyes');
      assert.equal((await call(again, 'app.setDisplayName', { displayName: '' })).displayName, null);
    } finally {
      await again.close();
    }
  } finally {
    await core.close();
  }
});

test('an entity with free text after its id is named by the id (the text stays in the raw entity)', async () => {
  const { entityName } = await import('../../../main/core/session/audit-log');
  const name = (kind: string, id: string) => (kind === 'questionnaire' && id === 'qnr_1' ? 'Acme, cycle 2026' : null);
  assert.equal(entityName('questionnaire:qnr_1 VSB-4: "No" → "TLS 1.3 / Older"', name), 'Questionnaire “Acme, cycle 2026”');
  assert.equal(entityName('questionnaire:qnr_1', name), 'Questionnaire “Acme, cycle 2026”');
  assert.equal(entityName('questionnaire:qnr_2 changes: x', name), null);
});
