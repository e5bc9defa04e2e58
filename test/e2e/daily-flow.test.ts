// Daily work at pace, in Chromium against the real core: a finding from a control starts
// with an empty remediation and shows the control's guidance beside it, the Findings
// screen exports on its own, many rows change in one step with one undo, Ctrl+K jumps
// anywhere, and a new assessment starts from an earlier one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import type { Core } from '../../main/core/core';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { axeClean, goTo, newAssessment, newWorkspace } from '../harness/flows';
import { call } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'violet tractor lagoon oyster';
const CATALOGUE = 'platform-baseline';

async function workspaceWithAssessment(core: Core, name = 'Q1 review') {
  await newWorkspace(core, 'Flow', PASS);
  return newAssessment(core, name);
}

test('a finding from a control starts with an empty remediation, the guidance beside it; Findings exports on its own', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { core, page } = app;
  try {
    const a = await workspaceWithAssessment(core);
    await call(core, 'assessment.setResult', {
      assessmentId: a.id,
      catalogueId: CATALOGUE,
      controlId: 'S.A.1',
      status: 'not-met',
      rationale: 'Shared admin account',
    });
    const f = await call(core, 'finding.fromControl', { assessmentId: a.id, catalogueId: CATALOGUE, controlId: 'S.A.1' });
    const control = await call(core, 'assessment.control', { assessmentId: a.id, catalogueId: CATALOGUE, controlId: 'S.A.1' });
    assert.ok(control.guidance.length > 20, 'the control has guidance to show');
    await goTo(page, '3', 'findings', { reload: true });
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

test('many controls and findings change in one step with shift and ctrl, and one Ctrl+Z takes the step back', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { core, page } = app;
  try {
    const a = await workspaceWithAssessment(core);
    await call(core, 'assessment.setResult', {
      assessmentId: a.id,
      catalogueId: CATALOGUE,
      controlId: 'S.A.2',
      status: 'partial',
      rationale: 'Half done',
    });
    const rows = (await call(core, 'assessment.get', { id: a.id })).rows;
    await goTo(page, '2', 'assessments', { reload: true });
    await page.getByRole('button', { name: 'Q1 review' }).click();
    const grid = page.getByTestId('control-table').getByRole('grid');
    await grid.waitFor();
    const row = (i: number) => grid.getByRole('row').filter({ hasText: rows[i]!.label }).first();
    // Click the first, Shift+click the fourth, Ctrl+click the sixth: five controls.
    await row(0).click();
    await row(3).click({ modifiers: ['Shift'] });
    await row(5).click({ modifiers: ['Control'] });
    const bar = page.getByRole('group', { name: 'Change the 5 selected controls' });
    await bar.getByText('5 controls selected').waitFor();
    assert.equal(await grid.locator('[role="row"][aria-selected="true"]').count(), 5);
    await app.screenshot('bulk-controls-selected');
    await axeClean(page, 'assessment with a selection');
    await bar.getByLabel('Set status').selectOption('not-met');
    await bar.getByRole('button', { name: 'Apply to selected' }).click();
    await page.getByTestId('toast').getByText('5 controls set to Not met.').waitFor();
    const statusOf = async () => new Map((await call(core, 'assessment.get', { id: a.id })).rows.map((r) => [r.controlId, r]));
    let now = await statusOf();
    for (const i of [0, 1, 2, 3, 5]) assert.equal(now.get(rows[i]!.controlId)!.status, 'not-met');
    assert.equal(now.get(rows[4]!.controlId)!.status, 'not-assessed');
    assert.equal(now.get('S.A.2')!.rationale, 'Half done', 'the rationale is kept');
    const bulk = (await call(core, 'audit.list', { limit: 1 })).entries[0]!;
    assert.equal(bulk.action, 'result.bulk', 'one audited commit');

    // One Ctrl+Z takes the whole step back.
    await grid.focus();
    await page.keyboard.press('Control+z');
    await page
      .getByTestId('toast')
      .getByText(/^Undone: control status changed for several: Assessment “Q1 review” · 5 controls → not-met/)
      .waitFor();
    now = await statusOf();
    assert.equal(now.get(rows[0]!.controlId)!.status, 'not-assessed');
    assert.equal(now.get('S.A.2')!.status, 'partial');
    await grid.getByRole('row').filter({ hasText: 'S.A.2' }).getByText('Partially met').waitFor();

    // Findings: select with Ctrl and Shift, set owner and due date for all, undo the last.
    const mk = (title: string) => call(core, 'finding.create', { assessmentId: a.id, title, likelihood: 3, impact: 3 });
    const made = [await mk('Alpha weakness'), await mk('Bravo weakness'), await mk('Charlie weakness')];
    await goTo(page, '3', 'findings', { reload: true });
    const list = page.getByTestId('finding-list').getByRole('grid');
    const frow = (title: string) => list.getByRole('row').filter({ hasText: title });
    await frow('Alpha weakness').click();
    await frow('Charlie weakness').click({ modifiers: ['Shift'] });
    await frow('Bravo weakness').click({ modifiers: ['Control'] });
    const fbar = page.getByRole('group', { name: 'Change the 2 selected findings' });
    await fbar.getByLabel('Owner').fill('Casey');
    await fbar.getByRole('button', { name: 'Set owner' }).click();
    await page.getByTestId('toast').getByText('Set the owner of 2 findings.').waitFor();
    await frow('Alpha weakness').click();
    await frow('Charlie weakness').click({ modifiers: ['Shift'] });
    const all3 = page.getByRole('group', { name: 'Change the 3 selected findings' });
    await all3.getByLabel('Due date').fill('2027-03-31');
    await all3.getByRole('button', { name: 'Set due date' }).click();
    await page.getByTestId('toast').getByText('Set the due date of 3 findings.').waitFor();
    await app.screenshot('bulk-findings');
    let found = (await call(core, 'finding.list', { assessmentId: a.id })).findings;
    assert.deepEqual(found.map((f) => [f.title, f.owner, f.dueDate]).sort(), [
      ['Alpha weakness', 'Casey', '2027-03-31'],
      ['Bravo weakness', '', '2027-03-31'],
      ['Charlie weakness', 'Casey', '2027-03-31'],
    ]);
    await list.focus();
    await page.keyboard.press('Control+z');
    await page.getByTestId('toast').getByText('Undone: finding changed for several.').waitFor();
    found = (await call(core, 'finding.list', { assessmentId: a.id })).findings;
    assert.ok(
      found.every((f) => f.dueDate === null),
      'the due dates are gone again',
    );
    assert.equal(found.filter((f) => f.owner === 'Casey').length, 2, 'the earlier change stays');
    assert.equal(made.length, 3);
  } finally {
    await app.close();
  }
});

test('Ctrl+K jumps to a screen, a control, a finding, a vendor and a questionnaire', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { core, page } = app;
  try {
    const a = await workspaceWithAssessment(core);
    const f = await call(core, 'finding.create', { assessmentId: a.id, title: 'Backups never restored', likelihood: 3, impact: 4 });
    const v = await call(core, 'vendor.create', {
      name: 'Globex Payroll',
      owner: 'HR',
      criticality: 'high',
      dataTypes: ['personal'],
      services: 'Payroll',
    });
    const tpl = (await call(core, 'template.list', {})).templates[0]!;
    const q = await call(core, 'questionnaire.create', { vendorId: v.id, templateId: tpl.id, cycle: '2026' });
    await page.reload();
    await page.locator('.topbar').waitFor();
    const palette = page.getByRole('dialog', { name: 'Go to' });
    const input = palette.getByRole('combobox');
    const jump = async (text: string, option: string | RegExp) => {
      await page.keyboard.press('Control+k');
      await input.fill(text);
      await palette.getByRole('option', { name: option }).first().waitFor();
      await palette.getByRole('option', { name: option }).first().click();
      await palette.waitFor({ state: 'hidden' });
    };

    await page.keyboard.press('Control+k');
    await input.fill('audit');
    await palette
      .getByRole('option', { name: /^Audit log/ })
      .first()
      .waitFor();
    assert.match(await palette.getByRole('option').first().innerText(), /^Audit log/, 'the screen ranks first');
    await app.screenshot('command-palette');
    await axeClean(page, 'command palette');
    await page.keyboard.press('Enter');
    await page.waitForSelector('main[data-screen="audit"] h1');

    await jump('S.C.2', /^S\.C\.2 /);
    await page.waitForSelector('main[data-screen="assessments"] h1');
    await page.getByTestId('control-panel').getByText('S.C.2', { exact: true }).waitFor();

    await jump('backups never', /F-001 Backups never restored/);
    await page.getByRole('dialog', { name: `Edit ${f.ref}` }).waitFor();
    await page.keyboard.press('Escape');

    await jump('globex', /^Globex Payroll\b.*Vendor/);
    await page.waitForSelector('main[data-screen="vendors"]');
    await page.getByRole('heading', { name: 'Globex Payroll', level: 1 }).waitFor();

    await page.keyboard.press('Control+2');
    await jump('globex 2026', /Globex Payroll 2026/);
    await page.getByRole('button', { name: `Open ${q.cycle} ${q.templateTitle}`, pressed: true }).waitFor();
  } finally {
    await app.close();
  }
});

