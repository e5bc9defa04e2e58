// A workspace file older than this device last saw, opened in the app: the core refuses
// it, the renderer asks with the number of missing changes and when the newer state was
// seen, and opens it only when the user accepts (workspace.open with acceptOlder).
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { tempDir, testCore } from '../support/core';
import { chosen } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'violet tractor lagoon oyster';
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('opening an older copy asks first, with the missing count and date; cancel keeps it closed, accept opens it unchanged', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const core = testCore();
  const dir = tempDir('attest-e2e-older-');
  const path = join(dir, 'northwind.attest');
  const created = await core.dispatch(
    'workspace.create',
    { handle: chosen(core, path, 'save:workspace'), name: 'Northwind', passphrase: PASS, remember: false },
    { origin: 'cli' },
  );
  assert.equal(created.ok, true);
  const old = join(dir, 'old.attest');
  copyFileSync(path, old);
  for (const key of ['a', 'b']) {
    await core.session.workspace().commit({
      actor: 'tester',
      action: 'setting.set',
      entity: `setting:${key}`,
      statements: [{ sql: 'INSERT INTO settings (key, value) VALUES (?, ?)', params: [key, 'x'] }],
    });
  }
  await core.dispatch('workspace.close', {}, { origin: 'cli' });
  copyFileSync(old, path);
  const before = sha(path);

  const app = await openApp({ core });
  const { page } = app;
  try {
    await page.getByRole('button', { name: /^Northwind/ }).click();
    const form = page.getByRole('form', { name: `Open ${path}` });
    await form.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await form.getByRole('button', { name: 'Open', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Open an older state of this workspace?' });
    await dialog.waitFor();
    const message = await dialog.getByTestId('older-state-message').innerText();
    assert.match(message, /2 changes are missing/);
    assert.match(message, /last saw change \d+ on .+; the file ends at change \d+/);
    await app.screenshot('workspace-older-state-dialog');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the older-state dialog');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await form.getByRole('alert').filter({ hasText: 'Not opened' }).waitFor();
    assert.equal(sha(path), before);

    await form.getByRole('button', { name: 'Open', exact: true }).click();
    await dialog.getByRole('button', { name: 'Open the older state' }).click();
    await page.getByRole('heading', { name: 'Northwind', level: 1 }).waitFor();
    assert.equal(sha(path), before, 'opening the accepted older state wrote nothing');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
