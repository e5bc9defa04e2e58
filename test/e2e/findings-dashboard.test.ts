// The Dashboard and Findings screens in Chromium against the real core: the score the
// Dashboard shows is recomputed here from the results set and the catalogue's weights;
// severity counts and the overdue finding come from findings created through the core;
// the finding form computes severity live, refuses a risk acceptance without
// justification and an override without reason, and a removal can be undone; two
// assessments of the same client are compared.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ControlStatus, FindingSeverity } from '../../main/contract/vocabulary';
import { FINDING_SEVERITIES } from '../../main/contract/vocabulary';
import type { Core } from '../../main/core/core';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { axeClean, goTo, newAssessment } from '../harness/flows';
import { tempDir } from '../support/core';
import { call, chosen } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'violet tractor lagoon oyster';
const CATALOGUE = 'platform-baseline';

async function setResults(core: Core, assessmentId: string, results: Record<string, ControlStatus>) {
  for (const [controlId, status] of Object.entries(results)) {
    const rationale = status === 'not-applicable' ? 'No human access: the system is fully automated.' : '';
    await call(core, 'assessment.setResult', { assessmentId, catalogueId: CATALOGUE, controlId, status, rationale });
  }
}

const finding = (
  title: string,
  likelihood: number,
  impact: number,
  extra: { owner?: string; dueDate?: string; status?: 'open' | 'remediated' } = {},
) => ({
  title,
  description: '',
  likelihood,
  impact,
  severityOverride: null,
  severityOverrideReason: null,
  owner: extra.owner ?? '',
  dueDate: extra.dueDate ?? null,
  remediation: '',
  status: extra.status ?? 'open',
  acceptanceJustification: null,
  acceptanceExpires: null,
  controls: [],
});

