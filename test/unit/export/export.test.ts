// Exports of an assessment: OSCAL assessment-results and POA&M validated against NIST's
// 1.0.6 JSON schemas and reproducible; findings as CSV and XLSX with hostile text kept
// inert; a backup of the whole encrypted workspace and its verified restore.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { call, chosen, failure, upload } from '../../support/dispatch';
import { PASS, withWorkspace } from '../report/workspace-fixture';

const OSCAL = join(import.meta.dirname, '../../../../shared/corpora/oscal');

function validator(file: string) {
  // The OSCAL schemas are draft-07 and use Unicode property classes (\p{L}) in their
  // patterns, which need the 'u' flag (unicodeRegExp, on by default in Ajv 8).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(OSCAL, file), 'utf8')) as object);
}

const json = (d: { dataBase64: string }) =>
  JSON.parse(Buffer.from(d.dataBase64, 'base64').toString('utf8')) as Record<string, Record<string, unknown>>;

test(
  'OSCAL assessment-results and POA&M validate against the NIST 1.0.6 schemas and are reproducible',
  { skip: !existsSync(OSCAL) && 'OSCAL schemas not present' },
  async () => {
    await withWorkspace(async ({ core, q4, q2 }) => {
      const ar = validator('oscal_assessment-results_schema-1.0.6.json');
      const poam = validator('oscal_poam_schema-1.0.6.json');
      for (const id of [q4, q2]) {
        const a = json(await call(core, 'export.oscalAssessmentResults', { assessmentId: id }));
        assert.ok(ar(a), JSON.stringify(ar.errors?.slice(0, 5), null, 1));
        const p = json(await call(core, 'export.oscalPoam', { assessmentId: id }));
        assert.ok(poam(p), JSON.stringify(poam.errors?.slice(0, 5), null, 1));
      }
      const first = await call(core, 'export.oscalAssessmentResults', { assessmentId: q4 });
      const again = await call(core, 'export.oscalAssessmentResults', { assessmentId: q4 });
      assert.equal(first.dataBase64, again.dataBase64, 'same data, same JSON (v5 UUIDs)');
      const doc = json(first)['assessment-results']!;
      const result = (doc.results as Record<string, unknown>[])[0]!;
      assert.ok((result.findings as unknown[]).length > 0);
      assert.ok((result.risks as unknown[]).length > 0);
      assert.match(String(doc.uuid), /^[0-9a-f]{8}-[0-9a-f]{4}-5/);
      // A schema check that can fail: a broken document is rejected.
      const broken = structuredClone(json(first));
      delete (broken['assessment-results'] as Record<string, unknown>).metadata;
      assert.equal(ar(broken), false);
    });
  },
);

test('findings CSV and XLSX: every finding, formula-like text neutralised', async () => {
  await withWorkspace(async ({ core, q4 }) => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)'];
    for (const title of hostile)
      await call(core, 'finding.create', { assessmentId: q4, title, likelihood: 2, impact: 2, description: '=cmd|"/c calc"!A0' });
    const findings = (await call(core, 'finding.list', { assessmentId: q4 })).findings;

    const csv = Buffer.from((await call(core, 'export.findingsCsv', { assessmentId: q4 })).dataBase64, 'base64').toString('utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.ok(lines[0]!.startsWith('Ref,Title,Severity'));
    for (const title of hostile)
      assert.ok(csv.includes(`'${title.replace(/"/g, '""')}`) || csv.includes(`'${title}`), `${title} neutralised`);
    assert.ok(
      !/(^|,)[=+\-@]/m.test(
        csv
          .split('\r\n')
          .slice(1)
          .join('\n')
          .replace(/"[^"]*"/g, ''),
      ),
      'no cell starts a formula',
    );

    const x = await call(core, 'export.findingsXlsx', { assessmentId: q4 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(x.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Findings')!;
    assert.equal(sheet.rowCount, findings.length + 1);
    const titles: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) titles.push(String(row.getCell(2).value));
      row.eachCell((c) => assert.equal(c.type === ExcelJS.ValueType.Formula, false, 'no formula cells'));
    });
    // Excel's quote-prefix style keeps the text inert without a visible apostrophe.
    for (const title of hostile) assert.ok(titles.includes(title), `${title} written as is in XLSX`);
    assert.equal((await failure(core, 'export.findingsCsv', { assessmentId: 'asm_none' })).code, 'ASSESSMENT_NOT_FOUND');
  });
});

test('findings CSV starts with a UTF-8 byte-order mark and keeps accents', async () => {
  await withWorkspace(async ({ core, q4 }) => {
    await call(core, 'finding.create', { assessmentId: q4, title: 'Contrôle d’accès généralisé', likelihood: 2, impact: 2 });
    const bytes = Buffer.from((await call(core, 'export.findingsCsv', { assessmentId: q4 })).dataBase64, 'base64');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.subarray(3).toString('utf8').startsWith('Ref,Title'));
    assert.ok(bytes.toString('utf8').includes('Contrôle d’accès généralisé'));
  });
});

