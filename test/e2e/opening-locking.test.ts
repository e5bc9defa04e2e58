// Opening and locking in Chromium against the real core: a failed open (wrong passphrase,
// missing file) leaves the open workspace open and says why, the top bar shows the
// core's real state, and a lock keeps a half-typed rationale, the screen and the row.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDemoWorkspace } from '../../main/core/demo/demo';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { tempDir } from '../support/core';
import { call, chosen } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'violet tractor lagoon oyster';

test('a failed open leaves the current workspace open and says why; the top bar follows the core', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page } = app;
  const dir = tempDir('attest-e2e-open-');
  try {
    // The top bar says so when nothing is open.
    await page.locator('.appbar[data-state="none"]').filter({ hasText: 'No workspace open' }).waitFor();
    await call(app.core, 'workspace.create', {
      handle: chosen(app.core, join(dir, 'other.attest'), 'save:workspace'),
      name: 'Other client',
      passphrase: PASS,
    });
    await call(app.core, 'workspace.create', {
      handle: chosen(app.core, join(dir, 'current.attest'), 'save:workspace'),
      name: 'Current client',
      passphrase: PASS,
    });
    await page.reload();
    await page.locator('.topbar').filter({ hasText: 'Current client' }).waitFor();

    // Wrong passphrase for a recent workspace.
    await page.locator('.recent-open').filter({ hasText: 'Other client' }).click();
    await page
      .getByRole('form', { name: /other\.attest/ })
      .getByLabel('Passphrase')
      .fill('not the passphrase');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: /passphrase/i }).waitFor();
    assert.match(await alert.innerText(), /“Current client” is still open/);
    assert.equal(await page.locator('.topbar .topbar-name').innerText(), 'Current client');
    assert.equal((await call(app.core, 'workspace.status', {})).state, 'open');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // A file that is gone by the time it is opened (chosen in the dialog, then removed).
    app.chooseFile(join(dir, 'missing.attest'));
    await page.getByRole('button', { name: 'Open another file…' }).click();
    await page.getByLabel('Passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /still open/ })
      .waitFor();
    assert.match(await page.getByRole('alert').innerText(), /No workspace file exists/);

    // Every screen still has the workspace: Findings lists, not "no workspace".
    await page.keyboard.press('Control+3');
    await page.waitForSelector('main[data-screen="findings"] h1');
    assert.equal(await page.getByText(/No workspace is open/i).count(), 0);
    assert.match(await page.locator('.topbar .save-state').innerText(), /All changes saved/);
    assert.deepEqual(await seriousViolations(page), []);

    // The core closes the workspace behind the window's back: the top bar follows it.
    await call(app.core, 'workspace.close', {});
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.locator('.appbar[data-state="none"]').waitFor({ timeout: 3000 });
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('a lock keeps a half-typed rationale; unlock returns to the same screen and row', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp({ colorScheme: 'dark' });
  const { page } = app;
  try {
    await createDemoWorkspace(app.core, join(tempDir('attest-e2e-lock-'), 'demo.attest'));
    await page.reload();
    await page.locator('.topbar').waitFor();
    await page.keyboard.press('Control+2');
    await page.waitForSelector('main[data-screen="assessments"] h1');
    await page.locator('.asm-link').first().click();
    const grid = page.getByTestId('control-table').getByRole('grid');
    await grid.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('j');
    const activeBefore = await grid.locator('[role="row"].active').innerText();
    await page.keyboard.press('e');
    const draft = 'Half-typed: MFA is enforced for all admin acc';
    await page.keyboard.type(draft);

    await page.keyboard.press('Control+l');
    await page.locator('main[data-screen="locked"]').waitFor();
    await page.locator('.appbar[data-state="locked"]').filter({ hasText: 'Locked' }).waitFor();
    assert.equal(await page.locator('.asm-editor textarea').isVisible(), false, 'nothing of the screen shows while locked');
    assert.equal(await page.locator('.view[hidden][inert]').count(), 1, 'the screen is kept hidden and inert');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the unlock screen');
    await page.getByLabel('Passphrase').fill('attest-demo');
    await page.getByRole('button', { name: 'Unlock' }).click();

    await page.locator('main[data-screen="assessments"]').waitFor();
    await page.locator('.topbar').waitFor();
    const activeAfter = await grid.locator('[role="row"].active').innerText();
    assert.equal(activeAfter, activeBefore, 'the same control is active');
    assert.ok((await page.locator('.asm-editor textarea').inputValue()).endsWith(draft), 'the draft survived');
    await page.locator('.asm-unsaved').waitFor();
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
