// Standard questionnaires: the real completed CSA CAIQ v4.0.3 and HECVAT Full workbooks
// import as templates and as a vendor's answers (matched by question id), with every count
// worked out here from the workbook XML, not by the importer. Then: the all-or-nothing
// report and the partial option, the expected answer set per question, and the general
// "questionnaire from spreadsheet" mapping on a workbook of another shape.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import ExcelJS from 'exceljs';
import type { TemplateBody } from '../../../main/contract/questionnaire';
import { call, failure, upload } from '../../support/dispatch';
import { corpusDir } from '../../support/corpora';
import { requirePart } from '../../support/require';
import { readXlsxXml, type XmlSheet } from '../../support/xlsx-xml';
import { withVendor } from './support';

const DIR = corpusDir('questionnaires');
const CAIQ = join(DIR, 'CAIQ-v4.0.3_Instructure.xlsx');
const HECVAT = join(DIR, 'HECVAT-Full_Canvas-LMS.xlsx');
const need = (t: TestContext, file: string) =>
  requirePart(t, existsSync(file), `the questionnaire corpus in ../shared/corpora/questionnaires (${file})`);

/** Independent count: the column A cells of a sheet shaped like a question id, with what the row holds in other columns. */
function idRows(sheet: XmlSheet) {
  return [...sheet.rows.entries()]
    .filter(([, cells]) => /^[A-Z][A-Z&]{1,9}-\d{2}(\.\d+)?$/.test(cells.get('A') ?? ''))
    .map(([row, cells]) => ({ row, id: cells.get('A')!, get: (col: string) => (cells.get(col) ?? '').trim() }));
}

const questionIds = (body: TemplateBody) => body.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'question' ? [i.id] : [])));

test('CAIQ v4.0.3 (completed by a vendor) imports as a template and as that vendor’s answers', async (t) => {
  if (!need(t, CAIQ)) return;
  const bytes = readFileSync(CAIQ);
  const sheets = await readXlsxXml(bytes);
  const responses = sheets.reduce((a, b) => (idRows(b).length > idRows(a).length ? b : a));
  const rows = idRows(responses);
  // Column L (CCM Domain Title) is merged down each control's sub-questions: its first cells name the domains.
  const domains = new Set([...responses.rows.values()].map((c) => c.get('L') ?? '').filter((d) => d && d !== 'CCM Domain Title'));
  const answered = rows.filter((r) => r.get('C') || r.get('E'));
  const byAnswer = (v: string) => rows.filter((r) => r.get('C') === v).length;
  assert.equal(responses.name, 'CAIQv4.0.3');
  assert.equal(rows.length, 261);
  assert.equal(domains.size, 17);

  await withVendor(async (core, vendorId) => {
    const imported = await call(core, 'template.import', { file: upload('CAIQ-v4.0.3_Instructure.xlsx', bytes) });
    assert.equal(imported.template.id, 'caiq-v4-0-3');
    assert.equal(imported.template.questions, rows.length);
    assert.equal(imported.template.sections, domains.size);
    assert.equal(imported.counts.byType.yesno, rows.length, 'every CAIQ question is Yes/No/NA (its dropdown)');
    const { body } = await call(core, 'template.get', { id: 'caiq-v4-0-3' });
    assert.deepEqual(
      questionIds(body),
      rows.map((r) => r.id),
    );
    const first = body.sections[0]!.items[0]!;
    assert.equal(first.kind === 'question' && first.id, 'A&A-01.1');
    assert.match(first.kind === 'question' ? first.help : '', /CCM Control ID: A&A-01/);
    assert.deepEqual(first.kind === 'question' && first.expected, { kind: 'equals', value: 'yes' });

    // Expected answers can be set per question: A&A-01.2 now expects No.
    const edited = structuredClone(body);
    const q = edited.sections[0]!.items[1]!;
    if (q.kind === 'question') q.expected = { kind: 'equals', value: 'no' };
    await call(core, 'template.save', { body: edited });

    const questionnaire = await call(core, 'questionnaire.create', { vendorId, templateId: 'caiq-v4-0-3', cycle: '2026' });
    const result = await call(core, 'questionnaire.import', { id: questionnaire.id, file: upload('CAIQ-v4.0.3_Instructure.xlsx', bytes) });
    assert.equal(result.applied, true, JSON.stringify([...result.invalid, ...result.unknown].slice(0, 3)));
    assert.equal(result.answered, rows.filter((r) => r.get('C')).length);
    const got = await call(core, 'questionnaire.get', { id: questionnaire.id });
    assert.equal(got.answers.length, answered.length);
    const values = (v: string) => got.answers.filter((a) => a.value === v).length;
    assert.deepEqual([values('yes'), values('no'), values('na')], [byAnswer('Yes'), byAnswer('No'), byAnswer('NA')]);
    const withNotes = rows.find((r) => r.get('E'))!;
    // Stored text has plain line breaks (the sheet's are CRLF).
    assert.equal(got.answers.find((a) => a.questionId === withNotes.id)?.comment, withNotes.get('E').replace(/\r\n/g, '\n'));
    const score = await call(core, 'questionnaire.score', { id: questionnaire.id });
    assert.ok(
      score.gaps.some((g) => g.questionId === 'A&A-01.2' && g.expected === 'No'),
      'the changed expectation is scored',
    );
  });
});

