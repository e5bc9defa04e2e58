// Spreadsheets as users have them: the sheet and header row found or chosen, parent rows
// and fill-down as categories, several tag columns, references split only on ; and line
// breaks, CSV encodings and delimiters detected, merged cells read without a crash,
// failures that name sheet, row and column, ids with & / ( ), untitled controls kept.
// The real CAIQ and HECVAT workbooks are read too, with counts taken from their XML.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { AttestError } from '../../../main/core/errors';
import { importTabular, previewTabular, readTabular, tabularWhere, type TabularFile } from '../../../main/core/catalog/tabular';
import { decodeText } from '../../../main/core/catalog/text-encoding';
import { catalogueSchema } from '../../../main/core/catalog/schema';
import { corpusDir } from '../../support/corpora';
import { requirePart } from '../../support/require';
import { readXlsxXml } from '../../support/xlsx-xml';

const QUESTIONNAIRES = corpusDir('questionnaires');
const CAIQ = join(QUESTIONNAIRES, 'CAIQ-v4.0.3_Instructure.xlsx');
const HECVAT = join(QUESTIONNAIRES, 'HECVAT-Full_Canvas-LMS.xlsx');

const csv = (text: string, name = 'controls.csv'): TabularFile => ({ name, bytes: new TextEncoder().encode(text) });
const xlsx = async (build: (wb: ExcelJS.Workbook) => void, name = 'book.xlsx'): Promise<TabularFile> => {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
};
const attestError = (code: string, pattern: RegExp) => (e: unknown) =>
  e instanceof AttestError && e.code === code && pattern.test(e.message);

test('the sheet is found: the first whose header row matches the mapping, after title rows', async () => {
  const file = await xlsx((wb) => {
    wb.addWorksheet('Introduction').addRows([['About this workbook'], ['Read the Controls sheet.']]);
    const notes = wb.addWorksheet('Notes');
    notes.addRows([
      ['Ref', 'Name'],
      ['N-1', 'A note'],
    ]);
    const controls = wb.addWorksheet('Controls');
    controls.addRows([['Company controls'], [], ['Ref', 'Name', 'Requirement'], ['C-1', 'Policy', 'Keep a policy.']]);
  });
  const preview = await previewTabular(file);
  assert.equal(preview.sheet, 'Controls');
  assert.equal(preview.headerRow, 3);
  assert.deepEqual(
    preview.sheets.map((s) => s.name),
    ['Introduction', 'Notes', 'Controls'],
  );
  assert.deepEqual(
    preview.topRows.map((r) => r.row),
    [1, 3, 4],
  );
  const mapping = { id: 'Ref', title: 'Name', statement: 'Requirement' };
  const table = await readTabular(file, {}, mapping);
  assert.equal(table.sheet, 'Controls');
  assert.deepEqual(
    importTabular(table, mapping, { title: 't' }).catalogue.controls.map((c) => c.id),
    ['C-1'],
  );
  // "Notes" has Ref and Name but no Requirement: with only those two mapped, it is the first match.
  assert.equal((await readTabular(file, {}, { id: 'Ref', statement: 'Name' })).sheet, 'Notes');
});

test('the sheet and header row can be chosen; a missing sheet or an empty header row is a clear error', async () => {
  const file = await xlsx((wb) => {
    wb.addWorksheet('A').addRows([
      ['id', 'statement'],
      ['A-1', 'From A.'],
    ]);
    wb.addWorksheet('B').addRows([['Title row'], ['Code', 'Text'], ['B-1', 'From B.']]);
  });
  const b = await readTabular(file, { sheet: 'b', headerRow: 2 });
  assert.equal(b.sheet, 'B');
  assert.deepEqual(b.columns, ['Code', 'Text']);
  assert.deepEqual(b.rows, [{ row: 3, cells: ['B-1', 'From B.'] }]);
  await assert.rejects(readTabular(file, { sheet: 'C' }), attestError('IMPORT_SHEET_NOT_FOUND', /no sheet "C"\. Its sheets are: "A", "B"/));
  await assert.rejects(readTabular(file, { sheet: 'B', headerRow: 9 }), attestError('IMPORT_HEADER_NOT_FOUND', /Row 9 of sheet "B"/));
  const guessed = await readTabular(file, {}, { id: 'Nope', statement: 'Text' });
  assert.throws(
    () => importTabular(guessed, { id: 'Nope', statement: 'Text' }, { title: 'x' }),
    attestError('IMPORT_MAPPING_INCOMPLETE', /"Nope" chosen for id is not in sheet "A"\. Pick one of: id, statement/),
  );
  await assert.rejects(
    readTabular(csv('a,b\n1,2\n'), { sheet: 'X' }),
    attestError('IMPORT_SHEET_NOT_FOUND', /CSV file, which has no sheets/),
  );
});

