// The consultant's day in one pass, through the UI only: create a workspace, start an
// assessment, assess ten controls with the keyboard, turn a not-met control into a
// finding, and see both on the dashboard. The core is checked at the end.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { tempDir } from '../support/core';
import { call } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'harbour lantern quiet meadow';

test('create workspace → new assessment → assess ten controls by keyboard → finding → the dashboard shows it', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page, core } = app;
  try {
    const create = page.getByRole('form', { name: 'Create a workspace' });
    await create.getByLabel('Name').fill('Fabrikam review');
    await create.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await create.getByLabel('Repeat the passphrase').fill(PASS);
    app.chooseFile(join(tempDir('attest-flow-'), 'fabrikam.attest'));
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'Fabrikam review', level: 1 }).waitFor();

    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: 'New assessment' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New assessment' });
    await dialog.getByLabel('Name').fill('Fabrikam platform 2026');
    await dialog.getByLabel('Client').fill('Fabrikam');
    await dialog.getByLabel('Assessor').fill('Robin Auditor');
    await dialog.getByRole('checkbox', { name: /Platform security baseline/ }).check();
    await dialog.getByRole('button', { name: 'Create assessment' }).click();
    await page.getByRole('heading', { name: 'Fabrikam platform 2026', level: 1 }).waitFor();

    // Ten controls: mostly met, two partial, two not met. The table has focus on open.
    const grid = page.getByTestId('control-table').getByRole('grid');
    await grid.focus();
    for (const key of ['1', '1', '3', '1', '2', '1', '1', '3', '2', '1']) {
      await page.keyboard.press(key);
      await page.keyboard.press('j');
    }
    await page.getByText('10 of 78 assessed').waitFor();
    // Back to the third control (not met) and make it a finding.
    await page.keyboard.press('Home');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('f');
    await page
      .getByTestId('toast')
      .getByText(/^F-001 created from /)
      .waitFor();
    await app.screenshot('flow-assessment');

    await page.keyboard.press('Control+1');
    const score = page.getByTestId('overall-score');
    await score.waitFor();
    const [assessment] = (await call(core, 'assessment.list', {})).assessments;
    assert.ok(assessment);
    const dashboard = await call(core, 'dashboard.get', { assessmentId: assessment.id });
    assert.equal(dashboard.overall.met + dashboard.overall.partial + dashboard.overall.notMet, 10);
    assert.equal(
      dashboard.findingsBySeverity.high +
        dashboard.findingsBySeverity.critical +
        dashboard.findingsBySeverity.medium +
        dashboard.findingsBySeverity.low +
        dashboard.findingsBySeverity.info,
      1,
    );
    assert.match(await score.innerText(), new RegExp(String(dashboard.overall.score).replace('.', '\\.')));
    const severity = Object.entries(dashboard.findingsBySeverity).find(([, n]) => n === 1)![0];
    assert.equal(await page.locator(`[data-severity="${severity}"] .severity-count`).innerText(), '1');
    await app.screenshot('flow-dashboard');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