test('a new assessment starts from an earlier one: its results come in marked carried forward, needs review', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { core, page } = app;
  try {
    const a = await workspaceWithAssessment(core, 'Q4 2026 review');
    await call(core, 'assessment.setResult', {
      assessmentId: a.id,
      catalogueId: CATALOGUE,
      controlId: 'S.A.1',
      status: 'met',
      rationale: 'RBAC reviewed',
    });
    await call(core, 'assessment.setResult', {
      assessmentId: a.id,
      catalogueId: CATALOGUE,
      controlId: 'S.A.3',
      status: 'not-met',
      rationale: 'No MFA for admins',
    });
    await goTo(page, '2', 'assessments', { reload: true });
    await page.getByRole('button', { name: 'New assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New assessment' });
    await dialog.getByLabel('Start from').selectOption({ label: 'Q4 2026 review — Contoso (2 of 78 assessed)' });
    assert.equal(await dialog.getByLabel('Client').inputValue(), 'Contoso', 'the client comes along');
    await dialog.getByLabel('Name').fill('Q1 2027 review');
    await app.screenshot('carry-forward-dialog');
    await dialog.getByRole('button', { name: /Create|Start/ }).click();
    await page.getByRole('heading', { name: 'Q1 2027 review', level: 1 }).waitFor();
    const grid = page.getByTestId('control-table').getByRole('grid');
    const carried = grid.getByRole('row').filter({ hasText: 'carried forward, needs review' });
    assert.equal(await carried.count(), 2);
    await carried.first().click();
    await page.getByTestId('control-panel').getByText('Carried forward, needs review.').waitFor();
    await app.screenshot('carry-forward-assessment');
    await axeClean(page, 'carried-forward assessment');
    const next = (await call(core, 'assessment.list', {})).assessments.find((x) => x.name === 'Q1 2027 review')!;
    const rows = (await call(core, 'assessment.get', { id: next.id })).rows.filter((r) => r.carriedForward);
    assert.deepEqual(
      rows.map((r) => [r.controlId, r.status]),
      [
        ['S.A.1', 'met'],
        ['S.A.3', 'not-met'],
      ],
    );
    // Setting the status again is the review: the mark goes.
    await grid.focus();
    await page.keyboard.press('1');
    await eventually(async () => {
      const after = (await call(core, 'assessment.get', { id: next.id })).rows.filter((r) => r.carriedForward);
      assert.deepEqual(
        after.map((r) => r.controlId),
        ['S.A.3'],
      );
    });
  } finally {
    await app.close();
  }
});

