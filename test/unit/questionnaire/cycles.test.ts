// Questionnaire cycles through the real dispatcher: the analyst's correction of one answer
// (checked like an import, audited under the caller with old → new, marked as the
// analyst's in every view and export, rescored, refused once concluded, revertible), and
// a new cycle started from last year's answers (carried forward and flagged, with the
// questions that could not come in listed; imports and corrections clear the flag).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { TemplateBodyInput } from '../../../main/contract/questionnaire';
import type { Core } from '../../../main/core/core';
import { call, failure, upload } from '../../support/dispatch';
import { withVendor } from './support';

const template: TemplateBodyInput = {
  format: 1,
  id: 'cycles',
  title: 'Cycles',
  source: { name: 'test' },
  sections: [
    {
      id: 's1',
      title: 'Access',
      items: [
        { kind: 'question', id: 'q1', type: 'yesno', text: 'SSO?', weight: 2, expected: { kind: 'equals', value: 'yes' }, required: true },
        {
          kind: 'question',
          id: 'q2',
          type: 'single',
          text: 'TLS?',
          weight: 2,
          expected: { kind: 'anyOf', values: ['t13'] },
          options: [
            { id: 't13', label: 'TLS 1.3' },
            { id: 'old', label: 'Older' },
          ],
        },
        { kind: 'question', id: 'q3', type: 'number', text: 'Breach notice hours?', weight: 1, expected: { kind: 'range', max: 72 } },
        { kind: 'question', id: 'q4', type: 'date', text: 'Next pen test?' },
        { kind: 'question', id: 'q5', type: 'text', text: 'Where is data stored?' },
      ],
    },
  ],
};

const json = (questionnaireId: string, answers: Record<string, unknown>) =>
  upload('answers.json', JSON.stringify({ questionnaireId, answers }));

async function answered(core: Core, vendorId: string, cycle = '2025') {
  await call(core, 'template.save', { body: template, create: true });
  const q = await call(core, 'questionnaire.create', { vendorId, templateId: 'cycles', cycle });
  const r = await call(core, 'questionnaire.import', {
    id: q.id,
    file: json(q.id, { q1: 'partial', q2: 'old', q3: 96, q4: '2026-03-01', q5: 'Frankfurt' }),
  });
  assert.equal(r.applied, true);
  return q.id;
}

test('a correction is checked like an import: a clear message for each bad value, and nothing changes', async () => {
  await withVendor(async (core, vendorId) => {
    const id = await answered(core, vendorId);
    const bad: [string, unknown, RegExp][] = [
      ['q1', 'maybe', /q1: "maybe" is not an answer here; use Yes, No, Partial or N\/A/],
      ['q2', 'TLS 1.0', /q2: "TLS 1.0" is not one of the options \(TLS 1\.3 \/ Older\)/],
      ['q3', 'soon', /q3: "soon" is not a number/],
      ['q4', '2026-02-30', /q4: "2026-02-30" is not a date \(write it as 2026-11-23\)/],
      ['q4', '30/01/2026', /is not a date/],
    ];
    for (const [questionId, value, message] of bad) {
      const e = await failure(core, 'questionnaire.answer.correct', { id, questionId, value: value as string, comment: '' });
      assert.equal(e.code, 'ANSWER_INVALID');
      assert.match(e.message, message);
    }
    assert.equal(
      (await failure(core, 'questionnaire.answer.correct', { id, questionId: 'q9', value: 'yes', comment: '' })).code,
      'QUESTION_NOT_FOUND',
    );
    const got = await call(core, 'questionnaire.get', { id });
    assert.deepEqual(
      got.answers.map((a) => [a.questionId, a.value, a.source]),
      [
        ['q1', 'partial', 'vendor'],
        ['q2', 'old', 'vendor'],
        ['q3', 96, 'vendor'],
        ['q4', '2026-03-01', 'vendor'],
        ['q5', 'Frankfurt', 'vendor'],
      ],
    );
  });
});

