// Ctrl+Z takes back the newest change of any kind, in Chromium against the real core: a
// vendor added through its dialog, a finding made in the Findings form, a control's
// status set with the keyboard, a finding removed. The screens show the
// state as it was; a toast's Undo for a change that is no longer the newest is refused
// without changing anything; Ctrl+Z in a text field stays the field's own undo.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { axeClean, goTo, newAssessment, newWorkspace } from '../harness/flows';
import { call } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'copper walrus anthem pebble';

/** Ctrl+Z outside any text field, then the toast that says what was undone. */
async function undo(page: Page, said: string | RegExp) {
  await page.locator('main h1').first().click();
  await page.keyboard.press('Control+z');
  await page.getByTestId('toast').getByText(said).waitFor();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`Ctrl+Z undoes the newest change of any kind, and the screens show it (${colorScheme})`, async (t) => {
    if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
    const app = await openApp({ colorScheme });
    const { core, page } = app;
    try {
      await newWorkspace(core, 'Undo', PASS);
      await page.reload();
      await page.locator('.topbar').waitFor();
      // Nothing done yet in this session: Ctrl+Z says so.
      await undo(page, 'There is no change to undo in this session.');
      const a = await newAssessment(core, 'Q1 review');

      // 1. A vendor added through its dialog.
      await goTo(page, '5', 'vendors');
      await page.getByRole('main').getByRole('button', { name: 'Add vendor' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Add vendor' });
      await dialog.getByLabel('Name').fill('Skyline Cloud');
      await dialog.getByLabel('Internal owner').fill('Priya Shah');
      await dialog.getByLabel('Services').fill('Hosting');
      // Ctrl+Z inside a text field is the field's own undo: the workspace is untouched.
      await dialog.getByLabel('Services').press('Control+z');
      assert.equal((await call(core, 'vendor.list', {})).vendors.length, 0);
      await dialog.getByLabel('Services').fill('Hosting');
      await dialog.getByLabel('Personal data').check();
      await dialog.getByRole('button', { name: 'Add vendor' }).click();
      await page.getByRole('heading', { level: 1, name: 'Skyline Cloud' }).waitFor();
      assert.equal((await call(core, 'vendor.list', {})).vendors.length, 1);
      await undo(page, 'Undone: vendor added: Vendor “Skyline Cloud”.');
      assert.equal((await call(core, 'vendor.list', {})).vendors.length, 0, 'the vendor is gone');
      // Its page gives way to the (empty) registry.
      await page.getByRole('heading', { name: 'No vendors yet' }).waitFor();

      // 2. A finding made in the Findings form.
      await goTo(page, '3', 'findings');
      await page.getByRole('main').getByRole('button', { name: 'New finding' }).first().click();
      const form = page.getByRole('dialog', { name: 'New finding' });
      await form.getByLabel('Title', { exact: true }).fill('Root login allowed over SSH');
      await form.getByRole('button', { name: 'Create finding' }).click();
      const list = page.getByTestId('finding-list').getByRole('grid');
      await list.getByRole('row', { name: /Root login allowed over SSH/ }).waitFor();
      await app.screenshot(`undo-before-${colorScheme}`);
      await undo(page, /^Undone: finding added: Finding F-001 “Root login allowed over SSH”/);
      await list.getByRole('row', { name: /Root login allowed over SSH/ }).waitFor({ state: 'detached' });
      assert.equal((await call(core, 'finding.list', { assessmentId: a.id })).findings.length, 0);
      await app.screenshot(`undo-after-${colorScheme}`);
      await axeClean(page, `the undo toast (${colorScheme})`);

      // 3. A control's status, set with the keyboard on the assessment screen.
      // The assessment chosen on Findings is the one open here.
      await goTo(page, '2', 'assessments');
      const grid = page.getByTestId('control-table').getByRole('grid');
      await grid.waitFor();
      const first = (await call(core, 'assessment.get', { id: a.id })).rows[0]!;
      await grid.getByRole('row').filter({ hasText: first.label }).first().click();
      await grid.focus();
      await page.keyboard.press('1');
      const statusOf = async () => (await call(core, 'assessment.get', { id: a.id })).rows[0]!.status;
      for (let i = 0; i < 50 && (await statusOf()) === 'not-assessed'; i++) await page.waitForTimeout(50);
      const set = await statusOf();
      assert.notEqual(set, 'not-assessed', 'the key set a status');
      await undo(page, new RegExp(`^Undone: control status set: Control ${first.controlId.replace(/\./g, '\\.')} of “Q1 review”`));
      assert.equal(await statusOf(), 'not-assessed');
      await grid.getByRole('row').filter({ hasText: first.label }).first().getByText('Not assessed').waitFor();

      // 4. A toast's Undo for a change that is no longer the newest changes nothing.
      await goTo(page, '3', 'findings');
      await page.getByRole('main').getByRole('button', { name: 'New finding' }).first().click();
      await form.getByLabel('Title', { exact: true }).fill('Backups never rehearsed');
      await form.getByRole('button', { name: 'Create finding' }).click();
      await list.getByRole('row', { name: /Backups never rehearsed/ }).click();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByRole('dialog', { name: 'Edit F-001' }).getByRole('button', { name: 'Remove finding' }).click();
      const toastUndo = page.getByTestId('toast').getByRole('button', { name: 'Undo' });
      await toastUndo.waitFor();
      // Another change lands meanwhile (e.g. from another screen).
      await call(core, 'vendor.create', {
        name: 'Relay CRM',
        services: 'CRM',
        owner: 'Sam',
        dataTypes: ['personal'],
        criticality: 'medium',
        contractStart: null,
        contractEnd: null,
        exitPlan: '',
        notes: '',
      });
      await toastUndo.click();
      await page.getByTestId('toast').getByText('Newer changes were made after that one; undo those first (Ctrl+Z).').waitFor();
      assert.equal((await call(core, 'vendor.list', {})).vendors.length, 1, 'nothing was undone');
      // Ctrl+Z takes back the newest (the vendor), then the removal.
      await undo(page, 'Undone: vendor added: Vendor “Relay CRM”.');
      await undo(page, /^Undone: finding removed: Finding F-001 “Backups never rehearsed”/);
      await list.getByRole('row', { name: /Backups never rehearsed/ }).waitFor();
      assert.deepEqual(app.problems, []);
    } finally {
      await app.close();
    }
  });
}
