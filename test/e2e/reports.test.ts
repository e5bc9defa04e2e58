// The Reports screen in Chromium against the real core: generate a self-signed identity
// through its dialog, issue a signed report of the Northwind Q4 assessment with progress,
// see its first pages and its row (hash, signer), save it, export findings, and verify
// the saved file (picked) and a tampered copy (dropped). axe in light and dark themes.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assessmentDemo } from '../../main/core/demo/assessment-demo';
import { certificatePem, generateSelfSignedIdentity } from '../../main/core/signing/identity';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { tempDir } from '../support/core';
import { demoContext } from '../../main/core/demo/demo';
import { call, chosen } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'amber falcon meadow quartz';

async function axeClean(page: Page, where: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${where}`);
}

async function dropFile(page: Page, testId: string, name: string, bytes: Buffer) {
  await page.evaluate(
    ({ testId, name, b64 }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type: 'application/pdf' }));
      const zone = document.querySelector(`[data-testid="${testId}"]`)!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { testId, name, b64: bytes.toString('base64') },
  );
}

test('issue a signed report with progress, preview, save, export, and verify valid and tampered copies', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page, core } = app;
  const dir = tempDir('attest-e2e-reports-');
  try {
    await call(core, 'workspace.create', {
      handle: chosen(core, join(dir, 'northwind.attest'), 'save:workspace'),
      name: 'Northwind review',
      passphrase: PASS,
    });
    const context = demoContext(core, 'e2e');
    await assessmentDemo.seed(context);
    await page.reload();
    await page.locator('.topbar').waitFor();
    await page.keyboard.press('Control+7');
    await page.waitForSelector('main[data-screen="reports"] h1');
    await page.getByText('No report issued yet').waitFor();
    await app.screenshot('reports-empty');
    await axeClean(page, 'reports without issued reports');

    // A self-signed identity through the dialog; it becomes the chosen signer.
    await page.getByRole('button', { name: 'Generate self-signed…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate a self-signed identity' });
    await dialog.getByLabel('Signer name').fill('Dana Reyes');
    await dialog.getByLabel('Organisation').fill('Reyes Assurance');
    await dialog.getByLabel('Passphrase').fill('short');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await dialog.getByRole('alert').waitFor();
    assert.match(await dialog.getByRole('alert').innerText(), /at least 8 characters/);
    await dialog.getByLabel('Passphrase').fill('a long signing passphrase');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The new identity becomes the signer once the identity list has reloaded.
    const signer = page.getByLabel('Signer');
    await signer.locator('option:checked', { hasText: 'Dana Reyes · self-signed' }).waitFor({ state: 'attached', timeout: 10_000 });
    await page
      .getByLabel('Assessment', { exact: true })
      .locator('option:checked', { hasText: 'Q4 2026' })
      .waitFor({ state: 'attached', timeout: 10_000 });
    await page.getByLabel('Classification').selectOption('RESTRICTED');
    await app.screenshot('reports-issue');
    await axeClean(page, 'the issue form');

    // Issue: progress shows while the worker renders, then the preview and the row.
    await page.getByRole('button', { name: 'Issue signed report' }).click();
    const progress = page.getByTestId('issue-progress');
    await progress.waitFor();
    await progress.getByText(/Laying out pages|Drawing pages/).waitFor();
    await app.screenshot('reports-progress');
    await page.getByTestId('preview').locator('img').first().waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('preview').locator('img').count(), 2);
    await app.screenshot('reports-preview');
    const reports = (await call(core, 'report.list', {})).reports;
    assert.equal(reports.length, 1);
    const report = reports[0]!;
    assert.equal(report.signerName, 'Dana Reyes');
    const row = page.getByRole('row', { name: new RegExp(report.id) });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(report.sha256.slice(0, 12)));
    assert.match(await row.innerText(), /Dana Reyes/);
    await app.screenshot('reports-issued');
    await axeClean(page, 'issued reports with a preview');

    // Save: the download is the recorded file.
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `Save ${report.id}` }).click()]);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), report.sha256);

    // Exports download too.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Findings CSV' }).click()]);
    assert.match(csv.suggestedFilename(), /findings\.csv$/);

    // Verify the saved file through the picker, and a tampered copy by dropping it.
    await page.locator('input[type="file"][accept*="pdf"]').setInputFiles(saved);
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    assert.match(await verdict.innerText(), /Valid signature[\s\S]*signed by Dana Reyes/);
    await app.screenshot('reports-verify-valid');
    const tampered = Buffer.from(bytes);
    tampered[4000] = tampered[4000]! ^ 0x01;
    await dropFile(page, 'drop-zone', 'tampered.pdf', tampered);
    await page.getByText('Invalid signature').waitFor();
    assert.match(await verdict.innerText(), /tampered\.pdf[\s\S]*do not rely on it/);
    await app.screenshot('reports-verify-tampered');
    await axeClean(page, 'a verdict');

    // Trust another signer's certificate through the file picker; it is listed with its fingerprint.
    const other = generateSelfSignedIdentity({
      commonName: 'Outside Auditor',
      organisation: 'Elsewhere',
      passphrase: 'another passphrase',
      now: new Date(),
    });
    const pem = join(dir, 'outside.pem');
    writeFileSync(pem, certificatePem(other.identity.certificate));
    await page.locator('input[type="file"][accept*=".pem"]').setInputFiles(pem);
    const trust = page.getByRole('region', { name: 'Identities and trust' });
    await trust.getByText(other.identity.fingerprint).waitFor();
    assert.equal((await call(core, 'report.trust.list', {})).certificates[0]?.fingerprint, other.identity.fingerprint);

    const dark = await openApp({ core, colorScheme: 'dark' });
    try {
      await dark.page.locator('.topbar').waitFor();
      await dark.page.keyboard.press('Control+7');
      await dark.page.getByRole('row', { name: new RegExp(report.id) }).waitFor();
      await dark.screenshot('reports-dark');
      await axeClean(dark.page, 'reports in the dark theme');
    } finally {
      await dark.close();
    }
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
