// Questionnaire cycles in Chromium against the real core. Last year's questionnaire (a
// copy of the baseline, answered and concluded) is the start of this year's, made through
// the New questionnaire dialog: answers come in flagged "carried forward, needs review",
// the question removed and the one whose type changed are listed as not carried. Then the
// analyst corrects answers from the answers table with the keyboard: a bad number and an
// impossible date are refused with the import's words, a good correction is marked as the
// analyst's, audited under them with old → new, rescored, and taken back with Undo. A
// concluded questionnaire offers no Edit. Axe finds nothing serious, light and dark.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { TemplateBody } from '../../main/contract/questionnaire';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { axeClean, newWorkspace, recordDialogs } from '../harness/flows';
import { call, upload } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'amber kettle canyon violin';

/** Every question answered Yes (or a fitting value), with the overrides. */
function answersFor(body: TemplateBody, overrides: Record<string, unknown>) {
  const answers: Record<string, unknown> = {};
  for (const q of body.sections.flatMap((s) => s.items)) {
    if (q.kind !== 'question') continue;
    answers[q.id] =
      q.type === 'yesno'
        ? 'yes'
        : q.type === 'number'
          ? 10
          : q.type === 'single' || q.type === 'multi'
            ? q.options[0]!.id
            : q.type === 'date'
              ? '2026-06-30'
              : 'security@skyline.example';
  }
  return { ...answers, ...overrides };
}

