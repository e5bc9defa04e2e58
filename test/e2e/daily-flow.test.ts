// Daily work at pace, in Chromium against the real core: a finding from a control starts
// with an empty remediation and shows the control's guidance beside it, the Findings
// screen exports on its own, many rows change in one step with one undo, Ctrl+K jumps
// anywhere, and a new assessment starts from an earlier one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Core } from '../../main/core/core';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { tempDir } from '../support/core';
import { call } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'violet tractor lagoon oyster';
const CATALOGUE = 'platform-baseline';

async function axeClean(page: Page, where: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${where}`);
}

async function reloadOn(page: Page, shortcut: string, screen: string) {
  await page.reload();
  await page.locator('.topbar').waitFor();
  await page.keyboard.press(`Control+${shortcut}`);
  await page.waitForSelector(`main[data-screen="${screen}"] h1`);
}

async function workspaceWithAssessment(core: Core, name = 'Q1 review') {
  await call(core, 'workspace.create', { path: join(tempDir('attest-e2e-'), 'flow.attest'), name: 'Flow', passphrase: PASS });
  return call(core, 'assessment.create', { name, client: 'Contoso', scope: 'Platform', periodStart: null, periodEnd: null, assessor: 'R. Auditor', catalogueIds: [CATALOGUE] });
}

test('a finding from a control starts with an empty remediation, the guidance beside it; Findings exports on its own', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { core, page } = app;
  try {
    const a = await workspaceWithAssessment(core);
    await call(core, 'assessment.setResult', { assessmentId: a.id, catalogueId: CATALOGUE, controlId: 'S.A.1', status: 'not-met', rationale: 'Shared admin account' });
    const f = await call(core, 'finding.fromControl', { assessmentId: a.id, catalogueId: CATALOGUE, controlId: 'S.A.1' });
    const control = await call(core, 'assessment.control', { assessmentId: a.id, catalogueId: CATALOGUE, controlId: 'S.A.1' });
    assert.ok(control.guidance.length > 20, 'the control has guidance to show');
    await reloadOn(page, '3', 'findings');
    await page.getByRole('grid').getByText(f.title).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${f.ref}` });
    assert.equal(await dialog.getByLabel('Remediation').inputValue(), '', 'remediation starts empty');
    const reference = dialog.getByRole('complementary', { name: 'Control guidance (reference)' });
    await reference.getByText(control.guidance.slice(0, 40), { exact: false }).waitFor();
    await reference.scrollIntoViewIfNeeded();
    await app.screenshot('finding-guidance-reference');
    await axeClean(page, 'finding editor with guidance');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv, new RegExp(f.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').slice(0, 30)));
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export XLSX' }).click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  } finally {
    await app.close();
  }
});
