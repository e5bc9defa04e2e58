// `attest template …` and `attest questionnaire …` through the real bin: counts printed
// on import, the XLSX written and read back, the refused import's report and exit code.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { cli } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { corpusDir } from '../../support/corpora';
import { call, chosen } from '../../support/dispatch';

const VSAQ_FILE = join(corpusDir('vsaq'), 'physical_and_datacenter.json');

const dir = tempDir('attest-questionnaire-cli-');
const ws = join(dir, 'vendors.attest');
const PASS = 'questionnaire cli passphrase';
const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: PASS };
const run = (args: string[]) => cli(args, env);
let vendorId = '';

before(async () => {
  const core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, ws, 'save:workspace'),
    name: 'Questionnaire CLI',
    passphrase: PASS,
    remember: false,
  });
  vendorId = (await call(core, 'vendor.create', { name: 'Skyline Hosting', owner: 'Priya', dataTypes: ['personal'], criticality: 'high' }))
    .id;
  await core.close();
});

test('template list, show and a VSAQ import that prints its item counts', async () => {
  const list = await run(['template', 'list', ws, '--json']);
  assert.equal(list.code, 0, list.stderr);
  assert.ok(JSON.parse(list.stdout).templates.some((t: { id: string }) => t.id === 'vendor-security-baseline'));
  const show = await run(['template', 'show', ws, 'vendor-security-baseline']);
  assert.equal(show.code, 0, show.stderr);
  assert.match(show.stdout, /VSB-11 {2}\[yesno, weight 3, required\]/);
  const imp = await run(['template', 'import', ws, VSAQ_FILE]);
  assert.equal(imp.code, 0, imp.stderr);
  assert.match(imp.stdout, /118 items \(.*16 radiogroup.*37 radioitem.*\); 30 questions/);
  const again = await run(['template', 'import', ws, VSAQ_FILE]);
  assert.equal(again.code, 5);
  assert.match(again.stderr, /^attest: .*already exists/);
  const missing = await run(['template', 'show', ws, 'nope']);
  assert.equal(missing.code, 19);
});

test('questionnaire export → fill → import → score, and a refused import exits 50 with its report', async () => {
  const out = join(dir, 'q.xlsx');
  const exp = await run([
    'questionnaire',
    'export',
    ws,
    '--vendor',
    vendorId,
    '--format',
    'xlsx',
    '--out',
    out,
    '--cycle',
    '2026',
    '--json',
  ]);
  assert.equal(exp.code, 0, exp.stderr);
  const { questionnaireId } = JSON.parse(exp.stdout);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('Questions')!;
  const fill = (answers: (id: string, type: string) => string | number | null) =>
    sheet.eachRow((row, n) => {
      const id = String(row.getCell(1).value ?? '');
      if (n === 1 || !id) return;
      const v = answers(id, String(row.getCell(5).value));
      if (v !== null) row.getCell(8).value = v;
    });
  fill((id) => (id === 'VSB-12' ? 'soon' : null));
  const bad = join(dir, 'bad.xlsx');
  writeFileSync(bad, Buffer.from(await wb.xlsx.writeBuffer()));
  const refused = await run(['questionnaire', 'import', ws, questionnaireId, bad]);
  assert.equal(refused.code, 50, refused.stderr);
  assert.match(refused.stdout, /Nothing was imported: \d+ missing, 1 invalid, 0 unknown/);
  assert.match(refused.stdout, /invalid {2}VSB-12 .*not a number/);
  fill((id, type) => (type.startsWith('Yes') ? 'Yes' : type === 'A number' ? 4 : type === 'Text' ? 'security@skyline.example' : null));
  sheet.eachRow((row) => {
    if (String(row.getCell(1).value) === 'VSB-22') row.getCell(8).value = 'TLS 1.3 only';
    if (String(row.getCell(1).value) === 'VSB-20') row.getCell(8).value = 'Personal data of our staff or customers';
  });
  const good = join(dir, 'good.xlsx');
  writeFileSync(good, Buffer.from(await wb.xlsx.writeBuffer()));
  const imported = await run(['questionnaire', 'import', ws, questionnaireId, good]);
  assert.equal(imported.code, 0, imported.stdout + imported.stderr);
  assert.match(imported.stdout, /^Imported \d+ answers into qnr_[0-9a-f]+; score [\d.]+ \/ 100\./);
  const score = await run(['questionnaire', 'score', ws, questionnaireId, '--json']);
  assert.equal(score.code, 0, score.stderr);
  assert.equal(typeof JSON.parse(score.stdout).overall, 'number');
  const human = await run(['questionnaire', 'score', ws, questionnaireId]);
  assert.match(human.stdout, /^Overall [\d.]+ \/ 100/);
  const usage = await run(['questionnaire', 'export', ws, '--format', 'xlsx', '--out', out]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^attest: Missing --vendor/);
});

