// The workspace's catalogue library through the real dispatcher and store: built-ins
// installed with their hashes, OSCAL and spreadsheet imports, custom catalogues, and
// snapshots that keep an assessment reproducible when a catalogue changes later.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Core } from '../../../main/core/core';
import { importOscalCatalog } from '../../../main/core/catalog/import-oscal';
import { loadBuiltinCatalogues } from '../../../main/core/catalog/loader';
import { tempDir, testCore } from '../../support/core';
import { call, chosen, failure, upload } from '../../support/dispatch';

const OSCAL = join(__dirname, '../../../../shared/corpora/oscal');
const LOW = 'NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json';
const HIGH = 'NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json';

async function openCore(): Promise<{ core: Core; path: string }> {
  const core = testCore();
  const path = join(tempDir(), 'lib.attest');
  await call(core, 'workspace.create', {
    handle: chosen(core, path, 'save:workspace'),
    name: 'Library test',
    passphrase: 'library test passphrase',
  });
  return { core, path };
}

test('the five built-in catalogues are installed on first use, with the loader hashes, once', async () => {
  const { core } = await openCore();
  try {
    const builtins = loadBuiltinCatalogues();
    const { catalogues } = await call(core, 'catalog.list', {});
    assert.deepEqual(
      catalogues.map((c) => [c.id, c.hash, c.controlCount, c.origin]).sort(),
      builtins.map((b) => [b.catalogue.id, b.hash, b.catalogue.controls.length, 'builtin']).sort(),
    );
    assert.equal(catalogues.find((c) => c.id === 'platform-baseline')?.controlCount, 78);
    await call(core, 'catalog.list', {});
    const audit = await call(core, 'audit.list', { limit: 100 });
    assert.equal(audit.entries.filter((e) => e.action === 'catalog.install').length, 5, 'installed once');
    const detail = await call(core, 'catalog.get', { id: 'platform-baseline' });
    assert.equal(detail.controls.length, 78);
    assert.equal(detail.categories.length, 7);
    assert.ok(detail.controls.some((c) => c.id === 'S.V.8'));
  } finally {
    await core.close();
  }
});

for (const file of [LOW, HIGH]) {
  test(`OSCAL import through the channel keeps every group, control and enhancement: ${file.split('_')[3]}`, async () => {
    const { core } = await openCore();
    try {
      const bytes = readFileSync(join(OSCAL, file));
      const expected = importOscalCatalog(JSON.parse(bytes.toString('utf8'))).counts;
      const preview = await call(core, 'catalog.preview', { file: upload(file, bytes) });
      assert.equal(preview.kind, 'oscal');
      if (preview.kind !== 'oscal') return;
      assert.deepEqual({ groups: preview.groups, controls: preview.controls, enhancements: preview.enhancements }, expected);
      assert.equal(preview.exists, false);
      const imported = await call(core, 'catalog.import', { file: upload(file, bytes) });
      assert.equal(imported.imported, expected.controls + expected.enhancements);
      assert.equal(imported.groups, expected.groups);
      assert.equal(imported.enhancements, expected.enhancements);
      assert.equal(imported.catalogue.origin, 'oscal');
      const list = await call(core, 'catalog.list', {});
      assert.equal(list.catalogues.find((c) => c.id === imported.catalogue.id)?.controlCount, expected.controls + expected.enhancements);

      const again = await failure(core, 'catalog.import', { file: upload(file, bytes) });
      assert.equal(again.code, 'CATALOG_EXISTS');
      const replaced = await call(core, 'catalog.import', { file: upload(file, bytes), replace: true });
      assert.notEqual(replaced.catalogue.hash, imported.catalogue.hash, 'a new version is a new snapshot');
      assert.notEqual(replaced.catalogue.version, imported.catalogue.version, 'a replacement is a new version');
    } finally {
      await core.close();
    }
  });
}

test('spreadsheet import: bad rows are reported one by one, good rows import; a file with no good row saves nothing', async () => {
  const { core } = await openCore();
  try {
    const csv = [
      'Code,Name,Requirement,Domain,Weight',
      'C-1,Backups tested,Restores are tested every quarter,Resilience,4',
      'C-2,Bad weight,Something,Resilience,9',
      'C-3,Admin MFA,Administrators use phishing-resistant MFA,Access,5',
      ',No id,Missing id,Access,2',
    ].join('\n');
    const preview = await call(core, 'catalog.preview', { file: upload('controls.csv', csv) });
    assert.equal(preview.kind, 'tabular');
    if (preview.kind !== 'tabular') return;
    assert.equal(preview.rowCount, 4);
    assert.equal(preview.suggestedMapping.id, 'Code');
    const r = await call(core, 'catalog.import', {
      file: upload('controls.csv', csv),
      mapping: { id: 'Code', title: 'Name', statement: 'Requirement', category: 'Domain', weight: 'Weight' },
      title: 'Client baseline',
    });
    assert.equal(r.imported, 2);
    assert.deepEqual(
      r.rowErrors.map((e) => e.where),
      ['row 3, column "Weight"', 'row 5, column "Code"'],
    );
    assert.match(r.rowErrors[0]!.message, /weight "9"/);

    const before = (await call(core, 'audit.list', { limit: 1 })).total;
    const none = await failure(core, 'catalog.import', {
      file: upload('bad.csv', 'id,title,statement\n,,x\n'),
      mapping: { id: 'id', title: 'title', statement: 'statement' },
      title: 'Nothing good',
    });
    assert.equal(none.code, 'IMPORT_NOTHING');
    assert.equal((await call(core, 'audit.list', { limit: 1 })).total, before, 'nothing was written');

    const notJson = await failure(core, 'catalog.preview', { file: upload('x.json', '{ not json') });
    assert.equal(notJson.code, 'IMPORT_NOT_JSON');
    const notOscal = await failure(core, 'catalog.preview', { file: upload('x.json', '{"hello": 1}') });
    assert.equal(notOscal.code, 'OSCAL_NOT_CATALOG');
  } finally {
    await core.close();
  }
});