test('findings XLSX: formula-like text has the quotePrefix style, dates are date cells with a number format', async () => {
  await withWorkspace(async ({ core, q4 }) => {
    const hostile = '=HYPERLINK("http://evil.example","x")';
    await call(core, 'finding.create', { assessmentId: q4, title: hostile, likelihood: 2, impact: 2, dueDate: '2027-03-15' });
    await call(core, 'finding.create', { assessmentId: q4, title: 'Plain title', likelihood: 2, impact: 2 });
    const bytes = Buffer.from((await call(core, 'export.findingsXlsx', { assessmentId: q4 })).dataBase64, 'base64');
    // Read the stored XML, not exceljs's model: the flag must be in the file Excel opens.
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const strings = [...(await zip.file('xl/sharedStrings.xml')!.async('string')).matchAll(/<si>(?:<t[^>]*>([\s\S]*?)<\/t>)?/g)].map((m) =>
      (m[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
    );
    const xfs = [.../<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
    const numFmts = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const cells = [...sheetXml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => ({
      col: m[1]!,
      row: Number(m[2]),
      s: Number(/\bs="(\d+)"/.exec(m[3]!)?.[1] ?? 0),
      t: /\bt="(\w+)"/.exec(m[3]!)?.[1],
      v: /<v>([^<]*)<\/v>/.exec(m[4] ?? '')?.[1],
    }));
    const text = (c: (typeof cells)[number]) => (c.t === 's' ? strings[Number(c.v)] : c.v);
    const hostileCell = cells.find((c) => c.col === 'B' && text(c) === hostile);
    assert.ok(hostileCell, 'the formula-like title is stored as written, without an apostrophe');
    assert.match(xfs[hostileCell.s]!, /quotePrefix="1"/);
    const plainCell = cells.find((c) => c.col === 'B' && text(c) === 'Plain title')!;
    assert.doesNotMatch(xfs[plainCell.s]!, /quotePrefix/);
    assert.ok(!strings.some((s) => s.startsWith("'")), 'no visible apostrophe anywhere');

    const due = cells.find((c) => c.col === 'H' && c.row === hostileCell.row)!;
    assert.equal(due.t, undefined, 'a number cell, not text');
    assert.equal(Number(due.v), 46461, '2027-03-15 as an Excel serial day');
    const dueFmt = /numFmtId="(\d+)"/.exec(xfs[due.s]!)![1]!;
    assert.equal(numFmts.get(dueFmt), 'yyyy-mm-dd');
    const created = cells.find((c) => c.col === 'L' && c.row === hostileCell.row)!;
    assert.equal(created.t, undefined);
    assert.ok(Number(created.v) > 40000);
    assert.equal(numFmts.get(/numFmtId="(\d+)"/.exec(xfs[created.s]!)![1]!), 'yyyy-mm-dd hh:mm');

    // exceljs reads the same cells back as a date and as the plain text.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const row = book.getWorksheet('Findings')!.getRow(hostileCell.row);
    assert.ok(row.getCell(8).value instanceof Date);
    assert.equal((row.getCell(8).value as Date).toISOString().slice(0, 10), '2027-03-15');
    assert.equal((await failure(core, 'export.findingsCsv', { assessmentId: 'asm_none' })).code, 'ASSESSMENT_NOT_FOUND');
  });
});

test('backup: a consistent encrypted copy; restore verifies it, refuses to overwrite without consent or over the open file', async () => {
  await withWorkspace(async ({ core, dir, path }) => {
    const to = join(dir, 'copy.attest');
    const b = await call(core, 'export.backup', { to: chosen(core, to, 'save:backup') });
    assert.equal(b.path, to);
    assert.equal((await failure(core, 'export.backup', { to: chosen(core, to, 'save:backup') })).code, 'FILE_EXISTS');
    assert.equal(
      (await failure(core, 'export.backup', { to: chosen(core, path, 'save:backup'), overwrite: true })).code,
      'BACKUP_TARGET_OPEN',
    );
    const dl = await call(core, 'export.backup', {});
    assert.equal(dl.size, b.size);
    assert.ok(Buffer.from(dl.dataBase64!, 'base64').subarray(0, 8).toString('latin1').startsWith('ATTESTWS'));

    const restored = join(dir, 'restored.attest');
    const restore = (target: string, passphrase = PASS, overwrite = false) => ({
      from: chosen(core, to, 'open:backup'),
      to: chosen(core, target, 'save:workspace'),
      passphrase,
      overwrite,
    });
    const r = await call(core, 'export.restore', restore(restored));
    assert.equal(r.path, restored);
    assert.equal(r.workspaceId, core.session.workspace().info().workspaceId);
    assert.equal((await failure(core, 'export.restore', restore(restored))).code, 'FILE_EXISTS');
    assert.equal((await failure(core, 'export.restore', restore(path, PASS, true))).code, 'BACKUP_TARGET_OPEN');
    assert.equal((await failure(core, 'export.restore', restore(join(dir, 'x.attest'), 'wrong passphrase'))).code, 'WRONG_PASSPHRASE');
    assert.equal(existsSync(join(dir, 'x.attest')), false, 'nothing left behind');

    // A damaged backup is refused and nothing is written.
    const damaged = Buffer.from(readFileSync(to));
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0xff;
    writeFileSync(join(dir, 'damaged.attest'), damaged);
    const bad = await failure(core, 'export.restore', {
      backup: upload('damaged.attest', damaged),
      to: chosen(core, join(dir, 'y.attest'), 'save:workspace'),
      passphrase: PASS,
    });
    assert.notEqual(bad.code, '');
    assert.equal(existsSync(join(dir, 'y.attest')), false);

    // The restored copy opens with the same data.
    await call(core, 'workspace.close', {});
    await call(core, 'workspace.open', { handle: chosen(core, restored, 'open:workspace'), passphrase: PASS });
    assert.equal((await call(core, 'assessment.list', {})).assessments.length, 2);
  });
});