test('dashboard figures, the finding form, remove and undo, and comparing two assessments', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page, core } = app;
  try {
    await call(core, 'workspace.create', {
      handle: chosen(core, join(tempDir('attest-e2e-'), 'contoso.attest'), 'save:workspace'),
      name: 'Contoso platform review',
      passphrase: PASS,
    });

    // No assessment yet: both screens teach where to start.
    await goTo(page, '1', 'dashboard', { reload: true });
    await page.getByRole('heading', { name: 'Nothing to summarise yet' }).waitFor();
    await page.getByRole('button', { name: 'Go to Assessments' }).waitFor();
    await app.screenshot('dashboard-empty');
    await axeClean(page, 'dashboard without assessments');
    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { name: 'No findings yet' }).waitFor();
    await page.getByText(/press f to turn it into a finding/).waitFor();
    await axeClean(page, 'findings without assessments');

    // Two assessments of the same client; the later one is the one the screens pick.
    const before = await newAssessment(core, 'Contoso 2025 review', { scope: 'Production platform' });
    const latest = await newAssessment(core, 'Contoso 2026 review', { scope: 'Production platform' });
    await goTo(page, '3', 'findings', { reload: true });
    await page.getByRole('heading', { name: 'No findings in this assessment' }).waitFor();
    assert.equal(await page.getByLabel('Findings of').inputValue(), `a:${latest.id}`, 'the most recent assessment is picked');
    await page.getByRole('main').getByRole('button', { name: 'New finding' }).first().waitFor();
    await app.screenshot('findings-empty');
    await axeClean(page, 'findings of an assessment without findings');

    const latestResults: Record<string, ControlStatus> = {
      'S.A.1': 'met',
      'S.A.2': 'met',
      'S.A.3': 'partial',
      'S.A.4': 'not-met',
      'S.A.5': 'not-applicable',
    };
    await setResults(core, latest.id, latestResults);
    await setResults(core, before.id, { 'S.A.1': 'met', 'S.A.2': 'not-met', 'S.A.4': 'not-met' });
    const seeded = [
      finding('Shared admin account on the build server', 5, 4, { owner: 'Dana Ops', dueDate: '2020-01-15' }),
      finding('Stale VPN accounts', 3, 3, { owner: 'Ivan Net', dueDate: '2999-12-31' }),
      finding('Vendor portal without MFA', 2, 2, { status: 'remediated' }),
    ];
    for (const f of seeded) await call(core, 'finding.create', { assessmentId: latest.id, ...f });
    for (const title of ['Stale VPN accounts', 'Unencrypted backups'])
      await call(core, 'finding.create', { assessmentId: before.id, ...finding(title, 3, 4) });

    // The expected score, from the catalogue's weights: met 1, partial ½, not met 0, N/A left out.
    const weights = new Map((await call(core, 'catalog.get', { id: CATALOGUE })).controls.map((c) => [c.id, c.weight ?? 1]));
    const value: Partial<Record<ControlStatus, number>> = { met: 1, partial: 0.5, 'not-met': 0 };
    let earned = 0;
    let possible = 0;
    for (const [id, status] of Object.entries(latestResults)) {
      if (value[status] === undefined) continue;
      earned += value[status] * weights.get(id)!;
      possible += weights.get(id)!;
    }
    const expectedScore = Math.round((1000 * earned) / possible) / 10;
    const expectedBySeverity = Object.fromEntries(FINDING_SEVERITIES.map((s) => [s, 0])) as Record<FindingSeverity, number>;
    for (const f of (await call(core, 'finding.list', { assessmentId: latest.id })).findings) {
      if (f.status !== 'remediated' && f.status !== 'verified') expectedBySeverity[f.severity]++;
    }
    assert.equal(expectedBySeverity.critical, 1, 'likelihood 5 × impact 4 is critical in the core');

    await goTo(page, '1', 'dashboard', { reload: true });
    const score = page.getByTestId('overall-score');
    await score.waitFor();
    assert.equal((await score.innerText()).replace(/\s+/g, ' ').trim(), `${expectedScore} / 100`);
    for (const s of FINDING_SEVERITIES) {
      assert.equal(
        await page.locator(`[data-severity="${s}"] .severity-count`).innerText(),
        String(expectedBySeverity[s]),
        `${s} findings`,
      );
    }
    assert.equal(await page.getByTestId('overdue-count').innerText(), '1');
    const overdue = page.getByTestId('overdue-list');
    await overdue.getByRole('button', { name: 'Shared admin account on the build server' }).waitFor();
    assert.match(await overdue.innerText(), /F-001[\s\S]*Dana Ops[\s\S]*Jan 15, 2020/);
    assert.doesNotMatch(await overdue.innerText(), /Stale VPN accounts/, 'a finding due in the future is not overdue');
    const legend = await page.getByTestId('status-legend').innerText();
    assert.match(legend, /Met\s+2/);
    assert.match(legend, /Not applicable\s+1/);
    await app.screenshot('dashboard');
    await axeClean(page, 'dashboard');

    // Compare with the earlier assessment of the same client.
    await page.getByLabel('Compare Contoso 2026 review with').selectOption(before.id);
    const changes = page.getByTestId('status-changes');
    await changes.waitFor();
    const changed = changes.getByRole('row').filter({ hasText: 'S.A.2' });
    assert.match(await changed.innerText(), /Not met\s*→\s*to\s*Met|Not met[\s\S]*Met/);
    const comparison = await page.getByTestId('comparison').innerText();
    assert.match(comparison, /From Contoso 2025 review to Contoso 2026 review/);
    assert.match(comparison, /Findings opened \(1\)\s+Shared admin account on the build server/);
    assert.match(comparison, /Findings closed \(1\)\s+Unencrypted backups/);
    assert.match(await page.getByTestId('overall-delta').innerText(), /→ .*[▲▼]|no change/);
    await page.getByTestId('comparison').scrollIntoViewIfNeeded();
    await app.screenshot('dashboard-compare');
    await axeClean(page, 'dashboard with a comparison');

    // The overdue list leads to the Findings screen filtered to overdue work.
    await overdue.getByRole('button', { name: 'Shared admin account on the build server' }).click();
    await page.waitForSelector('main[data-screen="findings"] h1');
    const list = page.getByTestId('finding-list');
    await list.getByRole('row', { name: /Shared admin account/ }).waitFor();
    assert.equal(await page.getByLabel('Overdue only').isChecked(), true);
    assert.equal(await list.getByRole('row', { name: /Stale VPN accounts/ }).count(), 0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await list.getByRole('row', { name: /Stale VPN accounts/ }).waitFor();
    assert.match(await list.getByRole('row', { name: /Shared admin account/ }).innerText(), /Jan 15, 2020\s*Overdue/);
    await app.screenshot('findings-list');
    await axeClean(page, 'findings list');

    // A new finding through the form.
    await page.getByRole('main').getByRole('button', { name: 'New finding' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New finding' });
    await dialog.getByLabel('Title', { exact: true }).fill('Root login allowed over SSH');
    await dialog.getByLabel('Likelihood', { exact: true }).selectOption('4');
    await dialog.getByLabel('Impact', { exact: true }).selectOption('5');
    const computed = dialog.getByTestId('computed-severity');
    assert.match(await computed.innerText(), /Computed severity: Critical \(4 × 5 = 20\)/);
    // the matrix follows the keyboard: down lowers likelihood to 3 (3 × 5 = 15, high)
    await dialog.getByRole('radio', { name: /Likelihood 4 .* impact 5/ }).focus();
    await page.keyboard.press('ArrowDown');
    assert.match(await computed.innerText(), /High \(3 × 5 = 15\)/);
    assert.equal(await dialog.getByLabel('Likelihood', { exact: true }).inputValue(), '3');
    await page.keyboard.press('ArrowUp');
    assert.match(await computed.innerText(), /Critical \(4 × 5 = 20\)/);

    await app.screenshot('finding-editor');
    await dialog.getByLabel('Owner').fill('Sam Platform');
    await dialog.getByLabel('Find a control').fill('S.A.4');
    await dialog.getByRole('checkbox', { name: /S\.A\.4/ }).check();
    await dialog.getByLabel('Status', { exact: true }).selectOption('risk-accepted');
    await dialog.getByLabel('Acceptance expires').fill('2031-03-31');
    await dialog.getByRole('button', { name: 'Create finding' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Accepting a risk needs a justification.' }).first().waitFor();
    assert.equal(await dialog.getByLabel('Title', { exact: true }).inputValue(), 'Root login allowed over SSH', 'nothing typed is lost');
    assert.equal(await dialog.getByLabel('Justification for accepting the risk').getAttribute('aria-invalid'), 'true');
    // focus goes to the field to fix
    await page
      .waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true', undefined, { timeout: 5000 })
      .catch(async () => {
        assert.fail(`focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))}`);
      });
    await app.screenshot('finding-editor-error');
    await axeClean(page, 'finding form with an error');

    await dialog.getByLabel('Justification for accepting the risk').fill('Jump host only; accepted by the CISO until the migration.');
    await dialog.getByLabel('Override severity').check();
    await dialog.getByLabel('Severity', { exact: true }).selectOption('high');
    await dialog.getByRole('button', { name: 'Create finding' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'needs a reason' }).first().waitFor();
    await dialog.getByLabel('Reason for the override').fill('Reachable only from the management network.');
    await dialog.getByRole('button', { name: 'Create finding' }).click();
    await dialog.waitFor({ state: 'detached' });

    const created = (await call(core, 'finding.list', { assessmentId: latest.id })).findings.find(
      (f) => f.title === 'Root login allowed over SSH',
    );
    assert.ok(created, 'the finding is saved');
    assert.equal(created.computedSeverity, 'critical');
    assert.equal(created.severity, 'high');
    assert.equal(created.severityOverrideReason, 'Reachable only from the management network.');
    assert.equal(created.status, 'risk-accepted');
    assert.deepEqual(
      created.controls.map((c) => c.controlId),
      ['S.A.4'],
    );
    const row = list.getByRole('row', { name: /Root login allowed over SSH/ });
    await row.waitFor();
    assert.match(await row.innerText(), /High[\s\S]*Risk accepted[\s\S]*Sam Platform/);

    // Remove, then undo.
    await row.click();
    await page.getByRole('group', { name: 'Selected finding' }).getByRole('button', { name: 'Remove' }).click();
    await page.locator('.toast-region').getByText(`Removed ${created.ref}`).waitFor();
    await row.waitFor({ state: 'detached' });
    assert.equal(
      (await call(core, 'finding.list', { assessmentId: latest.id })).findings.some((f) => f.id === created.id),
      false,
    );
    await page.locator('.toast-region').getByRole('button', { name: 'Undo' }).click();
    await row.waitFor();
    assert.equal(
      (await call(core, 'finding.list', { assessmentId: latest.id })).findings.some((f) => f.id === created.id),
      true,
    );
    await axeClean(page, 'findings after undo');
    assert.deepEqual(app.problems, []);

    // The same workspace in the dark theme: charts and badges stay readable.
    const dark = await openApp({ core, colorScheme: 'dark' });
    try {
      await dark.page.locator('.topbar').waitFor();
      await dark.page.keyboard.press('Control+1');
      await dark.page.getByTestId('overall-score').waitFor();
      await dark.page.getByLabel('Compare Contoso 2026 review with').selectOption(before.id);
      await dark.page.getByTestId('status-changes').waitFor();
      await dark.screenshot('dashboard-dark');
      await axeClean(dark.page, 'dashboard, dark theme');
      await dark.page.keyboard.press('Control+3');
      await dark.page
        .getByTestId('finding-list')
        .getByRole('row', { name: /Root login allowed over SSH/ })
        .waitFor();
      await axeClean(dark.page, 'findings, dark theme');
      assert.deepEqual(dark.problems, []);
    } finally {
      await dark.close();
    }
  } finally {
    await app.close();
  }
});

test('hundreds of findings stay windowed and filter; a finding is edited; a final assessment refuses changes, keeping the input', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page, core } = app;
  try {
    await call(core, 'workspace.create', {
      handle: chosen(core, join(tempDir('attest-e2e-'), 'fabrikam.attest'), 'save:workspace'),
      name: 'Fabrikam review',
      passphrase: PASS,
    });
    const a = await call(core, 'assessment.create', {
      name: 'Fabrikam 2026',
      client: 'Fabrikam',
      scope: '',
      periodStart: null,
      periodEnd: null,
      assessor: 'R. Auditor',
      catalogueIds: [CATALOGUE],
    });
    const COUNT = 300;
    for (let i = 1; i <= COUNT; i++) {
      const f = finding(`Weakness number ${i}`, 1 + (i % 5), 1 + ((i * 3) % 5), { owner: i % 2 ? 'Alex' : 'Blake' });
      await call(core, 'finding.create', { assessmentId: a.id, ...f });
    }
    const all = (await call(core, 'finding.list', { assessmentId: a.id })).findings;

    await goTo(page, '3', 'findings', { reload: true });
    const grid = page.getByTestId('finding-list').getByRole('grid', { name: 'Findings' });
    await page.getByText(`${COUNT} findings`).waitFor();
    assert.equal(await grid.getAttribute('aria-rowcount'), String(COUNT + 1));
    const rendered = await grid.getByRole('row').count();
    assert.ok(rendered < 60, `only the rows in view are rendered (${rendered})`);

    await grid.focus();
    await page.keyboard.press('End');
    const selected = page.getByRole('group', { name: 'Selected finding' });
    assert.match(await selected.innerText(), new RegExp(`${all.at(-1)!.ref}\\s+${all.at(-1)!.title}`));
    await grid.getByRole('row', { name: new RegExp(all.at(-1)!.title) }).waitFor();

    await page.getByLabel('Filter', { exact: true }).fill('Blake');
    await page.getByText(`${COUNT / 2} of ${COUNT} findings`).waitFor();
    await page.getByLabel('Severity', { exact: true }).selectOption('critical');
    const critical = all.filter((f) => f.owner === 'Blake' && f.severity === 'critical').length;
    await page.getByText(`${critical} of ${COUNT} findings`).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText(`${COUNT} findings`).waitFor();

    // Enter opens the active finding for editing.
    await grid.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const first = all[0]!;
    const dialog = page.getByRole('dialog', { name: `Edit ${first.ref}` });
    assert.equal(await dialog.getByLabel('Title', { exact: true }).inputValue(), first.title);
    await dialog.getByLabel('Owner').fill('Casey');
    await dialog.getByRole('button', { name: 'Save finding' }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = (await call(core, 'finding.list', { assessmentId: a.id })).findings.find((f) => f.id === first.id)!;
    assert.equal(saved.owner, 'Casey');
    assert.equal(saved.title, first.title);

    // A final assessment is read-only: the refusal is shown and the input stays.
    await call(core, 'assessment.setState', { id: a.id, state: 'review' });
    await call(core, 'assessment.setState', { id: a.id, state: 'final', acknowledgeIncomplete: true });
    await goTo(page, '3', 'findings', { reload: true });
    await page.getByText('This assessment is final and read-only').waitFor();
    await grid.focus();
    await page.keyboard.press('Enter');
    const locked = page.getByRole('dialog', { name: `Edit ${first.ref}` });
    await locked.getByLabel('Title', { exact: true }).fill('A better title');
    await locked.getByRole('button', { name: 'Save finding' }).click();
    await locked.getByRole('alert').filter({ hasText: 'Not saved: This assessment is final and read-only' }).waitFor();
    assert.equal(await locked.getByLabel('Title', { exact: true }).inputValue(), 'A better title');
    await axeClean(page, 'finding form refused by a final assessment');
    await locked.getByRole('button', { name: 'Cancel' }).click();
    await locked.waitFor({ state: 'detached' });
    assert.equal((await call(core, 'finding.list', { assessmentId: a.id })).findings.find((f) => f.id === first.id)!.title, first.title);
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