test('custom catalogues: create, add and edit controls (version goes up); built-ins are read-only', async () => {
  const { core } = await openCore();
  try {
    const created = await call(core, 'catalog.createCustom', {
      id: 'house-rules',
      title: 'House rules',
      categories: [{ id: 'access', title: 'Access' }],
    });
    assert.equal(created.version, '1.0.0');
    assert.equal(created.controlCount, 0);
    const v2 = await call(core, 'catalog.saveControl', {
      catalogueId: 'house-rules',
      control: {
        id: 'HR-1',
        title: 'Break-glass account',
        statement: 'A sealed break-glass account exists and is tested.',
        category: 'access',
      },
    });
    assert.equal(v2.version, '1.0.1');
    const v3 = await call(core, 'catalog.saveControl', {
      catalogueId: 'house-rules',
      control: {
        id: 'HR-1',
        title: 'Break-glass account, tested yearly',
        statement: 'A sealed break-glass account exists and is tested yearly.',
        category: 'access',
      },
    });
    assert.equal(v3.version, '1.0.2');
    assert.equal(v3.controlCount, 1);
    const badCategory = await failure(core, 'catalog.saveControl', {
      catalogueId: 'house-rules',
      control: { id: 'HR-2', title: 'x', statement: 'y', category: 'nope' },
    });
    assert.equal(badCategory.code, 'CATALOG_INVALID');
    const builtin = await failure(core, 'catalog.saveControl', {
      catalogueId: 'platform-baseline',
      control: { id: 'S.A.1', title: 'x', statement: 'y', category: 'system-access' },
    });
    assert.equal(builtin.code, 'CATALOG_BUILTIN');
    assert.equal((await failure(core, 'catalog.remove', { id: 'platform-baseline' })).code, 'CATALOG_BUILTIN');
    assert.equal(
      (await failure(core, 'catalog.createCustom', { id: 'house-rules', title: 'Again', categories: [{ id: 'a', title: 'A' }] })).code,
      'CATALOG_EXISTS',
    );
  } finally {
    await core.close();
  }
});

test('an assessment keeps the catalogue version it was created with, across later edits and a reopen', async () => {
  const { core, path } = await openCore();
  try {
    await call(core, 'catalog.createCustom', { id: 'house-rules', title: 'House rules', categories: [{ id: 'ops', title: 'Operations' }] });
    const v1 = await call(core, 'catalog.saveControl', {
      catalogueId: 'house-rules',
      control: { id: 'HR-1', title: 'Original title', statement: 'Original statement.', category: 'ops' },
    });
    const a = await call(core, 'assessment.create', { name: 'Before', client: 'C', assessor: 'A', catalogueIds: ['house-rules'] });
    assert.equal(a.catalogues[0]!.hash, v1.hash);
    await call(core, 'catalog.saveControl', {
      catalogueId: 'house-rules',
      control: { id: 'HR-1', title: 'Changed title', statement: 'Changed statement.', category: 'ops' },
    });
    await call(core, 'catalog.saveControl', {
      catalogueId: 'house-rules',
      control: { id: 'HR-2', title: 'New control', statement: 'Added later.', category: 'ops' },
    });
    await call(core, 'workspace.close', {});
    await call(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace'), passphrase: 'library test passphrase' });
    const got = await call(core, 'assessment.get', { id: a.id });
    assert.deepEqual(
      got.rows.map((r) => [r.controlId, r.title]),
      [['HR-1', 'Original title']],
    );
    assert.equal(got.assessment.catalogues[0]!.version, v1.version);
    const detail = await call(core, 'assessment.control', { assessmentId: a.id, catalogueId: 'house-rules', controlId: 'HR-1' });
    assert.equal(detail.statement, 'Original statement.');
    const current = await call(core, 'catalog.get', { id: 'house-rules' });
    assert.equal(current.controls.length, 2);
    // Removing the catalogue leaves the assessment readable from its snapshot.
    await call(core, 'catalog.remove', { id: 'house-rules' });
    assert.equal((await call(core, 'assessment.get', { id: a.id })).rows.length, 1);
  } finally {
    await core.close();
  }
});