test('merged cells never crash: a domain merged down applies to each row, a title merged across is one value', async () => {
  const file = await xlsx((wb) => {
    const s = wb.addWorksheet('CCM');
    s.addRows([
      ['Cloud Controls Matrix', '', '', ''],
      ['Control Domain', 'Control ID', 'Control Title', 'Control Specification'],
      ['Audit & Assurance', 'A&A-01', 'Audit policy', 'Establish audit policies.'],
      ['', 'A&A-02', 'Independent assessments', 'Conduct independent audits.'],
      ['', 'A&A-03', { formula: 'UPPER("risk based planning")', result: 'RISK BASED PLANNING' }, 'Perform risk-based audits.'],
      ['Application & Interface Security', 'AIS-01', { text: 'Policy', hyperlink: 'https://example.org' }, 'Establish AIS policies.'],
    ]);
    s.mergeCells('A1:D1');
    s.mergeCells('A3:A5');
  });
  const table = await readTabular(file);
  assert.equal(table.headerRow, 2);
  assert.deepEqual(table.topRows[0]!.cells, ['Cloud Controls Matrix'], 'the title merged across is not repeated');
  const { catalogue, errors } = importTabular(
    table,
    { id: 'Control ID', title: 'Control Title', statement: 'Control Specification', category: 'Control Domain' },
    { title: 'CCM' },
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(
    catalogue.controls.map((c) => [c.id, c.title, c.category]),
    [
      ['A&A-01', 'Audit policy', 'audit-assurance'],
      ['A&A-02', 'Independent assessments', 'audit-assurance'],
      ['A&A-03', 'RISK BASED PLANNING', 'audit-assurance'],
      ['AIS-01', 'Policy', 'application-interface-security'],
    ],
  );
});

test('parent rows and fill-down become categories (no control lands in "Uncategorised")', async () => {
  const file = await xlsx((wb) => {
    const s = wb.addWorksheet('Controls');
    s.addRows([
      ['ID', 'Title', 'Requirement', 'Family'],
      ['Access Control', '', '', ''],
      ['AC-1', 'Policy', 'Keep an access policy.', ''],
      ['AC-2', 'Accounts', 'Manage accounts.', ''],
      ['Audit', '', '', ''],
      ['AU-1', 'Policy', 'Keep an audit policy.', ''],
      ['AU-2', 'Events', 'Log events.', 'Logging'],
      ['AU-3', 'Content', 'Log content.', ''],
    ]);
    s.mergeCells('A2:D2');
    s.mergeCells('A5:D5');
  });
  const { catalogue, errors } = importTabular(
    await readTabular(file),
    { id: 'ID', title: 'Title', statement: 'Requirement', category: 'Family' },
    { title: 'x' },
  );
  assert.deepEqual(errors, [], 'a parent row is not a failed control');
  assert.deepEqual(
    catalogue.controls.map((c) => [c.id, c.category]),
    [
      ['AC-1', 'access-control'],
      ['AC-2', 'access-control'],
      ['AU-1', 'audit'],
      ['AU-2', 'logging'],
      ['AU-3', 'logging'],
    ],
  );
  assert.ok(!catalogue.categories.some((c) => c.id === 'uncategorised'));
});

test('several columns feed tags; references split on ; and line breaks, never on a comma inside a citation', async () => {
  const file = csv(
    'id,title,statement,Domain,Keywords,References\n' +
      'AC-1,Policy,Keep a policy.,Access,"policy, governance","SP 800-53: AC-1, AC-2; ISO 27001: A.5.15\nCIS Controls v8: 6.1, 6.2"\n',
  );
  const { catalogue } = importTabular(
    await readTabular(file),
    { id: 'id', title: 'title', statement: 'statement', tags: ['Domain', 'Keywords'], references: 'References' },
    { title: 'x' },
  );
  const c = catalogue.controls[0]!;
  assert.deepEqual(c.tags, ['Access', 'policy', 'governance']);
  assert.deepEqual(
    c.references.map((r) => r.title),
    ['SP 800-53: AC-1, AC-2', 'ISO 27001: A.5.15', 'CIS Controls v8: 6.1, 6.2'],
  );
});

test('ids keep the punctuation real catalogues use: & / ( )', async () => {
  const file = csv('id,statement\nA&A-01,Audit.\nIAM/02,Identity.\nAC-2(1),Automated accounts.\n');
  const { catalogue, errors } = importTabular(await readTabular(file), { id: 'id', statement: 'statement' }, { title: 'x' });
  assert.deepEqual(errors, []);
  assert.deepEqual(
    catalogue.controls.map((c) => c.id),
    ['A&A-01', 'IAM/02', 'AC-2(1)'],
  );
  assert.ok(catalogueSchema.safeParse(catalogue).success);
});

test('a control with an empty title but a statement is kept, titled from its statement, with a warning', async () => {
  const long =
    'Access to production systems is limited to named engineers on call, reviewed every quarter by the service owner and the security team, and removed on leaving.';
  const { catalogue, errors, warnings } = importTabular(
    await readTabular(csv(`id,title,statement\nX-1,,Short statement.\nX-2,,"${long}"\n`)),
    { id: 'id', title: 'title', statement: 'statement' },
    { title: 'x' },
  );
  assert.deepEqual(errors, []);
  assert.equal(catalogue.controls[0]!.title, 'Short statement.');
  assert.ok(catalogue.controls[1]!.title.endsWith('…') && catalogue.controls[1]!.title.length <= 101);
  assert.match(warnings.join('\n'), /2 controls have no title.*rows 2, 3/);
});

test('every failure names the sheet, row and column', async () => {
  const file = await xlsx((wb) => {
    wb.addWorksheet('Register').addRows([
      ['Ref', 'Requirement', 'Priority'],
      ['R-1', 'Fine.', 3],
      ['R-2', '', 2],
      ['', 'No id.', 1],
      ['R-4', 'Too heavy.', 9],
      ['R 5', 'Space in id.', 1],
    ]);
  });
  const { errors } = importTabular(await readTabular(file), { id: 'Ref', statement: 'Requirement', weight: 'Priority' }, { title: 'x' });
  assert.deepEqual(errors.map(tabularWhere), [
    'sheet "Register" row 3, column "Requirement"',
    'sheet "Register" row 4, column "Ref"',
    'sheet "Register" row 5, column "Priority"',
    'sheet "Register" row 6, column "Ref"',
  ]);
  assert.match(errors[3]!.message, /id: a control id is letters/);
});

test('CSV encodings: BOM, UTF-16 with and without BOM, UTF-8, else Windows-1252 with a warning', async () => {
  const text = 'id,statement\nFR-1,Contrôle d’accès “strict” – 5 €\n';
  const utf16le = Buffer.from(text, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  // Windows-1252 bytes, written by hand: ô 0xF4, ’ 0x92, “ 0x93, ” 0x94, – 0x96, € 0x80.
  const cp1252 = Buffer.from('id,statement\nFR-1,Contr\xf4le d\x92acc\xe8s \x93strict\x94 \x96 5 \x80\n', 'latin1');
  const cases: [string, Uint8Array, string, boolean][] = [
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8', false],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), 'utf-16le', false],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), 'utf-16be', false],
    ['utf-16le without BOM', utf16le, 'utf-16le', false],
    ['utf-8', Buffer.from(text), 'utf-8', false],
    ['windows-1252', cp1252, 'windows-1252', true],
  ];
  for (const [name, bytes, encoding, warns] of cases) {
    const decoded = decodeText(bytes, 'f.csv');
    assert.equal(decoded.encoding, encoding, name);
    const table = await readTabular({ name: 'f.csv', bytes });
    const statement = table.rows[0]!.cells[1]!;
    assert.equal(statement, name === 'windows-1252' ? 'Contrôle d’accès “strict” – 5 €' : 'Contrôle d’accès “strict” – 5 €', name);
    assert.ok(!statement.includes('\uFFFD'), `${name}: no replacement characters`);
    assert.equal(table.warnings.length > 0, warns, name);
  }
  assert.match((await previewTabular({ name: 'f.csv', bytes: cp1252 })).warnings[0]!, /not UTF-8, so it was read as Windows-1252/);
});

test('CSV delimiters are detected: comma, semicolon, tab and pipe', async () => {
  for (const [d, name] of [
    [',', ','],
    [';', ';'],
    ['\t', 'tab'],
    ['|', '|'],
  ] as const) {
    const table = await readTabular(csv(`id${d}title${d}statement\nD-1${d}One, two${d}Three; four\n`));
    assert.equal(table.delimiter, name);
    assert.deepEqual(table.columns, ['id', 'title', 'statement']);
    if (d !== ',' && d !== ';') assert.deepEqual(table.rows[0]!.cells, ['D-1', 'One, two', 'Three; four']);
  }
});

test('the real CAIQ v4.0.3 workbook imports as a catalogue: its answer sheet is found, every question id counted from the XML', async (t) => {
  if (!requirePart(t, existsSync(CAIQ), 'the questionnaire corpus in ../shared/corpora/questionnaires')) return;
  const bytes = readFileSync(CAIQ);
  // Independent count: column A cells shaped like a CAIQ question id, read from the sheet XML.
  const sheets = await readXlsxXml(bytes);
  const counted = sheets.map((s) => ({
    name: s.name,
    ids: [...s.rows.values()].map((r) => r.get('A') ?? '').filter((v) => /^[A-Z&]{2,4}-\d{2}\.\d+$/.test(v)),
  }));
  const expected = counted.reduce((a, b) => (b.ids.length > a.ids.length ? b : a));
  assert.equal(expected.name, 'CAIQv4.0.3');
  assert.equal(expected.ids.length, 261);

  const file = { name: 'CAIQ-v4.0.3_Instructure.xlsx', bytes };
  const mapping = {
    id: 'Question ID',
    statement: 'Question',
    title: 'CCM Control Title',
    category: 'CCM Domain Title',
    guidance: 'CCM Control Specification',
  };
  const table = await readTabular(file, {}, mapping);
  assert.equal(table.sheet, 'CAIQv4.0.3', 'not the introduction sheet');
  assert.equal(table.headerRow, 2);
  const { catalogue, errors } = importTabular(table, mapping, { title: 'CAIQ' });
  assert.equal(catalogue.controls.length, expected.ids.length);
  assert.deepEqual(
    catalogue.controls.map((c) => c.id),
    expected.ids,
  );
  assert.equal(catalogue.categories.length, 17, 'the 17 CCM domains');
  // The closing rows ("End of Standard", the copyright line) have no statement: reported, nothing else.
  assert.ok(
    errors.every((e) => e.row > 263),
    JSON.stringify(errors),
  );
});

test('the real HECVAT Full workbook (merged cells, formulas, hidden sheets) is read without a crash', async (t) => {
  if (!requirePart(t, existsSync(HECVAT), 'the questionnaire corpus in ../shared/corpora/questionnaires')) return;
  const file = { name: 'HECVAT-Full_Canvas-LMS.xlsx', bytes: readFileSync(HECVAT) };
  const preview = await previewTabular(file);
  assert.equal(preview.sheets.length, 13);
  assert.deepEqual(
    preview.sheets.filter((s) => s.hidden).map((s) => s.name),
    ['Crosswalk Detail', 'Questions', 'Values', 'High Risk Non-Compliant'],
  );
  const responses = await readTabular(file, { sheet: 'HECVAT - Full | Vendor Response', headerRow: 24 });
  assert.deepEqual(
    responses.columns.slice(0, 6),
    ['Qualifiers', 'Column 2', 'Vendor Answers', 'Additional Information', 'Guidance', 'Analyst Notes'],
    'a title merged across is one column name',
  );
  const comp01 = responses.rows.find((r) => r.cells[0] === 'COMP-01')!;
  assert.match(comp01.cells[1]!, /^Describe your organization/, 'a formula gives its cached result');
  assert.equal(comp01.cells[3], '', 'the answer merged across C:D is not repeated under Additional Information');
  await assert.rejects(
    readTabular(file, { sheet: 'Acknowledgments' }),
    attestError('IMPORT_EMPTY', /sheet "Acknowledgments" of HECVAT-Full_Canvas-LMS\.xlsx has no header row/),
  );
});