test('questionnaire cycles: start from last year (carried, flagged, not carried listed); correct answers with the keyboard, audited, rescored, undone', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page, core } = app;
  const dialogs = recordDialogs(page);
  try {
    await newWorkspace(core, 'Vendor programme', PASS);
    await call(core, 'app.setDisplayName', { displayName: 'Ana Lyst' });
    const vendor = await call(core, 'vendor.create', {
      name: 'Skyline Cloud',
      owner: 'Priya Shah',
      dataTypes: ['personal'],
      criticality: 'high',
    });
    // Last year: a copy of the baseline, answered (two gaps) and concluded.
    await call(core, 'template.duplicate', { id: 'vendor-security-baseline', newId: 'skyline-baseline', title: 'Skyline baseline' });
    const v1 = await call(core, 'template.get', { id: 'skyline-baseline' });
    const last = await call(core, 'questionnaire.create', { vendorId: vendor.id, templateId: 'skyline-baseline', cycle: '2025' });
    const imported = await call(core, 'questionnaire.import', {
      id: last.id,
      file: upload(
        'answers.json',
        JSON.stringify({ questionnaireId: last.id, answers: answersFor(v1.body, { 'VSB-4': 'no', 'VSB-31': 30 }) }),
      ),
    });
    assert.equal(imported.applied, true);
    await call(core, 'questionnaire.conclude', { id: last.id, conclusion: 'approve', rationale: 'Fine for 2025.' });
    // This year's template: VSB-43 is gone and VSB-26 became a single choice.
    const body = structuredClone(v1.body);
    for (const s of body.sections) {
      s.items = s.items
        .filter((i) => i.id !== 'VSB-43')
        .map((i) =>
          i.id === 'VSB-26' && i.kind === 'question'
            ? {
                ...i,
                type: 'single' as const,
                expected: undefined,
                options: [
                  { id: 'eu', label: 'EU only' },
                  { id: 'world', label: 'Worldwide' },
                ],
              }
            : i,
        );
    }
    await call(core, 'template.save', { body });

    await page.reload();
    await page.locator('.topbar').waitFor();
    await page.keyboard.press('Control+5');
    await page.waitForSelector('main[data-screen="vendors"] h1');
    await page.getByTestId('vendor-table').getByText('Skyline Cloud', { exact: true }).click();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Skyline Cloud' }).waitFor();
    // The vendor page may group its sections in tabs; the questionnaires are under their own.
    const tab = page.getByRole('tab', { name: /Questionnaires/ });
    if ((await tab.count()) > 0) await tab.click();
    const card = page.getByRole('region', { name: 'Questionnaires', exact: true });
    const detail = page.getByTestId('questionnaire-detail');

    // The concluded questionnaire offers no corrections.
    await detail.getByText(/^2025 · /).waitFor();
    await detail.getByText(/^Answers \(\d+\)$/).click();
    await page.getByTestId('answers-table').waitFor();
    assert.equal(
      await page
        .getByTestId('answers-table')
        .getByRole('button', { name: /^Edit the answer/ })
        .count(),
      0,
    );

    // This year's cycle starts from last year's.
    await card.getByRole('button', { name: 'New questionnaire' }).click();
    const create = page.getByRole('dialog', { name: 'New questionnaire' });
    await create.getByLabel('Template').selectOption('skyline-baseline');
    await create.getByLabel('Review cycle').fill('2026');
    await create.getByLabel('Start from').selectOption({ label: '2025 · Skyline baseline (Concluded, 30 answers)' });
    await create.getByRole('button', { name: 'Create questionnaire' }).click();
    await page
      .getByTestId('toast')
      .getByText(/Cycle 2026 started from 2025: 28 answers carried forward \(they need review\), 2 not carried\./)
      .waitFor();
    await detail.getByText(/^2026 · /).waitFor();
    const note = detail.getByTestId('carry-note');
    await note.getByText('Started from cycle 2025: 28 answers carried forward, 28 still need review; 2 not carried.').waitFor();
    await note.getByText('Not carried (2)').click();
    await note.getByText(/VSB-26: the question changed from text to single/).waitFor();
    await note.getByText(/VSB-43: the question is not in the new template/).waitFor();
    const answers = page.getByTestId('answers-table');
    await answers.waitFor(); // open from the start while answers need review
    assert.equal(await answers.getByText('Carried forward from 2025, needs review').count(), 28);
    await app.screenshot('questionnaire-carried');
    await axeClean(page, 'a cycle carried forward', 'both');

    // The vendor confirms part of it: a partial import of most answers; five stay carried.
    const current = (await call(core, 'questionnaire.list', { vendorId: vendor.id })).questionnaires[0]!;
    const confirm = answersFor(body, { 'VSB-4': 'no', 'VSB-31': 30, 'VSB-26': 'eu' });
    for (const id of ['VSB-10', 'VSB-11', 'VSB-13', 'VSB-14', 'VSB-15']) delete confirm[id];
    const partial = await call(core, 'questionnaire.import', {
      id: current.id,
      partial: true,
      file: upload('answers.json', JSON.stringify({ questionnaireId: current.id, answers: confirm })),
    });
    assert.equal(partial.summary.carriedForward, 5);
    await page
      .getByTestId('score-needs-review')
      .getByText(/^5 answers in this score were carried forward/)
      .waitFor();
    await detail.getByText(/· 5 carried forward, need review$/).waitFor();
    const before = await page.getByTestId('score-overall').innerText();

    // Keyboard: Tab to VSB-31's Edit, Enter opens the correction; a bad number is refused.
    await answers.getByRole('button', { name: 'Edit the answer to VSB-31' }).focus();
    await page.keyboard.press('Enter');
    const edit = page.getByRole('dialog', { name: 'Correct the answer to VSB-31' });
    await edit.waitFor();
    const value = edit.getByLabel('Answer', { exact: true });
    await value.fill('two weeks');
    await page.keyboard.press('Enter');
    await edit.getByRole('alert').getByText('VSB-31: "two weeks" is not a number.').waitFor();
    assert.equal(await value.getAttribute('aria-invalid'), 'true');
    await axeClean(page, 'the correction dialog with its error', 'both');
    await value.fill('7');
    await edit.getByLabel('Note').fill('Confirmed on the call with their CISO');
    await edit.getByRole('button', { name: 'Save correction' }).press('Enter');
    await edit.waitFor({ state: 'hidden' });
    await page.getByTestId('toast').getByText('The answer to VSB-31 is saved as your correction.').waitFor();
    const row31 = answers.locator('tr', { has: page.getByText('VSB-31', { exact: true }) });
    await row31.getByText('Corrected by Ana Lyst (app)').waitFor();
    await row31.getByText('Confirmed on the call with their CISO').waitFor();
    await page.waitForFunction((b) => document.querySelector('[data-testid="score-overall"]')?.textContent !== b, before);
    const corrected = await page.getByTestId('score-overall').innerText();
    assert.ok(Number(corrected) > Number(before), `${before} → ${corrected}`);
    const [entry] = (await call(core, 'audit.list', { limit: 1 })).entries;
    assert.equal(entry?.actor, 'Ana Lyst (app)');
    assert.match(entry!.entity, /VSB-31: "30" → "7"; note "" → "Confirmed on the call with their CISO"/);
    await app.screenshot('questionnaire-corrected');
    await axeClean(page, 'a corrected answer', 'both');

    // Undo (Ctrl+Z) puts the vendor's answer back, and its score.
    await page.locator('body').click();
    await page.keyboard.press('Control+z');
    await row31.getByText('Vendor', { exact: true }).waitFor();
    await page.waitForFunction((b) => document.querySelector('[data-testid="score-overall"]')?.textContent === b, before);
    const got = await call(core, 'questionnaire.get', { id: current.id });
    assert.deepEqual(
      [got.answers.find((a) => a.questionId === 'VSB-31')?.value, got.answers.find((a) => a.questionId === 'VSB-31')?.source],
      [30, 'vendor'],
    );

    // A date correction checks for a real date; a carried answer reviewed as it is clears its flag.
    await answers.getByRole('button', { name: 'Edit the answer to VSB-10' }).click();
    const review = page.getByRole('dialog', { name: 'Correct the answer to VSB-10' });
    await review.getByText(/Now: Yes · Carried forward from 2025, needs review/).waitFor();
    await review.getByRole('button', { name: 'Save correction' }).click();
    await review.waitFor({ state: 'hidden' });
    await answers
      .locator('tr', { has: page.getByText('VSB-10', { exact: true }) })
      .getByText('Confirmed by Ana Lyst (app)')
      .waitFor();
    await page
      .getByTestId('score-needs-review')
      .getByText(/^4 answers/)
      .waitFor();
    await answers
      .getByRole('button', { name: 'Edit the answer to VSB-43' })
      .count()
      .then((n) => assert.equal(n, 0, 'VSB-43 is gone'));
    const vsb26 = answers.getByRole('button', { name: 'Edit the answer to VSB-26' });
    await vsb26.click();
    const single = page.getByRole('dialog', { name: 'Correct the answer to VSB-26' });
    await single.getByLabel('Answer', { exact: true }).selectOption({ label: 'Worldwide' });
    await single.getByRole('button', { name: 'Save correction' }).click();
    await single.waitFor({ state: 'hidden' });
    await answers
      .locator('tr', { has: page.getByText('VSB-26', { exact: true }) })
      .getByText('Worldwide')
      .waitFor();

    // The conclusion waits for the answers still carried.
    const conclusion = page.getByRole('form', { name: 'Conclusion' });
    await conclusion.getByLabel('Approve', { exact: true }).check();
    await conclusion.getByLabel('Rationale').fill('Good answers.');
    await conclusion.getByRole('button', { name: 'Record conclusion' }).click();
    await conclusion.getByText(/4 answers are still carried forward from the earlier cycle/).waitFor();

    // The answers CSV export names the correction's author.
    const csv = Buffer.from((await call(core, 'questionnaire.export', { id: current.id, format: 'csv' })).dataBase64, 'base64').toString();
    assert.match(csv, /VSB-26,.*,Worldwide,.*,Corrected by Ana Lyst \(app\) on \d{4}-\d{2}-\d{2}/);

    assert.deepEqual(dialogs, [], 'no alert fired');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