test('HECVAT Full (completed): the vendor-response sheet, its sections, dropdown types and compliant answers', async (t) => {
  if (!need(t, HECVAT)) return;
  const bytes = readFileSync(HECVAT);
  const sheets = await readXlsxXml(bytes);
  const responses = sheets.find((s) => s.name === 'HECVAT - Full | Vendor Response')!;
  const rows = idRows(responses);
  const sectionRows = [...responses.rows.values()].filter((c) => c.get('C') === 'Vendor Answers').length;
  // The hidden Questions sheet holds each question's compliant answer (column M, "C_Answer").
  const compliant = new Map(
    [...sheets.find((s) => s.name === 'Questions')!.rows.values()].map((c) => [c.get('B') ?? '', c.get('M') ?? '']),
  );
  assert.equal(rows.length, 255);

  await withVendor(async (core, vendorId) => {
    const imported = await call(core, 'template.import', { file: upload('HECVAT-Full_Canvas-LMS.xlsx', bytes) });
    assert.equal(imported.template.id, 'hecvat-full-3-04');
    assert.equal(imported.template.questions, rows.length);
    // Each "Vendor Answers" row opens a section; "Vendor Response" and "General Information" come before them.
    assert.equal(imported.template.sections, sectionRows + 2);
    const { body } = await call(core, 'template.get', { id: imported.template.id });
    assert.deepEqual(
      questionIds(body),
      rows.map((r) => r.id),
    );
    const question = (id: string) => body.sections.flatMap((s) => s.items).find((i) => i.kind === 'question' && i.id === id)!;
    const comp02 = question('COMP-02');
    assert.equal(comp02.kind === 'question' && comp02.type, 'yesno');
    assert.equal(compliant.get('COMP-02'), 'No');
    assert.deepEqual(
      comp02.kind === 'question' && comp02.expected,
      { kind: 'equals', value: 'no' },
      'the compliant answer is the expected one',
    );
    const comp01 = question('COMP-01');
    assert.equal(comp01.kind === 'question' && comp01.type, 'text', 'a free-text question has no dropdown');
    const dctr08 = question('DCTR-08');
    assert.equal(dctr08.kind === 'question' && dctr08.type, 'single');
    assert.ok(dctr08.kind === 'question' && dctr08.options.some((o) => o.label === 'Tier III'));
    assert.equal(body.sections.find((s) => s.items.some((i) => i.id === 'QUAL-01'))?.title, 'Qualifiers');

    const questionnaire = await call(core, 'questionnaire.create', { vendorId, templateId: imported.template.id, cycle: '2026' });
    const result = await call(core, 'questionnaire.import', { id: questionnaire.id, file: upload('HECVAT-Full_Canvas-LMS.xlsx', bytes) });
    assert.equal(result.applied, true, JSON.stringify([...result.invalid, ...result.unknown].slice(0, 3)));
    const answeredRows = rows.filter((r) => r.get('C'));
    assert.equal(result.answered, answeredRows.length);
    const got = await call(core, 'questionnaire.get', { id: questionnaire.id });
    assert.equal(got.answers.find((a) => a.questionId === 'COMP-02')?.value, 'no');
    assert.equal(
      got.answers.find((a) => a.questionId === 'COMP-02')?.comment,
      rows
        .find((r) => r.id === 'COMP-02')!
        .get('D')
        .replace(/\r\n/g, '\n'),
    );
  });
});

