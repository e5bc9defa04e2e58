// The Catalogues screen in Chromium against the real core: the built-ins and their
// detail, full-text search with highlighted matches, OSCAL and CSV imports through the
// dialog, a custom catalogue with a control added, edited, deleted and restored, and a
// 5,000-control catalogue that stays windowed.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp, type Harness } from '../harness/browser';
import { tempDir } from '../support/core';
import { call, chosen, upload } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'violet tractor lagoon oyster';
const LOW_PROFILE = join(__dirname, '../../../shared/corpora/oscal/NIST_SP-800-53_rev5_LOW-baseline_profile.json');
const NIST_HIGH = join(__dirname, '../../../shared/corpora/oscal/NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json');
const NIST_LOW = join(__dirname, '../../../shared/corpora/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json');

async function axeClean(page: Page, where: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${where}`);
}

/** A fresh app with a workspace open on the Catalogues screen. */
async function catalogues(): Promise<Harness> {
  const app = await openApp();
  await call(app.core, 'workspace.create', {
    handle: chosen(app.core, join(tempDir('attest-e2e-'), 'catalogues.attest'), 'save:workspace'),
    name: 'Catalogue review',
    passphrase: PASS,
  });
  await app.page.reload();
  await app.page.locator('.topbar').waitFor();
  await app.page.keyboard.press('Control+4');
  await app.page.waitForSelector('main[data-screen="catalogues"] h1');
  return app;
}

const row = (page: Page, testId: string, id: string) =>
  page
    .getByTestId(testId)
    .getByRole('row')
    .filter({ has: page.locator('code', { hasText: new RegExp(`^${id.replace(/\./g, '\\.')}$`) }) });

test('the list shows the built-ins; a catalogue and its controls open with every detail', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await catalogues();
  const { page } = app;
  try {
    const list = page.getByTestId('catalogue-list');
    await list.waitFor();
    const expected = (await call(app.core, 'catalog.list', {})).catalogues;
    assert.equal(expected.length, 5);
    for (const c of expected) {
      const tr = list.locator(`tr[data-catalogue="${c.id}"]`);
      assert.equal(await tr.getByTestId('control-count').innerText(), String(c.controlCount), c.id);
      assert.match(await tr.innerText(), /Built-in/);
    }
    assert.equal(await list.locator('tr[data-catalogue="platform-baseline"]').getByTestId('control-count').innerText(), '78');
    await app.screenshot('catalogues-list');
    await axeClean(page, 'catalogue list');

    await list.getByRole('button', { name: /Platform security baseline/i }).click();
    await page.getByRole('heading', { name: /Platform security baseline/i, level: 2 }).waitFor();
    await page.getByText('https://panfactum.com/docs/framework/pillars/security').waitFor();
    await page.getByTestId('read-only-note').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add control' }).count(), 0, 'a built-in offers no editing');
    assert.equal(await page.getByRole('button', { name: /Remove catalogue/ }).count(), 0);

    // The category chips filter the table and carry their counts.
    const vendor = page.getByRole('button', { name: /^Vendor management \d+$/ });
    const count = Number((await vendor.innerText()).match(/(\d+)$/)?.[1]);
    await vendor.click();
    assert.equal(await vendor.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('controls-table').getByRole('grid').getAttribute('aria-rowcount'), String(count + 1));

    await row(page, 'controls-table', 'S.V.8').click();
    const detail = page.getByTestId('control-detail');
    await detail.getByRole('heading', { name: /S\.V\.8 / }).waitFor();
    assert.match(await detail.innerText(), /statement/i);

    await row(page, 'controls-table', 'S.V.8b').click();
    await detail.getByRole('heading', { name: /S\.V\.8b Source code obtained/ }).waitFor();
    assert.match(await detail.innerText(), /editorial note[\s\S]*prints the code S\.V\.8 on two different rows/i);
    await app.screenshot('catalogue-detail');
    await axeClean(page, 'catalogue detail');

    // The keyboard moves the cursor in the grid, and the detail follows.
    await page.getByTestId('controls-table').getByRole('grid').focus();
    await page.keyboard.press('Home');
    await detail.getByRole('heading', { name: /S\.V\.1 / }).waitFor();

    // A mapping jumps to the mapped control in its own catalogue.
    await page.getByRole('button', { name: /^All \d+$/ }).click();
    await row(page, 'controls-table', 'S.A.1').click();
    await detail.getByRole('button', { name: 'Go to TN.UAC.2 in tines-hardening' }).click();
    await page.getByRole('heading', { name: /Tines/i, level: 2 }).waitFor();
    await detail.getByRole('heading', { name: /TN\.UAC\.2 / }).waitFor();

    await page.getByRole('button', { name: '← All catalogues' }).click();
    await page.getByTestId('catalogue-list').waitFor();
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('search covers every catalogue, highlights the matched words and teaches when nothing matches', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await catalogues();
  const { page } = app;
  try {
    await page.getByTestId('catalogue-list').waitFor();
    await page.getByRole('heading', { name: 'Catalogues', level: 1 }).click();
    await page.keyboard.press('/');
    const box = page.getByTestId('catalogue-search');
    assert.equal(await box.evaluate((el) => el === document.activeElement), true, '/ focuses the search box');
    await page.keyboard.type('single sign-on');
    const results = page.getByTestId('search-results');
    await page
      .getByTestId('result-count')
      .filter({ hasText: /^2 results/ })
      .waitFor();
    await row(page, 'search-results', 'S.A.4').waitFor();
    await row(page, 'search-results', 'TN.ACC.1').waitFor();
    assert.ok((await results.locator('mark').count()) >= 2, 'matched words are marked');
    assert.equal((await results.locator('mark').first().innerText()).toLowerCase(), 'single');
    assert.equal(
      await results
        .locator('.hit-snippet')
        .first()
        .evaluate((el) => el.textContent?.includes('[')),
      false,
      'no raw brackets left',
    );
    await page
      .getByTestId('control-detail')
      .getByRole('heading', { name: /S\.A\.4 / })
      .waitFor();
    await app.screenshot('catalogue-search');
    await axeClean(page, 'search results');

    // Filters narrow the search; the category list is the chosen catalogue's.
    await page.getByLabel('Catalogue', { exact: true }).selectOption('tines-hardening');
    await page
      .getByTestId('result-count')
      .filter({ hasText: /^1 result/ })
      .waitFor();
    await page.getByLabel('Category').selectOption({ label: 'Accessing the tenant' });
    await page
      .getByTestId('result-count')
      .filter({ hasText: /^1 result/ })
      .waitFor();
    await page.getByLabel('Category').selectOption({ label: 'User access control' });
    await page
      .getByTestId('result-count')
      .filter({ hasText: /^0 results/ })
      .waitFor();
    assert.match(await results.innerText(), /category “User access control”/);
    await page.getByLabel('Category').selectOption('');

    // Nothing found: say what was searched and how to widen it.
    await box.fill('zebra quokka');
    await page
      .getByTestId('result-count')
      .filter({ hasText: /^0 results/ })
      .waitFor();
    const empty = await results.innerText();
    assert.match(empty, /No control matches “zebra quokka” in Tines/);
    assert.match(empty, /widen the filters/);
    await axeClean(page, 'empty search');

    // Enter on a result opens it in its catalogue and leaves the search.
    await page.getByLabel('Catalogue', { exact: true }).selectOption('');
    await box.fill('single sign-on');
    await row(page, 'search-results', 'S.A.4').waitFor();
    await results.getByRole('grid').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Platform security baseline/i, level: 2 }).waitFor();
    await page
      .getByTestId('control-detail')
      .getByRole('heading', { name: /S\.A\.4 / })
      .waitFor();
    assert.equal(await box.inputValue(), '');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('an OSCAL catalog imports through the dialog, and a second import offers a new version', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await catalogues();
  const { page } = app;
  try {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles(NIST_LOW);
    await dialog.getByTestId('oscal-summary').waitFor();
    assert.match(await dialog.innerText(), /NIST Special Publication 800-53 Revision 5\.1\.1 LOW IMPACT BASELINE/);
    assert.equal(await dialog.getByTestId('oscal-controls').innerText(), '131');
    assert.equal(await dialog.getByTestId('oscal-enhancements').innerText(), '18');
    assert.equal(await dialog.getByTestId('oscal-groups').innerText(), '18');
    await app.screenshot('catalogue-import-oscal');
    await axeClean(page, 'OSCAL preview');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByTestId('import-result').waitFor();
    const shown = Number((await dialog.getByTestId('imported-count').innerText()).replace(/,/g, ''));
    const listed = (await call(app.core, 'catalog.list', {})).catalogues.find((c) => c.origin === 'oscal');
    assert.ok(listed, 'the core lists the imported catalogue');
    assert.equal(shown, listed.controlCount);
    assert.equal(shown, 149);
    await dialog.getByRole('button', { name: 'Open the catalogue' }).click();
    await page.getByRole('heading', { name: /LOW IMPACT BASELINE/, level: 2 }).waitFor();
    await row(page, 'controls-table', 'AC-2').click();
    // OSCAL parameters are set apart in the statement.
    assert.ok((await page.getByTestId('control-detail').locator('.control-param').count()) > 0);
    await page.getByRole('button', { name: 'Add control' }).waitFor();

    // The same file again: the id exists, so the dialog offers a new version or another id.
    await page.getByRole('button', { name: 'Import…' }).click();
    await dialog.getByTestId('import-file').setInputFiles(NIST_LOW);
    await dialog.getByText('A catalogue with this id is already in the workspace').waitFor();
    await dialog.getByLabel('Import as a separate catalogue under another id').check();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('Give the catalogue an id.').waitFor();
    await dialog.getByLabel('Import as a new version of it', { exact: false }).check();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByTestId('import-result').waitFor();
    const versions = (await call(app.core, 'catalog.list', {})).catalogues.filter((c) => c.origin === 'oscal');
    assert.equal(versions.length, 1, 'a new version replaces, it does not duplicate');
    assert.notEqual(versions[0]?.version, listed.version);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A file Attest does not import is refused before anything is sent.
    await page.getByRole('button', { name: 'Import…' }).click();
    const notes = join(tempDir('attest-e2e-'), 'notes.txt');
    writeFileSync(notes, 'hello');
    await dialog.getByTestId('import-file').setInputFiles(notes);
    await dialog.getByRole('alert').filter({ hasText: 'notes.txt is not a file Attest imports' }).waitFor();
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('a profile asks for the catalog it imports; Add from library adds a baseline whose parts show in the control detail', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await catalogues();
  const { page } = app;
  try {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles(LOW_PROFILE);
    await dialog.getByTestId('profile-sources').waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled(), true);
    await dialog.getByTestId('profile-source').first().setInputFiles(NIST_HIGH);
    await dialog.getByTestId('oscal-summary').waitFor();
    assert.equal(await dialog.getByTestId('oscal-controls').innerText(), '131');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByTestId('import-result').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Import…' }).click();
    await dialog.getByTestId('library-list').waitFor();
    await axeClean(page, 'import dialog with the library');
    await dialog.getByTestId('library-add-fedramp-rev5-li-saas').click();
    await dialog.getByTestId('import-result').waitFor();
    const listed = (await call(app.core, 'catalog.list', {})).catalogues.find((c) => c.id === 'fedramp-rev5-li-saas');
    assert.ok(listed, 'the library baseline is in the workspace');
    await dialog.getByRole('button', { name: 'Open the catalogue' }).click();
    await row(page, 'controls-table', 'AC-2').click();
    const detail = page.getByTestId('control-detail');
    await detail.getByRole('heading', { name: 'Assessment objectives' }).waitFor();
    const expected = (await call(app.core, 'catalog.get', { id: 'fedramp-rev5-li-saas' })).controls.find((c) => c.id === 'ac-2')!.parts!;
    assert.equal(await detail.getByTestId('control-part').count(), expected.length, 'every part of AC-2 is shown');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('a CSV imports through the mapping step; a bad row is reported and the good rows come in', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await catalogues();
  const { page } = app;
  try {
    const csv = join(tempDir('attest-e2e-'), 'vendor-policy.csv');
    writeFileSync(
      csv,
      [
        'Ref,Name,Requirement,Domain,Priority,Labels',
        'VP-1,Supplier inventory,Every supplier with access to data is listed with an owner.,Suppliers,4,"inventory, suppliers"',
        'VP-2,Annual review,Each critical supplier is reviewed once a year.,Suppliers,9,reviews',
        'VP-3,Exit plan,"A documented exit plan exists for each critical supplier, tested yearly.",Continuity,3,',
        '',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles(csv);
    const mapping = dialog.getByTestId('mapping-step');
    await mapping.waitFor();
    // "Ref", "Name", "Requirement" are recognised; "Priority" is not a weight synonym everywhere, so set it.
    assert.equal(await mapping.getByLabel('Id (required)').inputValue(), 'Ref');
    assert.equal(await mapping.getByLabel('Title', { exact: true }).inputValue(), 'Name');
    // The header row found is shown and can be changed.
    assert.equal(await dialog.getByTestId('import-header-row').inputValue(), '1');
    assert.equal(await mapping.getByLabel('Statement (required)').inputValue(), 'Requirement');
    await mapping.getByLabel('Weight (1–5)').selectOption('Priority');
    await mapping.getByLabel('Category').selectOption('Domain');
    await mapping.getByLabel('Tags').selectOption('Labels');
    await mapping.getByLabel('Title of the new catalogue').fill('Vendor policy');
    assert.match(await mapping.innerText(), /Supplier inventory/);
    await app.screenshot('catalogue-import-mapping');
    await axeClean(page, 'mapping step');

    // A required field left out is caught before the import.
    await mapping.getByLabel('Statement (required)').selectOption('');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('Choose the column for statement.').waitFor();
    await mapping.getByLabel('Statement (required)').selectOption('Requirement');

    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const result = dialog.getByTestId('import-result');
    await result.waitFor();
    assert.equal(await result.getByTestId('imported-count').innerText(), '2');
    const errors = result.getByRole('region', { name: 'Rows not imported' }).or(result.locator('.problems.error'));
    assert.match(await errors.innerText(), /row 3, column "Priority": weight "9" is not a whole number from 1 to 5/);
    await app.screenshot('catalogue-import-result');
    await axeClean(page, 'import result');

    const saved = await call(app.core, 'catalog.get', { id: 'vendor-policy' });
    assert.deepEqual(
      saved.controls.map((c) => c.id),
      ['VP-1', 'VP-3'],
    );
    assert.deepEqual(saved.controls[0]?.tags, ['inventory', 'suppliers']);
    assert.equal(saved.controls[0]?.weight, 4);

    // A file that yields no control saves nothing and says why.
    const bad = join(tempDir('attest-e2e-'), 'empty-rows.csv');
    writeFileSync(bad, 'id,title,statement\n,,no id here\n');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    await dialog.getByTestId('import-file').setInputFiles(bad);
    await dialog.getByTestId('mapping-step').getByLabel('Title of the new catalogue').fill('Nothing');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /No control in empty-rows\.csv could be imported; nothing was saved/ })
      .waitFor();
    assert.equal(
      (await call(app.core, 'catalog.list', {})).catalogues.some((c) => c.id === 'nothing'),
      false,
    );
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('a custom catalogue: create it, add, edit, delete and restore a control, then remove it', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await catalogues();
  const { page } = app;
  try {
    await page.getByRole('button', { name: 'New custom catalogue…' }).click();
    const form = page.getByTestId('custom-catalogue-form');
    await form.getByRole('button', { name: 'Create catalogue' }).click();
    await form.getByText('A title is required.').waitFor();
    await form.getByLabel('Title', { exact: true }).fill('Acme Cloud Policy');
    assert.equal(await form.getByLabel('Id', { exact: true }).inputValue(), 'acme-cloud-policy');
    await form.getByLabel('Categories').fill('Access control\nData Protection & Backup\n');
    await form.getByText('Category ids: access-control, data-protection-backup').waitFor();
    await axeClean(page, 'new custom catalogue');
    await form.getByRole('button', { name: 'Create catalogue' }).click();
    await page.getByRole('heading', { name: 'Acme Cloud Policy', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'No controls yet' }).waitFor();

    await page.getByRole('button', { name: 'Add the first control' }).click();
    const editor = page.getByTestId('control-editor');
    await editor.getByRole('button', { name: 'Add control' }).click();
    await editor.getByText('An id is required.').waitFor();
    await editor.getByLabel('Id', { exact: true }).fill('ACME.1');
    await editor.getByLabel('Title', { exact: true }).fill('Backups are encrypted');
    await editor.getByLabel('Statement').fill('Every backup of customer data is encrypted with a key the provider cannot read.');
    await editor.getByLabel('Guidance').fill('Ask for the backup policy and one restore test record.');
    await editor.getByLabel('Category').selectOption({ label: 'Data Protection & Backup' });
    await editor.getByLabel('Weight').selectOption('4');
    await editor.getByLabel('Severity').selectOption('high');
    await editor.getByLabel('Tags').fill('backup, encryption, backup');
    await app.screenshot('catalogue-custom-editor');
    await axeClean(page, 'control editor');
    await editor.getByRole('button', { name: 'Add control' }).click();
    const detail = page.getByTestId('control-detail');
    await detail.getByRole('heading', { name: /ACME\.1 Backups are encrypted/ }).waitFor();
    let saved = await call(app.core, 'catalog.get', { id: 'acme-cloud-policy' });
    assert.deepEqual(
      saved.controls.map((c) => [c.id, c.category, c.weight, c.severity, c.tags]),
      [['ACME.1', 'data-protection-backup', 4, 'high', ['backup', 'encryption']]],
    );
    await axeClean(page, 'custom catalogue with a control');

    await detail.getByRole('button', { name: 'Edit control' }).click();
    await editor.getByLabel('Title', { exact: true }).fill('Backups are encrypted at rest');
    await editor.getByRole('button', { name: 'Save control' }).click();
    await detail.getByRole('heading', { name: /ACME\.1 Backups are encrypted at rest/ }).waitFor();

    await detail.getByRole('button', { name: 'Delete control…' }).click();
    await page.getByRole('dialog', { name: 'Delete control ACME.1?' }).getByRole('button', { name: 'Delete control' }).click();
    await page.getByRole('heading', { name: 'No controls yet' }).waitFor();
    saved = await call(app.core, 'catalog.get', { id: 'acme-cloud-policy' });
    assert.equal(saved.controls.length, 0);
    await page.getByRole('status').filter({ hasText: 'Deleted control ACME.1' }).getByRole('button', { name: 'Undo' }).click();
    await detail.getByRole('heading', { name: /ACME\.1 Backups are encrypted at rest/ }).waitFor();
    saved = await call(app.core, 'catalog.get', { id: 'acme-cloud-policy' });
    assert.deepEqual(
      saved.controls.map((c) => [c.id, c.title, c.weight, c.tags]),
      [['ACME.1', 'Backups are encrypted at rest', 4, ['backup', 'encryption']]],
    );

    // The keyboard reaches the editor too: e on the control under the cursor.
    await page.getByTestId('controls-table').getByRole('grid').focus();
    await page.keyboard.press('e');
    await page.getByRole('dialog', { name: 'Edit control ACME.1' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Edit control ACME.1' }).waitFor({ state: 'detached' });

    // The same id cannot be created twice.
    await page.getByRole('button', { name: 'New custom catalogue…' }).click();
    await form.getByLabel('Title', { exact: true }).fill('Acme Cloud Policy');
    await form.getByLabel('Categories').fill('One');
    await form.getByRole('button', { name: 'Create catalogue' }).click();
    await form.getByText('The workspace already has a catalogue "acme-cloud-policy".').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Remove catalogue…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Acme Cloud Policy?' });
    assert.match(await confirm.innerText(), /keep the snapshot/);
    await confirm.getByRole('button', { name: 'Remove catalogue' }).click();
    await page.getByTestId('catalogue-list').waitFor();
    assert.equal(
      (await call(app.core, 'catalog.list', {})).catalogues.some((c) => c.id === 'acme-cloud-policy'),
      false,
    );
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('a catalogue of 5,000 controls stays windowed and answers the keyboard', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await catalogues();
  const { page } = app;
  try {
    const lines = ['id,title,statement,category,weight'];
    for (let i = 1; i <= 5000; i++) lines.push(`BIG.${i},Control number ${i},Statement of control ${i}.,Area ${i % 12},${(i % 5) + 1}`);
    await call(app.core, 'catalog.import', {
      file: upload('big.csv', lines.join('\n')),
      mapping: { id: 'id', title: 'title', statement: 'statement', category: 'category', weight: 'weight' },
      title: 'Big catalogue',
    });
    await page.getByTestId('catalogue-list').locator('tr[data-catalogue="big-catalogue"]').getByRole('button').click();
    const grid = page.getByTestId('controls-table').getByRole('grid');
    await grid.waitFor();
    assert.equal(await grid.getAttribute('aria-rowcount'), '5001');
    const rendered = await grid.locator('[role="row"]').count();
    assert.ok(rendered < 80, `only the rows in view are in the page (${rendered})`);
    await grid.focus();
    const started = Date.now();
    await page.keyboard.press('End');
    await page
      .getByTestId('control-detail')
      .getByRole('heading', { name: /BIG\.5000 / })
      .waitFor();
    for (let i = 0; i < 30; i++) await page.keyboard.press('PageUp');
    await page
      .getByTestId('control-detail')
      .getByRole('heading', { name: /BIG\.4\d\d\d / })
      .waitFor();
    assert.ok(Date.now() - started < 5000, `keyboard paging stays quick (${Date.now() - started} ms)`);
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('an Excel workbook imports through the same mapping step', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await catalogues();
  const { page } = app;
  try {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Controls');
    sheet.addRow(['Control ID', 'Control name', 'Description', 'Severity']);
    sheet.addRow(['HR-1', 'Background checks', 'Staff with production access pass a background check.', 'Medium']);
    sheet.addRow(['HR-2', 'Leaver process', 'Access is removed within one working day of leaving.', 'urgent']);
    const xlsx = join(tempDir('attest-e2e-'), 'hr-controls.xlsx');
    await workbook.xlsx.writeFile(xlsx);

    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles(xlsx);
    const mapping = dialog.getByTestId('mapping-step');
    await mapping.waitFor();
    assert.equal(await mapping.getByLabel('Id (required)').inputValue(), 'Control ID');
    assert.equal(await mapping.getByLabel('Severity').inputValue(), 'Severity');
    assert.equal(await mapping.getByLabel('Title of the new catalogue').inputValue(), 'hr-controls');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const result = dialog.getByTestId('import-result');
    await result.waitFor();
    assert.equal(await result.getByTestId('imported-count').innerText(), '1');
    assert.match(
      await result.locator('.problems.error').innerText(),
      /sheet "Controls" row 3, column "Severity": severity "urgent" is not one of/,
    );
    const listed = (await call(app.core, 'catalog.list', {})).catalogues.find((c) => c.id === 'hr-controls');
    assert.equal(listed?.controlCount, 1);
    assert.equal(listed?.origin, 'tabular');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('the dark theme passes axe on the list, a catalogue, a search and the import dialog', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp({ colorScheme: 'dark' });
  const { page } = app;
  try {
    await call(app.core, 'workspace.create', {
      handle: chosen(app.core, join(tempDir('attest-e2e-'), 'dark.attest'), 'save:workspace'),
      name: 'Dark review',
      passphrase: PASS,
    });
    await page.reload();
    await page.locator('.topbar').waitFor();
    await page.keyboard.press('Control+4');
    await page.getByTestId('catalogue-list').waitFor();
    await axeClean(page, 'dark list');
    await page.getByRole('button', { name: /Tines tenant hardening/ }).click();
    await page.getByTestId('control-detail').waitFor();
    await axeClean(page, 'dark detail');
    await page.getByTestId('catalogue-search').fill('token');
    await page.getByTestId('search-results').locator('mark').first().waitFor();
    await app.screenshot('catalogue-search-dark');
    await axeClean(page, 'dark search');
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-dialog').waitFor();
    await axeClean(page, 'dark import dialog');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