test("a correction is the analyst's: audited under the caller with old → new, marked corrected, rescored, and revertible", async () => {
  await withVendor(async (core, vendorId) => {
    await call(core, 'app.setDisplayName', { displayName: 'Ana Lyst' });
    const id = await answered(core, vendorId);
    const before = (await call(core, 'questionnaire.get', { id })).score!;
    // An option label is read as its option, as in an import.
    const r = await call(core, 'questionnaire.answer.correct', {
      id,
      questionId: 'q2',
      value: 'TLS 1.3',
      comment: 'Confirmed on the call',
    });
    assert.equal(r.answer?.value, 't13');
    assert.equal(r.answer?.source, 'analyst');
    assert.equal(r.answer?.updatedBy, 'Ana Lyst (test)');
    assert.deepEqual(r.answer?.original, { value: 'old', comment: '', source: 'vendor' });
    assert.deepEqual(r.previous, { value: 'old', comment: '', source: 'vendor' });
    assert.equal(r.summary.corrected, 1);
    assert.ok(r.score && r.score.overall > before.overall, `${before.overall} → ${r.score?.overall}`);
    assert.ok(!r.score.gaps.some((g) => g.questionId === 'q2'), 'the corrected answer is no longer a gap');
    const [entry] = (await call(core, 'audit.list', { limit: 1 })).entries;
    assert.equal(entry?.actor, 'Ana Lyst (test)');
    assert.equal(entry?.action, 'questionnaire.answer.correct');
    assert.match(entry!.entity, /q2: "Older" → "TLS 1\.3"; note "" → "Confirmed on the call"/);

    // A second correction keeps what the vendor said; a revert goes back to it.
    await call(core, 'questionnaire.answer.correct', { id, questionId: 'q2', value: 'old', comment: 'Actually older' });
    const back = await call(core, 'questionnaire.answer.revert', { id, questionId: 'q2' });
    assert.deepEqual([back.answer?.value, back.answer?.comment, back.answer?.source, back.answer?.original], ['old', '', 'vendor', null]);
    assert.equal(back.score?.overall, before.overall);
    assert.equal((await failure(core, 'questionnaire.answer.revert', { id, questionId: 'q2' })).code, 'ANSWER_NOT_CORRECTED');

    // The analyst may answer a question the vendor left open, and clear it again by reverting.
    await call(core, 'questionnaire.answer.correct', { id, questionId: 'q5', value: '', comment: 'Not relevant' });
    const cleared = await call(core, 'questionnaire.get', { id });
    assert.deepEqual(cleared.answers.find((a) => a.questionId === 'q5')?.original, { value: 'Frankfurt', comment: '', source: 'vendor' });
  });
});

