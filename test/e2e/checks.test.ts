// The Checks screen in Chromium against the real core: offline at first; turn live checks
// on, approve 127.0.0.1, trust a test CA, save a credential (its value is cleared and never
// shown), add a target served by a loopback HTTPS server, run it with progress, see the
// result and its detail, accept the suggestion; axe in light and dark.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { keychainWorks } from '../../main/core/keychain/keychain';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { tempDir, testCore } from '../support/core';
import { call, chosen } from '../support/dispatch';
import { requirePart } from '../support/require';
import { TestPki } from '../unit/checks/support/pki';
import { startHttps } from '../unit/checks/support/servers';

after(closeShared);

test('checks: offline, approve, credential, run with progress, result detail, accept', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium')) return;
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const pki = new TestPki();
  const leaf = pki.leaf({ commonName: '127.0.0.1', ips: ['127.0.0.1'] });
  // A slow answer, so the progress of the run can be seen.
  const site = await startHttps(leaf, (_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'strict-transport-security': 'max-age=63072000; includeSubDomains; preload', 'content-type': 'text/html' });
      res.end('<!doctype html><title>ok</title>');
    }, 1500);
  });
  const core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, join(tempDir(), 'checks-e2e.attest'), 'save:workspace'),
    name: 'Checks e2e',
    passphrase: 'checks e2e passphrase',
  });
  const a = await call(core, 'assessment.create', {
    name: 'Portal review',
    client: 'Contoso',
    assessor: 'R. Auditor',
    catalogueIds: ['platform-baseline'],
  });
  const app = await openApp({ core });
  const { page } = app;
  try {
    await page.reload();
    await page.locator('.topbar').waitFor();
    await page.keyboard.press('Control+6');
    await page.waitForSelector('main[data-screen="checks"] h1');
    await page.getByText('This workspace is offline').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe offline');
    await app.screenshot('checks-offline');

    await page.getByRole('switch').click();
    await page.getByRole('button', { name: 'Turn live checks on' }).click();
    await page.getByText('Live checks on', { exact: true }).waitFor();
    await page.getByLabel('Host to approve').fill('127.0.0.1');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('button', { name: 'Revoke 127.0.0.1' }).waitFor();
    await page.getByLabel('CA certificate (PEM)').fill(pki.ca.certPem);
    await page.getByLabel('Hosts it is trusted for').fill('127.0.0.1');
    await page.getByRole('button', { name: 'Trust this CA' }).click();
    await page.getByText(/Trusted in addition to the system roots: .*, for 127\.0\.0\.1\./).waitFor();

    await page.getByRole('tab', { name: /Credentials/ }).click();
    await page.getByLabel('Label').fill('Portal API token');
    await page.getByLabel('Hosts it may be sent to').fill('127.0.0.1');
    await page.getByLabel('Value', { exact: true }).fill('e2e-secret-token-value');
    await page.getByRole('button', { name: 'Save credential' }).click();
    await page.getByText(/will not be shown again/).waitFor();
    assert.equal(await page.getByLabel('Value', { exact: true }).inputValue(), '', 'the value field is cleared');
    assert.ok(!(await page.content()).includes('e2e-secret-token-value'));
    assert.deepEqual(await seriousViolations(page), [], 'axe credentials');
    await app.screenshot('checks-credentials');

    await page.getByRole('tab', { name: /Targets and results/ }).click();
    await page.getByLabel('Check', { exact: true }).selectOption('web.hsts');
    await page.getByLabel('Site').fill(`https://127.0.0.1:${site.port}/`);
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.getByRole('cell', { name: `https://127.0.0.1:${site.port}/`, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.getByText('Running checks').waitFor();
    await app.screenshot('checks-run-progress');
    await page.getByText('Run finished').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page.locator('.chk-table .chk-pass').first().waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe results');
    await app.screenshot('checks-results');

    await page
      .getByRole('button', { name: 'Strict-Transport-Security (HSTS)' })
      .click()
      .catch(async () => {
        await page.locator('.chk-table .link-button').first().click();
      });
    await page.getByRole('button', { name: 'Accept suggestion' }).waitFor();
    await page.getByText('Observations (secrets redacted)').click();
    await app.screenshot('checks-result-detail');
    await page.getByRole('button', { name: 'Accept suggestion' }).click();
    await page.getByText(/Suggestion accepted by/).waitFor();
    const control = await call(core, 'assessment.control', { assessmentId: a.id, catalogueId: 'platform-baseline', controlId: 'S.N.13' });
    assert.equal(control.row.status, 'met');
    assert.ok(control.evidence.some((e) => e.kind === 'check'));

    const dark = await openApp({ core, colorScheme: 'dark' });
    try {
      await dark.page.reload();
      await dark.page.locator('.topbar').waitFor();
      await dark.page.keyboard.press('Control+6');
      await dark.page.locator('.chk-table').first().waitFor();
      assert.deepEqual(await seriousViolations(dark.page), [], 'axe dark');
    } finally {
      await dark.close();
    }
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
    await site.close();
    for (const c of (await call(core, 'credential.list', {})).credentials) await call(core, 'credential.delete', { id: c.id });
    await core.close();
  }
});