test('the questionnaire tracker lists every questionnaire across vendors with its stage and due date', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { core, page } = app;
  try {
    await workspaceWithAssessment(core);
    const tpl = (await call(core, 'template.list', {})).templates[0]!;
    const a = await call(core, 'vendor.create', { name: 'Initech Mail', owner: 'IT', criticality: 'high', dataTypes: ['personal'] });
    const b = await call(core, 'vendor.create', { name: 'Umbrella Print', owner: 'Ops', criticality: 'low', dataTypes: ['internal'] });
    const sent = await call(core, 'questionnaire.create', { vendorId: a.id, templateId: tpl.id, cycle: '2026' });
    await call(core, 'questionnaire.create', { vendorId: b.id, templateId: tpl.id, cycle: '2026' });
    await call(core, 'questionnaire.export', { id: sent.id, format: 'json' });
    const due = (await call(core, 'questionnaire.tracker', {})).rows.find((r) => r.questionnaireId === sent.id)!.dueDate!;
    await goTo(page, '5', 'vendors', { reload: true });
    const tracker = page.getByTestId('questionnaire-tracker');
    const row = tracker.getByRole('row').filter({ hasText: 'Initech Mail' });
    await row.getByText('Awaiting answers').waitFor();
    // Shown in the locale's format, as every date in the app.
    const shownDue = await page.evaluate(
      (d) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)),
      due,
    );
    await row.getByText(shownDue).waitFor();
    await tracker.getByRole('row').filter({ hasText: 'Umbrella Print' }).getByText('Not sent').waitFor();
    await page
      .getByTestId('tracker-counts')
      .getByText(/0 overdue · 1 awaiting answers/)
      .waitFor();
    await app.screenshot('questionnaire-tracker');
    await axeClean(page, 'questionnaire tracker');
    await row.getByRole('button', { name: 'Initech Mail' }).click();
    await page.getByRole('button', { name: `Open ${sent.cycle} ${sent.templateTitle}`, pressed: true }).waitFor();
  } finally {
    await app.close();
  }
});

async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