test('answers import: all or nothing with a report naming sheet and row; partial takes the valid answers and flags the rest', async (t) => {
  if (!need(t, CAIQ)) return;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(CAIQ) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('CAIQv4.0.3')!;
  sheet.getCell('C3').value = 'Maybe';
  // A question of another version, below the sheet's own rows.
  sheet.getCell('A267').value = 'ZZZ-99.1';
  sheet.getCell('B267').value = 'A question from another version';
  sheet.getCell('C267').value = 'Yes';
  const changed = new Uint8Array(await wb.xlsx.writeBuffer());
  const answered = (await readXlsxXml(readFileSync(CAIQ))).flatMap(idRows).filter((r) => r.get('C')).length;

  await withVendor(async (core, vendorId) => {
    await call(core, 'template.import', { file: upload('CAIQ.xlsx', readFileSync(CAIQ)) });
    const q = await call(core, 'questionnaire.create', { vendorId, templateId: 'caiq-v4-0-3', cycle: '2026' });
    const refused = await call(core, 'questionnaire.import', { id: q.id, file: upload('vendor.xlsx', changed) });
    assert.equal(refused.applied, false);
    assert.deepEqual(
      refused.invalid.map((p) => [p.questionId, p.where]),
      [['A&A-01.1', 'sheet "CAIQv4.0.3" row 3']],
    );
    assert.match(refused.invalid[0]!.message, /"Maybe" is not an answer here/);
    assert.deepEqual(
      refused.unknown.map((p) => [p.questionId, p.where]),
      [['ZZZ-99.1', 'sheet "CAIQv4.0.3" row 267']],
    );
    assert.equal((await call(core, 'questionnaire.get', { id: q.id })).answers.length, 0, 'nothing stored');

    const partial = await call(core, 'questionnaire.import', { id: q.id, file: upload('vendor.xlsx', changed), partial: true });
    assert.equal(partial.applied, true);
    assert.equal(partial.answered, answered - 1, 'every valid answer, not the invalid one');
    assert.deepEqual(
      partial.invalid.map((p) => p.questionId),
      ['A&A-01.1'],
      'the rest is flagged',
    );
    assert.deepEqual(
      partial.unknown.map((p) => p.questionId),
      ['ZZZ-99.1'],
    );
    const stored = (await call(core, 'questionnaire.get', { id: q.id })).answers;
    assert.ok(!stored.some((a) => a.questionId === 'A&A-01.1' && a.value !== ''));
    assert.equal(stored.find((a) => a.questionId === 'A&A-01.2')?.value, 'yes');
  });
});

