// The workspace lifecycle in Chromium against the real core and store: create with a
// strength-checked passphrase, the save indicator, audit log and verification, lock and
// unlock, change passphrase, close and reopen from the recent list.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screens } from '../../renderer/src/store/navigation';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { tempDir } from '../support/core';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'violet tractor lagoon oyster';
const NEW_PASS = 'amber kettle meadow signal';

async function axeClean(page: Page, where: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${where}`);
}

test('create → audit → verify → lock → unlock → change passphrase → close → reopen', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page } = app;
  const path = join(tempDir('attest-e2e-'), 'northwind.attest');
  try {
    await page.getByRole('heading', { name: 'Create a workspace' }).waitFor();
    await app.screenshot('workspace-01-home-empty');
    await axeClean(page, 'home without a workspace');

    const create = page.getByRole('form', { name: 'Create a workspace' });
    await create.getByLabel('Name').fill('Northwind Health review');
    await create.getByLabel('Passphrase', { exact: true }).fill('password1');
    assert.match(await create.locator('.strength-label').innerText(), /^(Very weak|Weak)\./);
    await create.getByLabel('Repeat the passphrase').fill('password1');
    assert.equal(await create.getByRole('button', { name: 'Create workspace' }).isDisabled(), true, 'a weak passphrase cannot be used');
    await create.getByLabel('Passphrase', { exact: true }).fill(PASS);
    assert.match(await create.locator('.strength-label').innerText(), /^(Good|Strong)\./);
    await create.getByLabel('Repeat the passphrase').fill(`${PASS}x`);
    await create.getByText('The two passphrases differ.').waitFor();
    assert.equal(await create.getByRole('button', { name: 'Create workspace' }).isDisabled(), true);
    await create.getByLabel('Repeat the passphrase').fill(PASS);
    await app.screenshot('workspace-02-create-form');
    // Create asks where to save in the system's dialog; the harness stands in for the user's choice.
    app.chooseFile(path);
    await create.getByRole('button', { name: 'Create workspace' }).click();

    await page.getByRole('heading', { name: 'Northwind Health review', level: 1 }).waitFor();
    assert.ok(existsSync(path), 'the file exists on disk');
    assert.equal(app.dialogs.at(-1)?.kind, 'save');
    assert.match(
      app.dialogs.at(-1)?.defaultPath ?? '',
      /northwind-health-review\.attest$/,
      'the dialog suggests a name from the workspace name',
    );
    assert.match(await page.locator('.save-state').innerText(), /All changes saved/);
    await app.screenshot('workspace-03-open');
    await axeClean(page, 'home with an open workspace');

    await page.getByRole('button', { name: 'View audit log' }).click();
    await page.getByRole('cell', { name: 'workspace.create', exact: true }).first().waitFor();
    await page.getByLabel('Passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText(/^Intact: /).waitFor();
    await app.screenshot('workspace-04-audit');
    await axeClean(page, 'audit log');

    for (const s of screens) {
      // Screens without a digit shortcut are reached from the sidebar.
      if (s.shortcut) await page.keyboard.press(`Control+${s.shortcut}`);
      else await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: s.label }).click();
      await page.waitForSelector(`main[data-screen="${s.id}"] h1`);
      await axeClean(page, `${s.id} with a workspace open`);
    }

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Northwind Health review is locked' }).waitFor();
    assert.equal(await page.locator('.topbar').count(), 0, 'nothing of the workspace shows while locked');
    await app.screenshot('workspace-05-locked');
    await axeClean(page, 'unlock screen');
    await page.getByLabel('Passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').filter({ hasText: 'The passphrase is wrong' }).waitFor();
    await page.getByLabel('Passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('.topbar').waitFor();

    await page.keyboard.press('Control+9');
    await page.getByLabel('Current passphrase').fill(PASS);
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASS);
    await page.getByLabel('Repeat the new passphrase').fill(NEW_PASS);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('The passphrase was changed and the workspace re-encrypted under a new key').waitFor();
    await app.screenshot('workspace-06-settings');
    await axeClean(page, 'settings with a workspace open');

    await page.keyboard.press('Control+0');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('heading', { name: 'Welcome to Attest' }).waitFor();
    await page.getByRole('button', { name: /^Northwind Health review/ }).click();
    const openForm = page.getByRole('form', { name: `Open ${path}` });
    await openForm.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await openForm.getByRole('button', { name: 'Open', exact: true }).click();
    await openForm.getByRole('alert').filter({ hasText: 'The passphrase is wrong' }).waitFor();
    await openForm.getByLabel('Passphrase', { exact: true }).fill(NEW_PASS);
    await openForm.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { name: 'Northwind Health review', level: 1 }).waitFor();
    await app.screenshot('workspace-07-reopened');

    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: /is locked/ }).waitFor();
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
