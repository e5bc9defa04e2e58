// Vendor questionnaires in Chromium against the real core: a vendor added through the
// Vendors screen gets a questionnaire from the built-in baseline; the XLSX downloaded from
// the page is filled by question id with exceljs (gaps and hostile answers on purpose) and
// imported through the dialog; a bad file is refused with its report and changes nothing;
// score, gaps, a finding from a gap, the conclusion and a second cycle for year over year.
// Then the Questionnaires screen: a VSAQ import with its item count, and the builder with
// its live preview on a copy of the baseline. Hostile text stays text; axe light and dark.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { newWorkspace, recordDialogs } from '../harness/flows';
import { call } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'amber kettle canyon violin';
const HOSTILE_FORMULA = '=HYPERLINK("http://x")';
const HOSTILE_HTML = '<img src=x onerror=alert(1)>';
const VSAQ_WEBAPP = join(__dirname, '..', '..', '..', 'shared', 'corpora', 'vsaq', 'webapp.json');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function axeClean(page: Page, where: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await seriousViolations(page), [], `axe on ${where} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Fills the Questions sheet's Answer (and Comment) column by question id, as a vendor would. */
async function filled(
  bytes: Buffer,
  answer: (id: string, type: string) => string | number | null,
  comments: Record<string, string> = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('Questions')!;
  sheet.eachRow((row, n) => {
    const id = String(row.getCell(1).value ?? '');
    if (n === 1 || !id) return;
    const v = answer(id, String(row.getCell(5).value));
    if (v !== null) row.getCell(8).value = v;
    if (id in comments) row.getCell(9).value = comments[id]!;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A year's answers: yes across the board except where a cycle sets otherwise. */
function answersOf(overrides: Record<string, string | number>) {
  const base: Record<string, string | number> = {
    'VSB-5': HOSTILE_FORMULA,
    'VSB-12': 30,
    'VSB-20': 'Personal data of our staff or customers',
    'VSB-22': 'TLS 1.3 only',
    'VSB-26': HOSTILE_HTML,
    'VSB-31': 10,
    'VSB-40': 48,
  };
  const all = { ...base, ...overrides };
  return (id: string, type: string) => (id in all ? all[id]! : type.startsWith('Yes') ? 'Yes' : null);
}

async function importAnswers(page: Page, name: string, buffer: Buffer) {
  await page.getByRole('button', { name: 'Import answers…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import answers' });
  await dialog.waitFor();
  await dialog.getByLabel('File to import').setInputFiles({ name, mimeType: XLSX, buffer });
  return dialog;
}

test('questionnaires: vendor round trip through XLSX, refused import, score, finding, conclusion, year over year; VSAQ import; builder with preview', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page, core } = app;
  const dialogs = recordDialogs(page);
  try {
    await newWorkspace(core, 'Vendor programme', PASS);
    await page.reload();
    await page.locator('.topbar').waitFor();
    await page.keyboard.press('Control+5');
    await page.waitForSelector('main[data-screen="vendors"] h1');

    // A vendor through the Vendors screen's dialog.
    await page.getByRole('button', { name: 'Add vendor' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add vendor' });
    await add.getByLabel('Name').fill('Skyline Cloud');
    await add.getByLabel('Internal owner').fill('Priya Shah');
    await add.getByLabel('Services').fill('Cloud hosting of the patient portal');
    await add.getByLabel('Business criticality').selectOption('high');
    await add.getByLabel('Personal data').check();
    await add.getByRole('button', { name: 'Add vendor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skyline Cloud' }).waitFor();
    const vendorId = (await call(core, 'vendor.list', {})).vendors[0]!.id;
    await page.getByRole('tab', { name: 'Questionnaires' }).click();
    const card = page.getByRole('region', { name: 'Questionnaires', exact: true });
    await card.getByText('No questionnaire has been sent to Skyline Cloud yet.').waitFor();

    // A questionnaire from the built-in baseline, for cycle 2026.
    await card.getByRole('button', { name: 'New questionnaire' }).click();
    const create = page.getByRole('dialog', { name: 'New questionnaire' });
    await create.getByLabel('Review cycle').fill('2026');
    assert.match(await create.getByLabel('Template').inputValue(), /^vendor-security-baseline$/);
    await create.getByRole('button', { name: 'Create questionnaire' }).click();
    const detail = page.getByTestId('questionnaire-detail');
    await detail.getByText(/No answers yet\. Export the questionnaire/).waitFor();
    const [first] = (await call(core, 'questionnaire.list', { vendorId })).questionnaires;
    assert.equal(first?.cycle, '2026');

    // Export XLSX from the page: the download carries the workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), detail.getByRole('button', { name: 'Export XLSX' }).click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const workbook = readFileSync((await download.path())!);
    await detail.getByText(/^Saved “.*\.xlsx”/).waitFor();
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), detail.getByRole('button', { name: 'Export JSON' }).click()]);
    assert.match(jsonDownload.suggestedFilename(), /\.json$/);
    await app.screenshot('vendor-questionnaires');
    await axeClean(page, 'the vendor page with a new questionnaire');

    // A bad file: one invalid number, required answers missing. Refused, nothing written.
    const bad = await filled(workbook, (id) => (id === 'VSB-12' ? 'soon' : id === 'VSB-1' ? 'Yes' : null));
    let dialog = await importAnswers(page, 'bad-answers.xlsx', bad);
    await dialog.getByTestId('import-refused').waitFor();
    await dialog.getByRole('heading', { name: 'Nothing was imported' }).waitFor();
    await dialog.getByTestId('problems-invalid').getByText('VSB-12', { exact: true }).waitFor();
    assert.ok((await dialog.getByTestId('problems-missing').locator('tbody tr').count()) > 5, 'missing required answers are listed');
    await app.screenshot('questionnaire-import-refused');
    await axeClean(page, 'the refused import report');
    assert.equal((await call(core, 'questionnaire.get', { id: first!.id })).answers.length, 0, 'nothing was written');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The good file: gaps on purpose (VSB-4 no, VSB-11 partial, VSB-31 too slow), hostile text answers.
    const good = await filled(workbook, answersOf({ 'VSB-4': 'No', 'VSB-11': 'Partial', 'VSB-31': 30 }), { 'VSB-10': HOSTILE_HTML });
    dialog = await importAnswers(page, 'answers-2026.xlsx', good);
    await dialog.getByTestId('import-applied').waitFor();
    assert.match(
      await dialog.getByTestId('import-applied').innerText(),
      /answers read; \d+ answers changed since the last import\. The new score is [\d.]+ \/ 100 with \d+ gaps\./,
    );
    await dialog.getByRole('button', { name: 'See the score' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Score and gaps.
    const gaps = page.getByTestId('gaps-table');
    await gaps.waitFor();
    for (const id of ['VSB-4', 'VSB-11', 'VSB-31']) await gaps.getByText(id, { exact: true }).waitFor();
    const stored = (await call(core, 'questionnaire.get', { id: first!.id })).score!;
    assert.equal(await page.getByTestId('score-overall').innerText(), String(Math.round(stored.overall * 10) / 10));
    assert.equal(await page.getByRole('list', { name: 'Score per section' }).getByRole('listitem').count(), stored.sections.length);

    // Hostile answers show literally in the answers table.
    await detail.getByText(/^Answers \(\d+\)$/).click();
    const answers = page.getByTestId('answers-table');
    await answers.getByText(HOSTILE_FORMULA, { exact: true }).waitFor();
    assert.equal(await answers.getByText(HOSTILE_HTML, { exact: true }).count(), 2, 'the hostile answer and comment are text');
    assert.equal(await page.locator('main img').count(), 0, 'no image element was injected');
    // Listed in the template's order: VSB-2 before VSB-10, not as text.
    const ids = (await answers.locator('tbody tr td:first-child strong').allInnerTexts()).map((t) => Number(t.replace('VSB-', '')));
    assert.ok(ids.length > 10);
    assert.deepEqual(
      ids,
      [...ids].sort((x, y) => x - y),
      'answers in template order',
    );
    await app.screenshot('questionnaire-score');
    await axeClean(page, 'the score and gaps');

    // A gap becomes a finding of the vendor in one action.
    await gaps.getByRole('button', { name: 'Raise a finding for VSB-4' }).click();
    await gaps.getByText('Finding raised').waitFor();
    // It is listed in the vendor's Findings tab (and in Findings).
    await page.getByRole('tab', { name: 'Findings' }).click();
    await page
      .getByTestId('vendor-finding-table')
      .getByText(/^Skyline Cloud: Has an independent tester/)
      .waitFor();
    await page.getByRole('tab', { name: 'Questionnaires' }).click();
    const [finding] = (await call(core, 'questionnaire.vendorFindings', { vendorId })).findings;
    assert.equal(finding?.questionnaireId, first!.id);

    // The conclusion needs its rationale.
    const conclusion = page.getByRole('form', { name: 'Conclusion' });
    await conclusion.getByLabel('Approve with conditions').check();
    await conclusion.getByRole('button', { name: 'Record conclusion' }).click();
    await conclusion.getByText('Write the conditions the vendor must meet.').waitFor();
    await conclusion.getByLabel('Rationale').fill('Approved if a penetration test is done by June and MFA covers every admin.');
    await conclusion.getByRole('button', { name: 'Record conclusion' }).click();
    await page.getByTestId('conclusion').getByText('Approve with conditions').waitFor();
    const concluded = (await call(core, 'questionnaire.list', { vendorId })).questionnaires[0]!;
    assert.equal(concluded.state, 'concluded');
    assert.equal(concluded.conclusion, 'approve-with-conditions');

    // Next year's cycle: better on testing, worse on transit encryption.
    await card.getByRole('button', { name: 'New questionnaire' }).click();
    await create.getByLabel('Review cycle').fill('2027');
    await create.getByRole('button', { name: 'Create questionnaire' }).click();
    await detail.getByText(/^2027 · /).waitFor();
    const [next] = await Promise.all([page.waitForEvent('download'), detail.getByRole('button', { name: 'Export XLSX' }).click()]);
    const second = await filled(
      readFileSync((await next.path())!),
      answersOf({ 'VSB-11': 'Partial', 'VSB-22': 'Older protocols are still accepted', 'VSB-31': 7 }),
    );
    dialog = await importAnswers(page, 'answers-2027.xlsx', second);
    await dialog.getByRole('button', { name: 'See the score' }).click();
    const yoy = page.getByTestId('yoy');
    await yoy.getByText('Changed answers', { exact: false }).waitFor();
    await yoy.getByRole('heading', { name: /^New gaps \(1\)$/ }).waitFor();
    await yoy.getByRole('heading', { name: /^Closed gaps \(2\)$/ }).waitFor();
    await yoy.getByText('VSB-22', { exact: true }).first().waitFor();
    const cmp = await call(core, 'questionnaire.compare', {
      from: first!.id,
      to: (await call(core, 'questionnaire.list', { vendorId })).questionnaires[0]!.id,
    });
    assert.ok(cmp.overall.change !== null);
    assert.match(await page.getByTestId('yoy-overall-change').innerText(), /^[+−±][\d.]+$/);
    await yoy.scrollIntoViewIfNeeded();
    await app.screenshot('questionnaire-yoy');
    await axeClean(page, 'year over year');

    // The Questionnaires screen: templates, then a VSAQ import through the dialog.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Questionnaires/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Questionnaires' }).waitFor();
    const templates = page.getByTestId('template-table');
    await templates.getByRole('button', { name: 'Vendor security baseline' }).waitFor();
    await page.getByRole('heading', { name: 'Start from the baseline, or bring your own' }).waitFor();
    await app.screenshot('questionnaires-templates');
    await axeClean(page, 'the template list');

    await page.getByRole('button', { name: 'Import template…' }).click();
    const imp = page.getByRole('dialog', { name: 'Import a questionnaire template' });
    await imp.getByLabel('File to import').setInputFiles(VSAQ_WEBAPP);
    await imp.getByRole('status', { name: 'Import result' }).waitFor();
    assert.equal(await imp.getByTestId('import-total').innerText(), '296');
    const vsaq = (await call(core, 'template.list', {})).templates.find((x) => x.origin === 'vsaq');
    assert.ok(vsaq, 'the VSAQ template is stored');
    await app.screenshot('questionnaire-import');
    await axeClean(page, 'the VSAQ import result');
    await imp.getByRole('button', { name: 'Open the template' }).click();
    await page.getByRole('heading', { level: 1, name: vsaq!.title }).waitFor();
    await page.getByTestId('preview').waitFor();

    // A wrong file is refused in plain words and changes nothing.
    await page.getByRole('button', { name: '← All templates' }).click();
    await page.getByRole('button', { name: 'Import template…' }).click();
    await imp
      .getByLabel('File to import')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await imp.getByText(/neither a VSAQ questionnaire .* nor an Attest template/).waitFor();
    await imp.getByText('Nothing was changed in the workspace.').waitFor();
    assert.equal((await call(core, 'template.list', {})).templates.length, 2);
    await page.keyboard.press('Escape');
    await imp.waitFor({ state: 'hidden' });

    // The builder on a copy of the baseline.
    await templates.getByRole('button', { name: 'Vendor security baseline' }).click();
    await page.getByRole('button', { name: 'Copy to edit' }).click();
    const copy = page.getByRole('dialog', { name: 'Copy to edit' });
    await copy.getByLabel('New template id').fill('baseline-health');
    await copy.getByLabel('New title').fill('Baseline for health suppliers');
    await copy.getByRole('button', { name: 'Copy and edit' }).click();
    const builder = page.getByRole('form', { name: 'Template builder' });
    await builder.waitFor();
    const preview = page.getByTestId('preview');

    // Hostile question text shows literally in the preview.
    await builder.getByRole('button', { name: /^VSB-4 / }).click();
    await builder.getByLabel('Question text').fill(HOSTILE_HTML);
    await preview.getByText(HOSTILE_HTML, { exact: true }).waitFor();
    assert.equal(await page.locator('main img').count(), 0);
    await builder.getByRole('button', { name: /^VSB-4 / }).click();

    // Alt+↓ moves a question; focus stays on it.
    const toggle1 = builder.getByRole('button', { name: /^VSB-1 / });
    await toggle1.focus();
    await page.keyboard.press('Alt+ArrowDown');
    const firstSection = builder.getByRole('region', { name: 'Section Assurance and governance' });
    await firstSection.locator('.q-id').nth(1).getByText('VSB-1', { exact: true }).waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.startsWith('VSB-1')),
      true,
      'focus stayed on the moved question',
    );
    await builder.getByRole('button', { name: 'Move VSB-1 up' }).click();
    await firstSection.locator('.q-id').first().getByText('VSB-1', { exact: true }).waitFor();

    // Delete with undo.
    await builder.getByRole('button', { name: 'Delete VSB-6' }).click();
    assert.equal(await builder.getByRole('button', { name: /^VSB-6 / }).count(), 0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await builder.getByRole('button', { name: /^VSB-6 / }).waitFor();

    // A new question with a display condition on VSB-1.
    await firstSection.getByRole('button', { name: 'Add question' }).click();
    const added = builder.getByRole('button', { name: /^Q-1 / });
    await added.click();
    const editor = builder.locator('.q-editor', { has: page.getByRole('button', { name: /^Q-1 / }) });
    await editor.getByLabel('Question text').fill('Name the auditor who signed the last report.');
    await editor.getByLabel('Answer type').selectOption('text');
    await editor.getByLabel('Show this question').selectOption('VSB-1');
    await editor.getByLabel('Find a control').fill('platform-baseline S.V.4');
    await editor.getByRole('button', { name: 'Map', exact: true }).click();
    await editor.getByText('platform-baseline · S.V.4').waitFor();
    await app.screenshot('questionnaire-builder');
    await axeClean(page, 'the builder');

    // The preview applies conditions as you answer.
    const auditor = preview.getByLabel(/Name the auditor who signed/);
    assert.equal(await auditor.count(), 0, 'hidden until VSB-1 is answered yes');
    const vsb1 = preview.getByRole('group', { name: /Does an independent auditor attest/ });
    await vsb1.getByLabel('Yes', { exact: true }).check();
    await auditor.waitFor();
    await preview.getByRole('group', { name: 'Which attestations do you hold for this service?' }).waitFor();
    await preview.getByText(/\d+ questions shown/).waitFor();
    await preview.scrollIntoViewIfNeeded();
    await app.screenshot('questionnaire-preview');
    await vsb1.getByLabel('No', { exact: true }).check();
    await auditor.waitFor({ state: 'hidden' });

    // The copy is version 1; Save stores version 2.
    await builder.getByText('Version 1 · unsaved changes').waitFor();
    await builder.getByLabel('Description').fill('For suppliers who see patient data.');
    await builder.getByRole('button', { name: 'Save new version' }).click();
    await builder.getByText(/Saved “Baseline for health suppliers” as version 2\./).waitFor();
    const saved = await call(core, 'template.get', { id: 'baseline-health' });
    assert.equal(saved.summary.version, 2);
    assert.equal(saved.summary.origin, 'custom');
    const questions = saved.body.sections.flatMap((s) => s.items).filter((i) => i.kind === 'question');
    const q1 = questions.find((q) => q.id === 'Q-1');
    assert.deepEqual(q1?.kind === 'question' && q1.showWhen, { question: 'VSB-1', anyOf: ['yes'] });
    assert.deepEqual(q1?.kind === 'question' && q1.controls, [{ catalogueId: 'platform-baseline', controlId: 'S.V.4' }]);
    assert.equal(questions.find((q) => q.id === 'VSB-4')?.text, HOSTILE_HTML);
    assert.equal(saved.body.sections[0]!.items.find((i) => i.kind === 'question')?.id, 'VSB-1');

    assert.deepEqual(dialogs, [], 'no alert fired');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