test('a general "questionnaire from spreadsheet" mapping reads a workbook of another shape', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Cover').addRow(['Supplier assessment 2026']);
  const s = wb.addWorksheet('Assessment');
  s.addRows([
    ['Supplier assessment questionnaire'],
    ['Ques Num', 'Question Text', 'Domain', 'Response', 'Additional Information', 'Guidance'],
    ['1.1', 'Is there a security policy?', 'A. Policy', 'Yes', 'Reviewed yearly.', 'Attach it.'],
    ['1.2', 'Is the policy approved by management?', 'A. Policy', 'No', '', ''],
    ['2.1.1', 'Describe your backup schedule.', 'B. Operations', 'Nightly, kept 35 days.', '', ''],
  ]);
  s.getCell('D3').dataValidation = { type: 'list', formulae: ['"Yes,No,N/A"'], allowBlank: true };
  s.getCell('D4').dataValidation = { type: 'list', formulae: ['"Yes,No,N/A"'], allowBlank: true };
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const mapping = {
    id: 'Ques Num',
    question: 'Question Text',
    section: 'Domain',
    answer: 'Response',
    notes: 'Additional Information',
    guidance: 'Guidance',
  };

  await withVendor(async (core, vendorId) => {
    const imported = await call(core, 'template.import', { file: upload('supplier.xlsx', bytes), mapping, id: 'supplier' });
    assert.equal(imported.template.questions, 3);
    assert.equal(imported.template.sections, 2);
    assert.deepEqual(imported.counts.byType, { section: 2, yesno: 2, text: 1 });
    const { body } = await call(core, 'template.get', { id: 'supplier' });
    assert.deepEqual(questionIds(body), ['1.1', '1.2', '2.1.1']);
    const q = await call(core, 'questionnaire.create', { vendorId, templateId: 'supplier', cycle: '2026' });
    const result = await call(core, 'questionnaire.import', { id: q.id, file: upload('supplier.xlsx', bytes), mapping });
    assert.equal(result.applied, true);
    assert.equal(result.answered, 3);
    const answers = (await call(core, 'questionnaire.get', { id: q.id })).answers;
    assert.deepEqual(
      answers.map((a) => [a.questionId, a.value, a.comment]),
      [
        ['1.1', 'yes', 'Reviewed yearly.'],
        ['1.2', 'no', ''],
        ['2.1.1', 'Nightly, kept 35 days.', ''],
      ],
    );
    const wrong = await failure(core, 'template.import', {
      file: upload('supplier.xlsx', bytes),
      mapping: { ...mapping, answer: 'Vendor Reply' },
      id: 'other',
    });
    assert.equal(wrong.code, 'IMPORT_HEADER_NOT_FOUND');
    // Without a mapping, a workbook with no recognisable question ids says what to do.
    const unknown = await failure(core, 'template.import', { file: upload('supplier.xlsx', bytes), id: 'other' });
    assert.equal(unknown.code, 'IMPORT_NOT_QUESTIONNAIRE');
    assert.match(unknown.message, /map its columns/);
  });
});

test('a blank CAIQ (no answers yet) still gives Yes/No questions from its dropdowns', async (t) => {
  if (!need(t, CAIQ)) return;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(CAIQ) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('CAIQv4.0.3')!;
  for (let r = 3; r <= 263; r++) for (const c of ['C', 'D', 'E', 'F']) sheet.getCell(`${c}${r}`).value = null;
  const blank = new Uint8Array(await wb.xlsx.writeBuffer());
  await withVendor(async (core) => {
    const imported = await call(core, 'template.import', { file: upload('CAIQv4.0.3-blank.xlsx', blank) });
    assert.equal(imported.template.questions, 261);
    assert.equal(imported.counts.byType.yesno, 261);
  });
});