test('a questionnaire workbook by column mapping: template import --map, template expect, questionnaire import --partial', async () => {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Assessment');
  s.addRows([
    ['Ques Num', 'Question Text', 'Domain', 'Response', 'Additional Information'],
    ['1.1', 'Is there a security policy?', 'Policy', 'Yes', 'Reviewed yearly.'],
    ['1.2', 'Are shared admin accounts used?', 'Policy', 'No', ''],
    ['1.3', 'Is MFA enforced?', 'Access', 'Sometimes', ''],
  ]);
  for (const c of ['D2', 'D3', 'D4']) s.getCell(c).dataValidation = { type: 'list', formulae: ['"Yes,No,N/A"'], allowBlank: true };
  const file = join(dir, 'supplier.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const map = ['--map', 'id=Ques Num,question=Question Text,section=Domain', '--map', 'answer=Response,notes=Additional Information'];

  const imp = await run(['template', 'import', ws, file, ...map, '--id', 'supplier']);
  assert.equal(imp.code, 0, imp.stderr);
  assert.match(imp.stdout, /^Imported .* as supplier \(version 1\): 3 items \(2 section, 3 yesno\); 3 questions/m);
  const expect = await run(['template', 'expect', ws, 'supplier', '1.2', 'no']);
  assert.equal(expect.code, 0, expect.stderr);
  assert.match(expect.stdout, /supplier 1\.2 now expects No \(template version 2\)/);
  assert.equal((await run(['template', 'expect', ws, 'supplier', '9.9', 'no'])).code, 19);
  assert.equal((await run(['template', 'expect', ws, 'supplier', '1.2', 'maybe'])).code, 2);

  const exported = await run([
    'questionnaire',
    'export',
    ws,
    '--vendor',
    vendorId,
    '--template',
    'supplier',
    '--cycle',
    '2027',
    '--format',
    'json',
    '--out',
    join(dir, 'supplier.json'),
    '--json',
  ]);
  assert.equal(exported.code, 0, exported.stderr);
  const qid = JSON.parse(exported.stdout).questionnaireId as string;
  const refused = await run(['questionnaire', 'import', ws, qid, file, ...map]);
  assert.equal(refused.code, 50);
  assert.match(refused.stdout, /invalid {2}1\.3 {2}sheet "Assessment" row 4: "Sometimes" is not an answer here/);
  const partial = await run(['questionnaire', 'import', ws, qid, file, ...map, '--partial']);
  assert.equal(partial.code, 0, partial.stderr);
  // 1.1 Yes (expected Yes) and 1.2 No (expected No since template expect) earn; 1.3, flagged, is unanswered: 2 of 3.
  assert.match(partial.stdout, /^Imported 2 answers into .*; score 66\.7 \/ 100\.$/m);
  assert.match(partial.stdout, /^Flagged, not imported \(1\):\n {2}invalid {2}1\.3/m);
});

test('questionnaire new --carry-from starts the next cycle from the last one; correct and --revert; score counts what needs review', async () => {
  const last = JSON.parse((await run(['questionnaire', 'new', ws, '--vendor', vendorId, '--cycle', '2030', '--json'])).stdout) as {
    id: string;
  };
  const answers = JSON.stringify({ questionnaireId: last.id, answers: { 'VSB-1': 'yes', 'VSB-4': 'no', 'VSB-12': 30 } });
  const file = join(dir, 'cli-carry.json');
  writeFileSync(file, answers);
  assert.equal((await run(['questionnaire', 'import', ws, last.id, file, '--partial'])).code, 0);

  const next = await run(['questionnaire', 'new', ws, '--vendor', vendorId, '--cycle', '2031', '--carry-from', last.id]);
  assert.equal(next.code, 0, next.stderr);
  assert.match(next.stdout, /^Started questionnaire (qnr_\S+) \(Skyline Hosting, 2031, .* v1\)\.$/m);
  assert.match(
    next.stdout,
    new RegExp(`^Started from ${last.id} \\(cycle 2030\\): 3 answers carried forward, flagged "needs review"`, 'm'),
  );
  const id = /Started questionnaire (qnr_\S+)/.exec(next.stdout)![1]!;

  const bad = await run(['questionnaire', 'correct', ws, id, 'VSB-12', 'soon']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^attest: VSB-12: "soon" is not a number\.$/m);
  const fixed = await run(['questionnaire', 'correct', ws, id, 'VSB-4', 'Yes', '--note', 'Pen test report seen']);
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.match(fixed.stdout, /^VSB-4 corrected: "yes" \(note: Pen test report seen\), from the analyst \(.+ \(cli\)\)\.$/m);
  assert.match(fixed.stdout, /^2 answers carried forward still need review\.$/m);

  const score = await run(['questionnaire', 'score', ws, id]);
  assert.equal(score.code, 0, score.stderr);
  assert.match(score.stdout, /2 answers in this score were carried forward from the earlier cycle and still need review\./);
  const reverted = await run(['questionnaire', 'correct', ws, id, 'VSB-4', '--revert']);
  assert.equal(reverted.code, 0, reverted.stderr);
  assert.match(reverted.stdout, /^VSB-4 is back as before the correction: "no", from the earlier cycle \(needs review\)\.$/m);
  assert.equal((await run(['questionnaire', 'correct', ws, id, 'VSB-4', '--revert'])).code, 52);
  const again = await run([
    'questionnaire',
    'export',
    ws,
    '--vendor',
    vendorId,
    '--cycle',
    '2031',
    '--carry-from',
    last.id,
    '--format',
    'json',
    '--out',
    join(dir, 'x.json'),
  ]);
  assert.equal(again.code, 5);
  assert.match(again.stderr, /--carry-from only starts a new one/);
});
