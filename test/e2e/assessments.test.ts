// The Assessments screen in Chromium against the real core: the empty state, a new
// assessment through the dialog, ten controls assessed with the keyboard only (one not
// applicable with its justification), a finding from a not-met control, search with `/`,
// the shortcut help, evidence with undo and the size limit, finalising (read-only) and
// reopening with a reason; then a 5,000-control assessment that stays windowed (dark theme).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AssessmentRow } from '../../main/contract/assessment';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp, type Harness } from '../harness/browser';
import { tempDir } from '../support/core';
import { call, chosen, upload } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'violet tractor lagoon oyster';
const JUSTIFICATION = 'No customer data is processed by this platform, so the control does not apply.';

async function axeClean(page: Page, where: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${where}`);
}

/** Retries a check until it passes (saves are acknowledged asynchronously). */
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

/** Whether a row of the grid is fully inside the grid's visible area. */
async function rowInView(page: Page, text: string): Promise<boolean> {
  const grid = page.getByTestId('control-table').getByRole('grid');
  const row = grid.getByRole('row').filter({ hasText: text });
  const [g, r] = await Promise.all([grid.boundingBox(), row.boundingBox()]);
  return !!g && !!r && r.y >= g.y && r.y + r.height <= g.y + g.height + 1;
}

/** A fresh app with a workspace open on the Assessments screen. */
async function assessmentsScreen(colorScheme: 'light' | 'dark' = 'light'): Promise<Harness> {
  const app = await openApp({ colorScheme });
  await call(app.core, 'workspace.create', {
    handle: chosen(app.core, join(tempDir('attest-e2e-'), 'assessments.attest'), 'save:workspace'),
    name: 'Northwind review',
    passphrase: PASS,
  });
  await app.page.reload();
  await app.page.locator('.topbar').waitFor();
  await app.page.keyboard.press('Control+2');
  await app.page.waitForSelector('main[data-screen="assessments"] h1');
  return app;
}

const assessedResults = (rows: AssessmentRow[]) =>
  rows.filter((r) => r.status !== 'not-assessed').map((r) => ({ controlId: r.controlId, status: r.status }));

test('create, assess by keyboard, finding, search, help, evidence, finalise and reopen', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await assessmentsScreen();
  const { page, core } = app;
  try {
    // Empty state teaches what an assessment is.
    await page.getByRole('heading', { name: 'No assessments yet' }).waitFor();
    await page.getByText(/An assessment measures one scope/).waitFor();
    await app.screenshot('assessments-empty');
    await axeClean(page, 'assessments, none yet');

    // The dialog: per-field errors first, then a valid assessment on the platform baseline.
    await page.getByRole('button', { name: 'New assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New assessment' });
    await dialog.getByRole('checkbox', { name: /Platform security baseline/ }).waitFor();
    await dialog.getByText(/snapshotted into the assessment with its version and content hash/).waitFor();
    await dialog.getByRole('button', { name: 'Create assessment' }).click();
    await dialog.getByText('Give the assessment a name.').waitFor();
    await dialog.getByText('Pick at least one catalogue.').waitFor();
    await dialog.getByLabel('Name').fill('Platform baseline 2026');
    await dialog.getByLabel('Client').fill('Northwind Health');
    await dialog.getByLabel('Scope').fill('Production AWS accounts and the CI/CD pipeline.');
    await dialog.getByLabel('Period start').fill('2026-03-01');
    await dialog.getByLabel('Period end').fill('2026-02-01');
    await dialog.getByLabel('Assessor').fill('Dana Reviewer');
    await dialog.getByRole('checkbox', { name: /Platform security baseline/ }).check();
    await dialog.getByRole('button', { name: 'Create assessment' }).click();
    await dialog.getByText('The period ends before it starts.').waitFor();
    await app.screenshot('assessment-new-dialog');
    await axeClean(page, 'new assessment dialog');
    await dialog.getByLabel('Period end').fill('2026-03-31');
    assert.equal(await dialog.getByLabel('Name').inputValue(), 'Platform baseline 2026', 'nothing typed is lost on an error');
    await dialog.getByRole('button', { name: 'Create assessment' }).click();

    await page.getByRole('heading', { name: 'Platform baseline 2026', level: 1 }).waitFor();
    const [summary] = (await call(core, 'assessment.list', {})).assessments;
    assert.ok(summary);
    assert.equal(summary.client, 'Northwind Health');
    assert.equal(summary.periodStart, '2026-03-01');
    assert.deepEqual(
      summary.catalogues.map((c) => c.id),
      ['platform-baseline'],
    );
    const { rows } = await call(core, 'assessment.get', { id: summary.id });
    const grid = page.getByTestId('control-table').getByRole('grid');
    assert.equal(await grid.getAttribute('aria-rowcount'), String(rows.length + 1));
    await page.getByText(`${rows.length} of ${rows.length} controls`).waitFor();

    // Ten controls by keyboard only: digits set the status, j moves on; 4 waits for its justification.
    const keys = ['1', '2', '3', '1', '4', '1', '3', '2', '1', '3'] as const;
    const statusOf = { '1': 'met', '2': 'partial', '3': 'not-met', '4': 'not-applicable' } as const;
    await grid.focus();
    for (const key of keys) {
      await page.keyboard.press(key);
      if (key === '4') {
        const editor = page.getByRole('textbox', { name: 'Justification' });
        await eventually(async () =>
          assert.equal(await editor.evaluate((el) => el === document.activeElement), true, 'the editor has focus'),
        );
        // Not saved until the justification is there.
        assert.equal((await call(core, 'assessment.get', { id: summary.id })).rows[4]!.status, 'not-assessed');
        await page.keyboard.type(JUSTIFICATION);
        await page.keyboard.press('Control+Enter');
        await eventually(async () => assert.equal(await grid.evaluate((el) => el === document.activeElement), true, 'back in the table'));
      }
      await page.keyboard.press('j');
    }
    const expected = keys.map((k, i) => ({ controlId: rows[i]!.controlId, status: statusOf[k] }));
    const saved = await eventually(async () => {
      const now = (await call(core, 'assessment.get', { id: summary.id })).rows;
      assert.deepEqual(assessedResults(now), expected);
      return now;
    });
    assert.equal(saved[4]!.rationale, JUSTIFICATION);
    await page.getByText(`10 of ${rows.length} assessed`).waitFor();

    // f on a not-met control (the third) records a finding.
    await page.keyboard.press('Home');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.getByTestId('control-panel').getByRole('heading', { name: rows[2]!.title }).waitFor();
    await page.keyboard.press('f');
    await page
      .getByTestId('toast')
      .getByText(/^F-001 created from /)
      .waitFor();
    const findings = (await call(core, 'finding.list', { assessmentId: summary.id })).findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.ref, 'F-001');
    assert.deepEqual(
      findings[0]!.controls.map((c) => c.controlId),
      [rows[2]!.controlId],
    );
    await page.getByTestId('control-panel').getByText('F-001').waitFor();
    // A met control offers no finding, and says why.
    await page.keyboard.press('Home');
    await page.keyboard.press('f');
    await page
      .getByTestId('toast')
      .getByText(/Only a control assessed Not met or Partially met becomes a finding/)
      .waitFor();
    assert.equal((await call(core, 'finding.list', { assessmentId: summary.id })).findings.length, 1);
    await app.screenshot('assessment-table');
    await axeClean(page, 'assessment table');

    // Evidence on the active control: a note, removed and brought back; a file over the limit is refused clearly.
    const panel = page.getByTestId('control-panel');
    await panel.getByRole('textbox', { name: 'Note', exact: true }).fill('Reviewed the IdP configuration export with the platform team.');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByText('Reviewed the IdP configuration export with the platform team.').waitFor();
    await panel.getByRole('button', { name: /^Remove / }).click();
    await panel.getByText('No evidence yet.', { exact: false }).waitFor();
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await panel.getByText('Reviewed the IdP configuration export with the platform team.').waitFor();
    await panel.getByRole('radio', { name: 'File' }).check();
    await panel.getByText('Up to 10 MB.', { exact: false }).waitFor();
    await panel
      .locator('input[type="file"]')
      .setInputFiles({ name: 'too-big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 7) });
    await panel.getByRole('button', { name: 'Attach file' }).click();
    await panel
      .getByRole('alert')
      .getByText(/evidence files can be at most 10 MB/)
      .waitFor();
    await panel
      .locator('input[type="file"]')
      .setInputFiles({ name: 'idp-export.txt', mimeType: 'text/plain', buffer: Buffer.from('sso: enforced\n') });
    await panel.getByRole('button', { name: 'Attach file' }).click();
    await panel.getByText('idp-export.txt').waitFor();
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download idp-export.txt' }).click();
    assert.equal((await download).suggestedFilename(), 'idp-export.txt');
    await panel.getByText('Attached a file').waitFor();
    const evidence = (
      await call(core, 'assessment.control', { assessmentId: summary.id, catalogueId: 'platform-baseline', controlId: rows[0]!.controlId })
    ).evidence;
    assert.deepEqual(evidence.map((e) => e.kind).sort(), ['file', 'note']);
    await panel.getByRole('heading', { name: /^Evidence/ }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('assessment-control-panel');
    await axeClean(page, 'control panel with evidence');

    // `/` searches: the table keeps only the controls that match.
    await grid.focus();
    await page.keyboard.press('/');
    const searchBox = page.getByRole('searchbox', { name: 'Search' });
    assert.equal(await searchBox.evaluate((el) => el === document.activeElement), true, '/ focuses the search box');
    await page.keyboard.type('single sign-on');
    const hits = (await call(core, 'catalog.search', { assessmentId: summary.id, text: 'single sign-on', limit: 10_000 })).hits;
    assert.ok(hits.some((h) => h.controlId === 'S.A.4'));
    await page.getByText(`${hits.length} of ${rows.length} controls`).waitFor();
    assert.equal(await grid.getAttribute('aria-rowcount'), String(hits.length + 1));
    await grid.getByRole('row').filter({ hasText: 'S.A.4' }).waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await grid.evaluate((el) => el === document.activeElement), true, 'Escape goes back to the table');
    assert.equal(await searchBox.inputValue(), 'single sign-on', 'and keeps the search');
    await searchBox.fill('');
    await page.getByText(`${rows.length} of ${rows.length} controls`).waitFor();

    // `?` opens the shortcut help.
    await grid.focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Assessment shortcuts' });
    await help.getByText('Record a finding from a control not met or partially met').waitFor();
    await app.screenshot('assessment-help');
    await axeClean(page, 'shortcut help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // Final: read-only; a digit changes nothing.
    await page.getByRole('button', { name: 'Send to review' }).click();
    // Finalising an incomplete assessment shows the gaps and needs the user's explicit tick.
    await page.getByRole('button', { name: 'Finalise…' }).click();
    const finalise = page.getByRole('dialog', { name: 'Finalise the assessment' });
    const gaps = finalise.getByRole('group', { name: 'What is incomplete' });
    await gaps.getByRole('heading', { name: `${summary.total - 10} controls not assessed` }).waitFor();
    await gaps.getByText(rows[10]!.label, { exact: true }).waitFor();
    // The finding recorded from a control has neither owner nor due date yet.
    await gaps.getByRole('heading', { name: '1 open finding without an owner, 1 without a due date' }).waitFor();
    const confirm = finalise.getByRole('button', { name: 'Finalise', exact: true });
    assert.equal(await confirm.isDisabled(), true, 'finalise waits for the acknowledgement');
    await app.screenshot('assessment-finalise-incomplete');
    await axeClean(page, 'finalise dialog');
    await gaps.getByLabel(/I finalise it incomplete/).check();
    await confirm.click();
    await finalise.waitFor({ state: 'hidden' });
    await page.getByText('Final — read-only.').waitFor();
    const finalEntry = (await call(core, 'audit.list', { offset: 0, limit: 5 })).entries.find((e) => e.action === 'assessment.final');
    assert.match(finalEntry?.entity ?? '', new RegExp(`finalised incomplete: ${summary.total - 10} controls not assessed`));
    await grid.focus();
    await page.keyboard.press('End');
    await eventually(async () => assert.equal(await rowInView(page, rows.at(-1)!.label), true, 'End shows the last row'));
    await page.keyboard.press('1');
    await page
      .getByTestId('toast')
      .getByText(/final and read-only/)
      .waitFor();
    const after = (await call(core, 'assessment.get', { id: summary.id })).rows;
    assert.deepEqual(assessedResults(after), expected, 'nothing changed while final');
    assert.equal(
      await grid
        .getByRole('row')
        .filter({ hasText: rows.at(-1)!.label })
        .getByText('Not assessed')
        .count(),
      1,
    );
    assert.equal(await panel.getByRole('button', { name: 'Add note' }).count(), 0, 'no evidence forms while final');
    await app.screenshot('assessment-final');
    await axeClean(page, 'final assessment');

    // Reopening needs a reason, which lands in the audit log.
    await page.getByRole('button', { name: 'Reopen…' }).click();
    const reopen = page.getByRole('dialog', { name: 'Reopen the final assessment' });
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await reopen.getByText(/Say why the assessment is reopened/).waitFor();
    assert.equal((await call(core, 'assessment.get', { id: summary.id })).assessment.state, 'final');
    await reopen.getByLabel('Reason').fill('Client supplied new evidence for S.A.4.');
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await reopen.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Finalise…' }).waitFor();
    assert.equal((await call(core, 'assessment.get', { id: summary.id })).assessment.state, 'review');
    const audit = (await call(core, 'audit.list', { offset: 0, limit: 50 })).entries;
    const entry = audit.find((e) => e.action === 'assessment.reopen');
    assert.ok(entry, 'the reopening is in the audit log');
    assert.match(entry.entity, /Client supplied new evidence/);

    // Back to the list: the assessment shows its progress.
    await page.getByRole('button', { name: 'All assessments' }).click();
    await page.getByRole('button', { name: 'Platform baseline 2026' }).waitFor();
    await page.getByText(`10 of ${rows.length} assessed`).waitFor();
    await app.screenshot('assessments-list');
    await axeClean(page, 'assessment list');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('an assessment of 5,000 controls stays windowed and takes results from the keyboard', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await assessmentsScreen('dark');
  const { page, core } = app;
  try {
    const lines = ['id,title,statement,category,weight'];
    for (let i = 1; i <= 5000; i++) lines.push(`BIG.${i},Control number ${i},Statement of control ${i}.,Area ${i % 12},${(i % 5) + 1}`);
    const imported = await call(core, 'catalog.import', {
      file: upload('big.csv', lines.join('\n')),
      mapping: { id: 'id', title: 'title', statement: 'statement', category: 'category', weight: 'weight' },
      title: 'Big catalogue',
    });
    const created = await call(core, 'assessment.create', {
      name: 'Large programme',
      client: 'Northwind Health',
      assessor: 'Dana Reviewer',
      catalogueIds: [imported.catalogue.id],
    });
    await page.reload();
    await page.locator('.topbar').waitFor();
    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: 'Large programme' }).click();
    const grid = page.getByTestId('control-table').getByRole('grid');
    await grid.waitFor();
    assert.equal(await grid.getAttribute('aria-rowcount'), '5001');
    const rendered = await grid.locator('[role="row"]').count();
    assert.ok(rendered < 80, `only the rows in view are in the page (${rendered})`);
    await grid.focus();
    await page.keyboard.press('End');
    await page.getByTestId('control-panel').getByRole('heading', { name: 'Control number 5000' }).waitFor();
    // The panel has read the control (it does so once the keyboard rests on a row).
    await page.locator('[data-testid="control-panel"][aria-busy="false"]').waitFor();
    const callsBefore = app.calls.length;
    await page.keyboard.press('3');
    await eventually(async () => {
      const rows = (await call(core, 'assessment.get', { id: created.id })).rows;
      assert.deepEqual(assessedResults(rows), [{ controlId: 'BIG.5000', status: 'not-met' }]);
    });
    await grid.getByRole('row').filter({ hasText: 'BIG.5000' }).getByText('Not met').waitFor();
    await page.waitForTimeout(300);
    // Round trips of one status change: the write answers with its commit's sequence
    // number, so nothing asks for the workspace status to learn it.
    const made = app.calls.slice(callsBefore);
    console.log(`round trips for one status change: ${made.length} (${made.join(', ')})`);
    // One: the write answers with the panel's data, which goes into the read cache.
    assert.deepEqual(
      made.filter((c) => c !== 'workspace.touch'),
      ['assessment.setResult'],
    );
    // Ctrl+Z takes the change back (the last undoable change, in the core too).
    await page.keyboard.press('Control+z');
    await eventually(async () => {
      const rows = (await call(core, 'assessment.get', { id: created.id })).rows;
      assert.deepEqual(assessedResults(rows), []);
    });
    await page
      .getByTestId('toast')
      .getByText(/^Undone: control status set: Control BIG\.5000 of /)
      .waitFor();
    await grid.getByRole('row').filter({ hasText: 'BIG.5000' }).getByText('Not assessed').waitFor();
    // Search answers quickly at this size.
    await page.keyboard.press('/');
    await page.keyboard.type('number 4999');
    await page.getByText('1 of 5,000 controls').waitFor({ timeout: 3000 });
    await grid.getByRole('row').filter({ hasText: 'BIG.4999' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    // Filtering by category narrows the 5,000 rows.
    await page.getByLabel('Category').selectOption({ label: 'Area 0' });
    await page.getByText('416 of 5,000 controls').waitFor();
    // Assessing while filtered on Not assessed: the assessed row leaves, the next one takes its place.
    await page.getByLabel('Status', { exact: true }).first().selectOption('not-assessed');
    await page.getByText('416 of 5,000 controls').waitFor();
    await grid.focus();
    await page.keyboard.press('1');
    await page.getByText('415 of 5,000 controls').waitFor();
    await page.getByTestId('control-panel').getByRole('heading', { name: 'Control number 24' }).waitFor();
    await eventually(async () => {
      const rows = (await call(core, 'assessment.get', { id: created.id })).rows;
      assert.equal(rows.find((r) => r.controlId === 'BIG.12')?.status, 'met');
    });
    await app.screenshot('assessment-table-dark');
    await axeClean(page, 'a large assessment in the dark theme');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