test('the exported workbook, JSON and answers CSV say which answers the analyst corrected', async () => {
  await withVendor(async (core, vendorId) => {
    await call(core, 'app.setDisplayName', { displayName: 'Ana Lyst' });
    const id = await answered(core, vendorId);
    await call(core, 'questionnaire.answer.correct', { id, questionId: 'q1', value: 'Yes', comment: '' });
    const csv = Buffer.from((await call(core, 'questionnaire.export', { id, format: 'csv' })).dataBase64, 'base64').toString('utf8');
    const lines = csv.split(/\r?\n/);
    assert.match(lines[0]!, /Question id,Section,Question,Answer,Comment,Source/);
    assert.match(
      lines.find((l) => l.startsWith('q1,'))!,
      /,Yes,,Corrected by Ana Lyst \(test\) on \d{4}-\d{2}-\d{2}$/,
    );
    assert.match(
      lines.find((l) => l.startsWith('q2,'))!,
      /,Older,,$/,
      "the vendor's own answer says nothing",
    );
    const out = await call(core, 'questionnaire.export', { id, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Questions')!;
    assert.equal(sheet.getRow(1).getCell(10).value, 'Source');
    const rows: Record<string, unknown> = {};
    sheet.eachRow((row) => (rows[String(row.getCell(1).value ?? '')] = row.getCell(10).value));
    assert.match(String(rows.q1), /^Corrected by Ana Lyst/);
    assert.equal(rows.q2 ?? '', '', "the vendor's own answer says nothing");
    assert.equal(sheet.getRow(2).getCell(10).protection?.locked, undefined, 'the Source column stays locked (the default)');
    const doc = JSON.parse(Buffer.from((await call(core, 'questionnaire.export', { id, format: 'json' })).dataBase64, 'base64').toString());
    const q1 = doc.sections[0].questions.find((q: { id: string }) => q.id === 'q1');
    assert.match(q1.source, /^Corrected by/);
    // The exported workbook still imports: its Source column is context, not an answer.
    const again = await call(core, 'questionnaire.import', { id, file: upload('back.xlsx', Buffer.from(out.dataBase64, 'base64')) });
    assert.equal(again.applied, true);
    assert.equal(again.changes.length, 0);
  });
});

test('a concluded questionnaire refuses corrections and reverts, also when queued behind the conclusion', async () => {
  await withVendor(async (core, vendorId) => {
    const id = await answered(core, vendorId);
    await call(core, 'questionnaire.answer.correct', { id, questionId: 'q3', value: '48', comment: '' });
    const [done, late] = await Promise.allSettled([
      call(core, 'questionnaire.conclude', { id, conclusion: 'approve', rationale: 'Fine.' }),
      call(core, 'questionnaire.answer.correct', { id, questionId: 'q1', value: 'yes', comment: 'late' }),
    ]);
    assert.equal(done.status, 'fulfilled');
    assert.equal(late.status, 'rejected');
    assert.equal((late as PromiseRejectedResult).reason.code, 'QUESTIONNAIRE_CONCLUDED');
    const got = await call(core, 'questionnaire.get', { id });
    assert.equal(got.answers.find((a) => a.questionId === 'q1')?.value, 'partial', 'nothing was written after the conclusion');
    const e = await failure(core, 'questionnaire.answer.revert', { id, questionId: 'q3' });
    assert.equal(e.code, 'QUESTIONNAIRE_CONCLUDED');
    assert.match(e.message, /concluded/);
  });
});

test("a new cycle starts from last year's answers: carried forward and flagged, with what could not come in listed", async () => {
  await withVendor(async (core, vendorId) => {
    const last = await answered(core, vendorId);
    await call(core, 'questionnaire.conclude', { id: last, conclusion: 'approve', rationale: 'Fine for 2025.' });
    // This year's template: q3 is now text, q5 is gone, q2 lost its "Older" option, q6 is new.
    const [s1] = template.sections;
    const items = s1!.items
      .filter((i) => i.id !== 'q5')
      .map((i) => (i.id === 'q3' ? { kind: 'question' as const, id: 'q3', type: 'text' as const, text: 'Breach notice?' } : i))
      .map((i) => (i.id === 'q2' && i.kind === 'question' ? { ...i, options: [{ id: 't13', label: 'TLS 1.3' }] } : i));
    items.push({ kind: 'question', id: 'q6', type: 'yesno', text: 'MFA?', weight: 1, expected: { kind: 'equals', value: 'yes' } });
    await call(core, 'template.save', { body: { ...template, sections: [{ ...s1!, items }] } });
    const q = await call(core, 'questionnaire.create', { vendorId, templateId: 'cycles', cycle: '2026', carryFrom: last });
    assert.equal(q.templateVersion, 2);
    assert.equal(q.carriedForward, 2);
    assert.equal(q.state, 'draft');
    assert.deepEqual(q.carry, {
      fromId: last,
      fromCycle: '2025',
      carried: 2,
      notCarried: [
        { questionId: 'q2', reason: 'the answer no longer fits: "old" is not one of the options (TLS 1.3)' },
        { questionId: 'q3', reason: 'the question changed from number to text' },
        { questionId: 'q5', reason: 'the question is not in the new template' },
      ],
    });
    const got = await call(core, 'questionnaire.get', { id: q.id });
    assert.deepEqual(
      got.answers.map((a) => [a.questionId, a.value, a.source, a.carriedFrom]),
      [
        ['q1', 'partial', 'carried', last],
        ['q4', '2026-03-01', 'carried', last],
      ],
    );
    const [entry] = (await call(core, 'audit.list', { limit: 1 })).entries;
    assert.match(entry!.entity, new RegExp(`carried forward from questionnaire:${last} \\(2 answers, 3 not carried\\)`));
    // Scoring treats them as answers.
    const score = await call(core, 'questionnaire.score', { id: q.id });
    assert.ok(score.gaps.some((g) => g.questionId === 'q1' && g.answer === 'Partial'));
    // The exports say they need review.
    const csv = Buffer.from((await call(core, 'questionnaire.export', { id: q.id, format: 'csv' })).dataBase64, 'base64').toString();
    assert.match(csv, /q1,.*,Partial,,"?Carried forward from cycle 2025, needs review"?/);

    // The analyst's review clears one flag; conclusion waits for the other.
    const reviewed = await call(core, 'questionnaire.answer.correct', { id: q.id, questionId: 'q4', value: '2026-03-01', comment: '' });
    assert.equal(reviewed.summary.carriedForward, 1);
    const [entry2] = (await call(core, 'audit.list', { limit: 1 })).entries;
    assert.equal(entry2?.action, 'questionnaire.answer.review');
    // Reverting a review brings the flag back.
    const reverted = await call(core, 'questionnaire.answer.revert', { id: q.id, questionId: 'q4' });
    assert.deepEqual([reverted.answer?.source, reverted.answer?.carriedFrom, reverted.summary.carriedForward], ['carried', last, 2]);
    await call(core, 'questionnaire.answer.correct', { id: q.id, questionId: 'q4', value: '2027-03-01', comment: 'New date' });

    // A partial re-import answers q6 and q2; q1 (not in the file) stays carried, still flagged.
    const imp = await call(core, 'questionnaire.import', { id: q.id, file: json(q.id, { q6: 'yes', q2: 't13' }), partial: true });
    assert.equal(imp.applied, true);
    assert.equal(imp.summary.carriedForward, 1);
    assert.equal(imp.summary.corrected, 1, "the analyst's correction the file does not mention stays");
    const conclude = await failure(core, 'questionnaire.conclude', { id: q.id, conclusion: 'approve', rationale: 'Fine.' });
    assert.equal(conclude.code, 'QUESTIONNAIRE_NEEDS_REVIEW');
    assert.match(conclude.message, /1 answer is still carried forward/);
    // The vendor's answer to q1 clears the last flag.
    const full = await call(core, 'questionnaire.import', { id: q.id, file: json(q.id, { q1: 'yes', q2: 't13', q6: 'yes' }) });
    assert.equal(full.summary.carriedForward, 0);
    const after = await call(core, 'questionnaire.get', { id: q.id });
    assert.deepEqual(
      after.answers.map((a) => [a.questionId, a.source]),
      [
        ['q1', 'vendor'],
        ['q2', 'vendor'],
        ['q4', 'analyst'],
        ['q6', 'vendor'],
      ],
    );
    await call(core, 'questionnaire.conclude', { id: q.id, conclusion: 'approve', rationale: 'Fine.' });
    // Year over year names who each side's answer is from.
    const cmp = await call(core, 'questionnaire.compare', { from: last, to: q.id });
    const q4 = cmp.changes.find((c) => c.questionId === 'q4');
    assert.deepEqual([q4?.from, q4?.to, q4?.fromSource, q4?.toSource], ['2026-03-01', '2027-03-01', 'vendor', 'analyst']);
  });
});

test("a new cycle carries only from the same vendor's questionnaires, and names an unknown one", async () => {
  await withVendor(async (core, vendorId) => {
    const last = await answered(core, vendorId);
    const other = await call(core, 'vendor.create', { name: 'Other', owner: 'O', dataTypes: ['personal'], criticality: 'low' });
    const e = await failure(core, 'questionnaire.create', { vendorId: other.id, templateId: 'cycles', cycle: '2026', carryFrom: last });
    assert.equal(e.code, 'QUESTIONNAIRE_CARRY_OTHER_VENDOR');
    const missing = await failure(core, 'questionnaire.create', { vendorId, templateId: 'cycles', cycle: '2026', carryFrom: 'qnr_nope' });
    assert.equal(missing.code, 'QUESTIONNAIRE_NOT_FOUND');
    const { questionnaires } = await call(core, 'questionnaire.list', { vendorId: other.id });
    assert.equal(questionnaires.length, 0, 'nothing was created');
  });
});
