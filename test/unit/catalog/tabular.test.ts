import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import { parseCsv } from '../../../main/core/catalog/csv';
import { importTabular, previewTabular, readTabular, type TabularFile } from '../../../main/core/catalog/tabular';
import { catalogueSchema } from '../../../main/core/catalog/schema';

const fixture = (name: string): TabularFile => ({ name, bytes: readFileSync(join(__dirname, 'fixtures', name)) });

test('parseCsv handles quotes, doubled quotes, embedded newlines, CRLF, BOM and both delimiters', () => {
  const comma = parseCsv('\uFEFFa,b,c\r\n1,"two, with comma","say ""hi"""\r\n3,"multi\r\nline",\n');
  assert.equal(comma.delimiter, ',');
  assert.deepEqual(
    comma.records.map((r) => r.cells),
    [
      ['a', 'b', 'c'],
      ['1', 'two, with comma', 'say "hi"'],
      ['3', 'multi\nline', ''],
    ],
  );
  assert.deepEqual(
    comma.records.map((r) => r.line),
    [1, 2, 3],
  );
  const semi = parseCsv('x;y\n"1;5";2,5\n');
  assert.equal(semi.delimiter, ';');
  assert.deepEqual(
    semi.records.map((r) => r.cells),
    [
      ['x', 'y'],
      ['1;5', '2,5'],
    ],
  );
  assert.deepEqual(
    parseCsv('a,b\n\n1,2').records.map((r) => r.cells),
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  );
  assert.throws(
    () => parseCsv('a,b\n1,"never closed\n2,3'),
    (e: unknown) => e instanceof AttestError && e.code === 'CSV_UNTERMINATED_QUOTE' && /line 2/.test(e.message),
  );
});

test('previewTabular shows the columns, sample rows and a suggested mapping (CSV with BOM and commas)', async () => {
  const preview = await previewTabular(fixture('controls-comma.csv'), 2);
  assert.deepEqual(preview.columns, ['Control ID', 'Name', 'Requirement', 'How to assess', 'Domain', 'Priority', 'Severity', 'Tags']);
  assert.equal(preview.rowCount, 7);
  assert.equal(preview.sampleRows.length, 2);
  assert.equal(preview.sampleRows[0]![3], 'Ask for the last two reviews.\nCheck removals were done.');
  assert.equal(preview.sampleRows[1]![1], 'Quoted "admin" accounts');
  assert.deepEqual(preview.suggestedMapping, {
    id: 'Control ID',
    title: 'Name',
    statement: 'Requirement',
    guidance: 'How to assess',
    category: 'Domain',
    weight: 'Priority',
    severity: 'Severity',
    tags: 'Tags',
  });
});

test('importTabular imports good rows and reports each bad row with its row number', async () => {
  const file = fixture('controls-comma.csv');
  const table = await readTabular(file);
  const { suggestedMapping } = await previewTabular(file);
  const { catalogue, errors } = importTabular(table, suggestedMapping, { title: 'Client controls' });
  // LG-01 has no title but a statement: it is kept, titled from its statement.
  assert.deepEqual(
    catalogue.controls.map((c) => c.id),
    ['AC-01', 'AC-02', 'LG-01', 'LG-04'],
  );
  assert.equal(catalogue.controls[2]!.title, 'Logs are kept for one year.');
  assert.deepEqual(errors, [
    { sheet: null, row: 5, column: 'Control ID', message: 'id "AC-02" was already used on row 4' },
    { sheet: null, row: 7, column: 'Priority', message: 'weight "9" is not a whole number from 1 to 5' },
    { sheet: null, row: 8, column: 'Severity', message: 'severity "urgent" is not one of critical, high, medium, low, info' },
  ]);
  const ac1 = catalogue.controls[0]!;
  assert.equal(ac1.weight, 4);
  assert.equal(ac1.severity, 'high');
  assert.deepEqual(ac1.tags, ['access', 'review']);
  assert.equal(ac1.category, 'access');
  assert.deepEqual(catalogue.categories, [
    { id: 'access', title: 'Access' },
    { id: 'logging', title: 'Logging' },
  ]);
  assert.equal(catalogue.id, 'client-controls');
  assert.equal(catalogue.origin, 'tabular');
  assert.ok(catalogueSchema.safeParse(catalogue).success);
});

test('semicolon CSV with CRLF and quoted line breaks imports with a hand-made mapping', async () => {
  const table = await readTabular(fixture('controls-semicolon.csv'));
  const { catalogue, errors } = importTabular(table, { id: 'id', title: 'title', statement: 'statement' }, { title: 'Network', id: 'net' });
  assert.deepEqual(errors, []);
  assert.deepEqual(
    catalogue.controls.map((c) => [c.id, c.statement, c.category]),
    [
      ['NW-1', 'Inbound traffic is denied; only listed ports are open.', 'uncategorised'],
      ['NW-2', 'Outbound traffic goes\nthrough a proxy.', 'uncategorised'],
    ],
  );
  assert.deepEqual(catalogue.categories, [{ id: 'uncategorised', title: 'Uncategorised' }]);
});

test('XLSX: the worksheet is found, rich text flattened, spreadsheet row numbers reported', async () => {
  const file = fixture('controls.xlsx');
  const preview = await previewTabular(file);
  assert.deepEqual(preview.columns, ['ID', 'Title', 'Statement', 'Guidance', 'Category', 'Weight']);
  const { catalogue, errors } = importTabular(await readTabular(file), preview.suggestedMapping, { title: 'Workbook' });
  assert.deepEqual(
    catalogue.controls.map((c) => [c.id, c.statement, c.weight]),
    [
      ['DS-1', 'All stored data is encrypted.', 5],
      ['DS-2', 'Keys are rotated quarterly.', 3],
      ['PH-1', 'Offices use badge access.', undefined],
    ],
  );
  assert.deepEqual(errors, [
    { sheet: 'Controls', row: 4, column: 'Statement', message: 'statement is empty' },
    { sheet: 'Controls', row: 6, column: 'ID', message: 'id "DS-1" was already used on row 2' },
  ]);
});

test('mapping and file errors are clear AttestErrors', async () => {
  const table = await readTabular(fixture('controls-semicolon.csv'));
  const code = (fn: () => unknown, c: string, pattern: RegExp) =>
    assert.throws(fn, (e: unknown) => e instanceof AttestError && e.code === c && pattern.test(e.message));
  code(() => importTabular(table, { id: 'id', title: 'title' }, { title: 'x' }), 'IMPORT_MAPPING_INCOMPLETE', /statement/);
  code(
    () => importTabular(table, { id: ['id', 'title'], statement: 'statement' }, { title: 'x' }),
    'IMPORT_MAPPING_INCOMPLETE',
    /one column for id/,
  );
  code(
    () => importTabular(table, { id: 'id', title: 'title', statement: 'Text' }, { title: 'x' }),
    'IMPORT_MAPPING_INCOMPLETE',
    /"Text".*not in the file/,
  );
  await assert.rejects(
    readTabular({ name: 'list.pdf', bytes: new Uint8Array([1]) }),
    (e: unknown) => e instanceof AttestError && e.code === 'IMPORT_UNSUPPORTED_FILE',
  );
  await assert.rejects(
    readTabular({ name: 'broken.xlsx', bytes: new TextEncoder().encode('not a zip') }),
    (e: unknown) => e instanceof AttestError && e.code === 'IMPORT_UNREADABLE_XLSX',
  );
  await assert.rejects(
    readTabular({ name: 'empty.csv', bytes: new Uint8Array() }),
    (e: unknown) => e instanceof AttestError && e.code === 'IMPORT_EMPTY',
  );
});