test('other layouts of the family: CAIQ v3-style Yes/No/N/A mark columns, a HECVAT Lite-style sheet with section rows', async () => {
  const v3 = new ExcelJS.Workbook();
  const s3 = v3.addWorksheet('CAIQ v3.1');
  s3.addRows([
    [
      'Control Domain',
      'Control ID',
      'Question ID',
      'Control Specification',
      'Consensus Assessment Questions',
      'Consensus Assessment Answers',
      '',
      '',
      'Notes',
    ],
    ['', '', '', '', '', 'Yes', 'No', 'Not Applicable', ''],
    [
      'Application & Interface Security',
      'AIS-01',
      'AIS-01.1',
      'Spec',
      'Do you use industry standards to build in security?',
      'X',
      '',
      '',
      'OWASP.',
    ],
    ['', '', 'AIS-01.2', 'Spec', 'Do you use an automated source code analysis tool?', '', 'X', '', ''],
    ['', '', 'AIS-01.3', 'Spec', 'Do you use manual source-code analysis?', '', '', 'X', ''],
    ['Audit Assurance & Compliance', 'AAC-01', 'AAC-01.1', 'Spec', 'Do you produce audit assertions?', 'X', '', '', ''],
    ['', '', 'AAC-01.2', 'Spec', 'Do you allow tenants to view audit reports?', 'X', '', '', ''],
  ]);
  s3.mergeCells('A3:A5');
  s3.mergeCells('A6:A7');
  const lite = new ExcelJS.Workbook();
  lite.addWorksheet('Instructions').addRow(['Read me']);
  const sl = lite.addWorksheet('HECVAT - Lite | Vendor Response');
  sl.addRows([
    ['HECVAT - Lite | Vendor Response', '', '', '', 'Version 3.03'],
    ['Company Overview', '', 'Vendor Answers', 'Additional Information'],
    ['COMP-01', 'Describe your organization.', 'We make software.', ''],
    ['COMP-02', 'Have you had a breach in the last 5 years?', 'No', 'None.'],
    ['Data', '', 'Vendor Answers', 'Additional Information'],
    ['DATA-01', 'Is data encrypted at rest?', 'Yes', ''],
    ['DATA-02', 'Is data encrypted in transit?', 'Yes', ''],
    ['DATA-03', 'Do you store data outside the US?', 'No', ''],
  ]);
  sl.mergeCells('A1:D1');
  sl.mergeCells('A2:B2');
  sl.mergeCells('A5:B5');
  await withVendor(async (core, vendorId) => {
    const a = await call(core, 'template.import', { file: upload('caiq-v3.1.xlsx', new Uint8Array(await v3.xlsx.writeBuffer())) });
    assert.equal(a.template.questions, 5);
    assert.equal(a.counts.byType.yesno, 5);
    const { body } = await call(core, 'template.get', { id: a.template.id });
    assert.deepEqual(
      body.sections.map((s) => [s.title, s.items.length]),
      [
        ['Application & Interface Security', 3],
        ['Audit Assurance & Compliance', 2],
      ],
    );
    const q = await call(core, 'questionnaire.create', { vendorId, templateId: a.template.id, cycle: '2026' });
    const r = await call(core, 'questionnaire.import', {
      id: q.id,
      file: upload('caiq-v3.1.xlsx', new Uint8Array(await v3.xlsx.writeBuffer())),
    });
    assert.equal(r.applied, true);
    const answers = (await call(core, 'questionnaire.get', { id: q.id })).answers;
    // Answers come in template order (the sheet's order: AIS before AAC).
    assert.deepEqual(
      answers.map((x) => [x.questionId, x.value]),
      [
        ['AIS-01.1', 'yes'],
        ['AIS-01.2', 'no'],
        ['AIS-01.3', 'na'],
        ['AAC-01.1', 'yes'],
        ['AAC-01.2', 'yes'],
      ],
    );

    const b = await call(core, 'template.import', { file: upload('HECVAT-Lite.xlsx', new Uint8Array(await lite.xlsx.writeBuffer())) });
    assert.equal(b.template.id, 'hecvat-lite-3-03');
    assert.equal(b.template.questions, 5);
    const lb = (await call(core, 'template.get', { id: b.template.id })).body;
    assert.deepEqual(
      lb.sections.map((s) => [s.title, s.items.map((i) => i.id)]),
      [
        ['Company Overview', ['COMP-01', 'COMP-02']],
        ['Data', ['DATA-01', 'DATA-02', 'DATA-03']],
      ],
    );
  });
});
