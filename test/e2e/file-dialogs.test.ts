// Paths come from the user, not the renderer: in the browser harness (which stands in
// for the system's dialogs) a workspace is opened through the open dialog and an
// encrypted backup is written through the save dialog. The page only ever holds handles.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { tempDir, testCore } from '../support/core';
import { call, chosen } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'orchard pebble lantern frost';

test('open a workspace through the open dialog, then back it up through the save dialog', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const dir = tempDir('attest-dialogs-');
  const path = join(dir, 'contoso.attest');
  const maker = testCore();
  await call(maker, 'workspace.create', { handle: chosen(maker, path, 'save:workspace'), name: 'Contoso review', passphrase: PASS });
  await maker.close();

  const app = await openApp();
  const { page } = app;
  try {
    await page.getByRole('heading', { name: 'Open a workspace' }).waitFor();
    // The user cancels the dialog: nothing to open.
    await page.getByRole('button', { name: 'Open another file…' }).click();
    for (let i = 0; app.dialogs.length === 0 && i < 200; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(app.dialogs.length, 1);
    await page.getByRole('button', { name: 'Open another file…' }).waitFor();
    assert.equal(await page.getByRole('form', { name: /^Open / }).count(), 0, 'a cancelled dialog opens nothing');

    // The user picks the file: the form names it, and opening uses the handle.
    app.chooseFile(path);
    await page.getByRole('button', { name: 'Open another file…' }).click();
    const form = page.getByRole('form', { name: 'Open contoso.attest' });
    await form.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await form.getByRole('button', { name: 'Open', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: 'The passphrase is wrong' }).waitFor();
    await form.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await form.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { name: 'Contoso review', level: 1 }).waitFor();
    assert.equal(app.dialogs[1]?.kind, 'open');
    assert.deepEqual(app.dialogs[1]?.filters[0], { name: 'Attest workspace', extensions: ['attest'] });

    // An encrypted backup: the save dialog starts beside the workspace, named after it.
    const backup = join(dir, 'contoso-copy.attest');
    await page.keyboard.press('Control+7');
    await page.waitForSelector('main[data-screen="reports"] h1');
    app.chooseFile(backup);
    await page.getByRole('button', { name: 'Encrypted backup' }).click();
    await page.getByText('Workspace backup: contoso-copy.attest saved.').waitFor();
    assert.equal(app.dialogs[2]?.kind, 'save');
    assert.equal(app.dialogs[2]?.defaultPath, join(dir, 'contoso-backup.attest'));
    assert.ok(existsSync(backup));
    assert.equal(readFileSync(backup).subarray(0, 8).toString('latin1'), 'ATTESTWS');

    // The page can name no file itself: a path where a handle belongs is refused.
    const refused = await page.evaluate(
      async (to) =>
        (window as unknown as { attest: Record<string, (r: unknown) => Promise<{ ok: boolean; error?: { code: string } }>> }).attest[
          'export.backup'
        ]!({ to, overwrite: true }),
      join(dir, 'elsewhere.attest'),
    );
    assert.deepEqual([refused.ok, refused.error?.code], [false, 'INVALID_REQUEST']);
    assert.equal(existsSync(join(dir, 'elsewhere.attest')), false);
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
