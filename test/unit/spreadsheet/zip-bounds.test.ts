// ZIP bounds: a workbook that inflates past the bound, lies about its sizes or holds too
// many parts is refused from its central directory (or at the byte it passes what it
// declares), before exceljs sees it: quickly and with little memory, in its own process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readTabular } from '../../../main/core/catalog/tabular';
import { AttestError } from '../../../main/core/errors';
import { assertZipWithinBounds, spreadsheetZipBounds } from '../../../main/core/spreadsheet/zip-bounds';
import { buildZip, deflatedZeros } from './support/zip-builder';

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'attest-zip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    assert.ok(e instanceof AttestError, String(e));
    return e.code;
  }
}

/** Runs bomb-child.ts on the file in a fresh process and returns its report. */
function inChild(file: string, reader: 'catalogue' | 'questionnaire'): { code: string; ms: number; growth: number } {
  const child = join(__dirname, 'bomb-child.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, file, reader], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { code: string; ms: number; growth: number };
}

let bomb200: Buffer;
before(async () => {
  bomb200 = await deflatedZeros(200 * MB);
});

describe('a 200 MB decompression bomb', () => {
  test('the file is about 200 KB', () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb200, method: 8, declaredSize: 200 * MB }]);
    assert.ok(zip.length < 300 * 1024, `${zip.length} bytes`);
  });

  for (const reader of ['catalogue', 'questionnaire'] as const) {
    test(`declaring its size honestly: the ${reader} import refuses it within a second, memory well under 300 MB`, () => {
      const file = join(dir, `honest-${reader}.xlsx`);
      writeFileSync(file, buildZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb200, method: 8, declaredSize: 200 * MB }]));
      const r = inChild(file, reader);
      assert.equal(r.code, 'ARCHIVE_TOO_LARGE');
      assert.ok(r.ms < 1_000, `refused after ${Math.round(r.ms)} ms`);
      assert.ok(r.growth < 100 * MB, `RSS grew by ${(r.growth / MB).toFixed(0)} MB`);
    });

    test(`lying about its size (declares 4 KB): the ${reader} import refuses it within a second, memory well under 300 MB`, () => {
      const file = join(dir, `lying-${reader}.xlsx`);
      writeFileSync(file, buildZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb200, method: 8, declaredSize: 4096 }]));
      const r = inChild(file, reader);
      assert.equal(r.code, 'ARCHIVE_TOO_LARGE');
      assert.ok(r.ms < 1_000, `refused after ${Math.round(r.ms)} ms`);
      assert.ok(r.growth < 100 * MB, `RSS grew by ${(r.growth / MB).toFixed(0)} MB`);
    });
  }
});

describe('bounds from the central directory', () => {
  test('many small lying parts add up past the total and are refused while inflating', async () => {
    // Each declares its true size but 30 of them share one 5 MB body (overlapping entries).
    const five = await deflatedZeros(5 * MB);
    const zip = buildZip([{ name: 'a.xml', data: five, method: 8, declaredSize: 5 * MB }], { repeatFirst: 30 });
    assert.equal(await codeOf(assertZipWithinBounds(zip, 'overlap.xlsx')), 'ARCHIVE_TOO_LARGE');
    // The same with declared sizes of 1 byte each: refused at the first part's second byte.
    const lying = buildZip([{ name: 'a.xml', data: five, method: 8, declaredSize: 1 }], { repeatFirst: 30 });
    assert.equal(await codeOf(assertZipWithinBounds(lying, 'overlap.xlsx')), 'ARCHIVE_TOO_LARGE');
  });

  test('too many parts are refused, even when the end record understates the count', async () => {
    const empty = { data: deflateRawSync(Buffer.alloc(0)), method: 8 as const, declaredSize: 0 };
    const many = Array.from({ length: spreadsheetZipBounds.maxEntries + 1 }, (_, i) => ({ name: `p${i}.xml`, ...empty }));
    assert.equal(await codeOf(assertZipWithinBounds(buildZip(many), 'many.xlsx')), 'ARCHIVE_TOO_LARGE');
    assert.equal(await codeOf(assertZipWithinBounds(buildZip(many, { declaredCount: 1 }), 'many.xlsx')), 'ARCHIVE_TOO_LARGE');
  });

  test('a stored part longer than it declares, an unknown method and garbage are refused', async () => {
    const stored = buildZip([{ name: 'a.xml', data: Buffer.alloc(1000), method: 0, declaredSize: 10 }]);
    assert.equal(await codeOf(assertZipWithinBounds(stored, 's.xlsx')), 'ARCHIVE_TOO_LARGE');
    const weird = buildZip([{ name: 'a.xml', data: Buffer.alloc(10), method: 8, declaredSize: 10 }]);
    weird.writeUInt16LE(12, weird.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // bzip2 in the central record
    assert.equal(await codeOf(assertZipWithinBounds(weird, 'w.xlsx')), 'IMPORT_UNREADABLE_XLSX');
    assert.equal(await codeOf(assertZipWithinBounds(Buffer.from('not a zip at all'), 'n.xlsx')), 'IMPORT_UNREADABLE_XLSX');
    assert.equal(await codeOf(readTabular({ name: 'n.xlsx', bytes: Buffer.from('not a zip at all') })), 'IMPORT_UNREADABLE_XLSX');
  });

  test('a real workbook passes and imports', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Controls');
    sheet.addRow(['id', 'title', 'statement']);
    for (let i = 1; i <= 500; i++) sheet.addRow([`C-${i}`, `Control ${i}`, 'Text '.repeat(40)]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    assert.equal(await codeOf(assertZipWithinBounds(bytes, 'real.xlsx')), 'OK');
    const table = await readTabular({ name: 'real.xlsx', bytes });
    assert.deepEqual(table.columns, ['id', 'title', 'statement']);
    assert.equal(table.rows.length, 500);
  });
});
