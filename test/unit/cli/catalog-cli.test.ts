// `attest catalog …` and `attest assessment …`: what they print, that imports agree with
// the core's own OSCAL counts, and that each bad input has its own one-line message and
// exit code and changes nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { before, test } from 'node:test';
import { importOscalCatalog } from '../../../main/core/catalog/import-oscal';
import { cli, cliProcess } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { call, chosen } from '../../support/dispatch';
import { requirePart } from '../../support/require';

const dir = tempDir('attest-catalog-cli-');
const ws = join(dir, 'client.attest');
const PASS = 'catalogue cli passphrase';
const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: PASS };
const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'oscal');
const oscalFile = (level: 'LOW' | 'HIGH') => join(corpus, `NIST_SP-800-53_rev5_${level}-baseline-resolved-profile_catalog-min.json`);
const haveCorpus = existsSync(oscalFile('LOW')) && existsSync(oscalFile('HIGH'));
/** The baseline sizes test/unit/catalog/oscal.test.ts pins (checked there against an independent count). */
const PINNED = { LOW: { groups: 18, controls: 131, enhancements: 18 }, HIGH: { groups: 18, controls: 188, enhancements: 182 } };

const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => cli(args, { ...env, ...extra });
const json = async (args: string[]) => {
  const r = await run([...args, '--json']);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const catalogueIds = async () => ((await json(['catalog', 'list', ws])).catalogues as { id: string }[]).map((c) => c.id);

function assertOneLineError(r: { code: number; stderr: string }, code: number, message: RegExp, what: string) {
  assert.equal(r.code, code, `${what}: ${r.stderr}`);
  assert.match(r.stderr, message, what);
  assert.equal(r.stderr.trim().split('\n').length, 1, `${what}: one line`);
  assert.match(r.stderr, /^attest: /, what);
}

before(async () => {
  // Created with the tests' small KDF cost (kept in the file's header), so each CLI run opens it quickly.
  const core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, ws, 'save:workspace'),
    name: 'Catalogue CLI',
    passphrase: PASS,
    remember: false,
  });
  await core.close();
});

test('catalog list shows the built-in catalogues with their size, origin and short hash', async () => {
  const { catalogues } = await json(['catalog', 'list', ws]);
  const baseline = catalogues.find((c: { id: string }) => c.id === 'platform-baseline');
  assert.equal(baseline.origin, 'builtin');
  assert.ok(baseline.controlCount > 50);
  const human = await run(['catalog', 'list', ws]);
  assert.equal(human.code, 0, human.stderr);
  const lines = human.stdout.trim().split('\n');
  assert.match(lines[0]!, /^ID\s+TITLE\s+VERSION\s+ORIGIN\s+CONTROLS\s+HASH$/);
  assert.equal(lines.length, catalogues.length + 1);
  const row = lines.find((l) => l.startsWith('platform-baseline '))!;
  assert.ok(row.includes(baseline.title) && row.includes(baseline.version) && row.includes(String(baseline.controlCount)));
  assert.ok(row.endsWith(baseline.hash.replace(/^sha256:/, '').slice(0, 12)), row);
});

test('catalog show prints the header and every control under its category; --json the full detail', async () => {
  const detail = await json(['catalog', 'show', ws, 'retool-hardening']);
  assert.equal(detail.summary.id, 'retool-hardening');
  assert.equal(detail.controls.length, detail.summary.controlCount);
  assert.ok(detail.controls[0].statement.length > 0);
  const r = await run(['catalog', 'show', ws, 'retool-hardening']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Title:\s+Retool platform security$/m);
  assert.match(r.stdout, new RegExp(`^Hash:\\s+${detail.summary.hash}$`, 'm'));
  assert.match(r.stdout, /^Licence:\s+\S/m);
  assert.match(r.stdout, /^Source:\s+\S/m);
  for (const category of detail.categories) {
    const controls = detail.controls.filter((c: { category: string }) => c.category === category.id);
    const block = r.stdout.split('\n\n').find((b) => b.startsWith(`${category.title} (${category.id}, ${controls.length})`));
    assert.ok(block, `a block for ${category.id}`);
    for (const c of controls)
      assert.match(block, new RegExp(`^  ${c.id.replace(/\./g, '\\.')}\\s+${c.title.replace(/[()[\]]/g, '\\$&')}$`, 'm'));
  }
});

for (const level of ['LOW', 'HIGH'] as const) {
  test(`catalog import of the NIST ${level} baseline prints the core's own counts`, async (t) => {
    if (!requirePart(t, haveCorpus, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
    const expected = importOscalCatalog(readFileSync(oscalFile(level), 'utf8'));
    assert.deepEqual(expected.counts, PINNED[level], 'the same sizes the OSCAL importer test pins');
    const r = await run(['catalog', 'import', ws, oscalFile(level)]);
    assert.equal(r.code, 0, r.stderr);
    const m = /^Imported (\d+) controls \((\d+) base controls and (\d+) enhancements in (\d+) groups\) as "([^"]+)"/.exec(r.stdout);
    assert.ok(m, r.stdout);
    const [, total, base, enhancements, groups, id] = m.map((v, i) => (i >= 1 && i <= 4 ? Number(v) : v)) as [
      string,
      number,
      number,
      number,
      number,
      string,
    ];
    assert.deepEqual({ groups, controls: base, enhancements }, expected.counts);
    assert.equal(total, expected.catalogue.controls.length);
    assert.equal(id, expected.catalogue.id);
    const listed = (await json(['catalog', 'list', ws])).catalogues.find((c: { id: string }) => c.id === id);
    assert.equal(listed.origin, 'oscal');
    assert.equal(listed.controlCount, total);
    assert.equal(listed.version, expected.catalogue.version);
  });
}

test('importing the same catalogue again needs --replace, which makes a new version', async (t) => {
  if (!requirePart(t, haveCorpus, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  const again = await run(['catalog', 'import', ws, oscalFile('LOW'), '--id', 'nist-low']);
  assert.equal(again.code, 0, again.stderr);
  const twice = await run(['catalog', 'import', ws, oscalFile('LOW'), '--id', 'nist-low']);
  assertOneLineError(twice, 5, /already has a catalogue "nist-low"/, 'second import');
  const replaced = await json(['catalog', 'import', ws, oscalFile('LOW'), '--id', 'nist-low', '--replace', '--title', 'NIST LOW (ours)']);
  assert.equal(replaced.catalogue.title, 'NIST LOW (ours)');
  assert.notEqual(replaced.catalogue.version, '5.1.1+u4');
  assert.equal(replaced.groups, PINNED.LOW.groups);
});

test('a CSV without --map shows its columns and the mapping to pass, exits 2 and imports nothing', async () => {
  const csv = join(dir, 'policy.csv');
  writeFileSync(
    csv,
    'Control ID,Control Name,Requirement Text,Domain\nPOL-1,Access policy,Keep an access policy.,Access\nPOL-2,Reviews,Review access quarterly.,Access\n,No id,Orphan,Access\nPOL-3,Logs,"Keep logs, for a year.",Logging\n',
  );
  const before = await catalogueIds();
  const preview = await run(['catalog', 'import', ws, csv]);
  assertOneLineError(preview, 2, /--map .*id and statement are required.*nothing was imported/, 'preview');
  assert.match(preview.stdout, /^Columns: Control ID, Control Name, Requirement Text, Domain$/m);
  assert.match(preview.stdout, /^Suggested: --map id="Control ID",title="Control Name".*statement=<column>/m);
  assert.deepEqual(await catalogueIds(), before);

  const bad = await run(['catalog', 'import', ws, csv, '--map', 'ident=Control ID']);
  assertOneLineError(bad, 2, /"ident" is not a catalogue field/, 'unknown field');
  const missing = await run(['catalog', 'import', ws, csv, '--map', 'id=Nope,title=Control Name,statement=Requirement Text']);
  assertOneLineError(missing, 2, /The column "Nope" chosen for id is not in the file/, 'unknown column');

  const r = await run([
    'catalog',
    'import',
    ws,
    csv,
    '--map',
    'id=Control ID,title=Control Name',
    '--map',
    'statement=Requirement Text,category=Domain',
    '--title',
    'Client policy',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Imported 3 controls as "client-policy" \(Client policy\), version 1\.0\.0/m);
  assert.match(r.stdout, /^1 row was skipped:\n {2}row 4, column "Control ID": id is empty/m);
  const shown = await json(['catalog', 'show', ws, 'client-policy']);
  assert.deepEqual(
    shown.controls.map((c: { id: string }) => c.id),
    ['POL-1', 'POL-2', 'POL-3'],
  );
  assert.equal(shown.controls[2].statement, 'Keep logs, for a year.');
});

test('an XLSX workbook imports with --map like a CSV', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Controls');
  sheet.addRow(['Ref', 'Name', 'Requirement', 'Severity']);
  sheet.addRow(['VR-1', 'Vendor register', 'Keep a register of every vendor.', 'medium']);
  sheet.addRow(['VR-2', 'Vendor exit plans', 'Keep an exit plan for each critical vendor.', 'high']);
  const xlsx = join(dir, 'vendors.xlsx');
  writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
  const r = await json([
    'catalog',
    'import',
    ws,
    xlsx,
    '--map',
    'id=Ref,title=Name,statement=Requirement,severity=Severity',
    '--id',
    'vendor-controls',
  ]);
  assert.equal(r.imported, 2);
  assert.deepEqual(r.rowErrors, []);
  assert.equal(r.catalogue.origin, 'tabular');
  const shown = await json(['catalog', 'show', ws, 'vendor-controls']);
  assert.deepEqual(
    shown.controls.map((c: { id: string; severity: string }) => [c.id, c.severity]),
    [
      ['VR-1', 'medium'],
      ['VR-2', 'high'],
    ],
  );
});

test('--sheet and --header-row choose where the table is; without them it is found; a wrong sheet is a clear error', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Read me').addRow(['This workbook lists our controls on the next sheets.']);
  const found = workbook.addWorksheet('Controls');
  found.addRow(['Company controls, 2026']);
  found.addRow([]);
  found.addRow(['Ref', 'Name', 'Requirement']);
  found.addRow(['A&A-01', 'Audit policy', 'Keep an audit policy.']);
  const other = workbook.addWorksheet('Draft');
  other.addRow(['Draft list']);
  other.addRow(['Code', 'Text']);
  other.addRow(['DR-1', 'A draft control.']);
  const xlsx = join(dir, 'layout.xlsx');
  writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));

  const preview = await run(['catalog', 'import', ws, xlsx]);
  assert.equal(preview.code, 2);
  assert.match(preview.stdout, /^layout\.xlsx, sheet "Controls": header on row 3, 1 rows, 3 columns\.$/m);
  assert.match(preview.stdout, /^Sheets: Read me, Controls, Draft \(choose with --sheet\)$/m);

  const auto = await json(['catalog', 'import', ws, xlsx, '--map', 'id=Ref,title=Name,statement=Requirement', '--id', 'found-sheet']);
  assert.equal(auto.imported, 1);
  assert.deepEqual(
    (await json(['catalog', 'show', ws, 'found-sheet'])).controls.map((c: { id: string }) => c.id),
    ['A&A-01'],
  );

  const chosen = await json([
    'catalog',
    'import',
    ws,
    xlsx,
    '--sheet',
    'Draft',
    '--header-row',
    '2',
    '--map',
    'id=Code,statement=Text',
    '--id',
    'draft-sheet',
  ]);
  assert.equal(chosen.imported, 1);
  assert.deepEqual(
    (await json(['catalog', 'show', ws, 'draft-sheet'])).controls.map((c: { id: string; title: string }) => [c.id, c.title]),
    [['DR-1', 'A draft control.']],
  );

  assertOneLineError(
    await run(['catalog', 'import', ws, xlsx, '--sheet', 'Nope', '--map', 'id=Code,statement=Text']),
    22,
    /has no sheet "Nope"\. Its sheets are: "Read me", "Controls", "Draft"/,
    'unknown sheet',
  );
  assertOneLineError(
    await run(['catalog', 'import', ws, xlsx, '--header-row', 'two', '--map', 'id=Code,statement=Text']),
    2,
    /--header-row takes the row number/,
    'bad header row',
  );
});

test('each bad input has its own one-line message and exit code and changes nothing', async () => {
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"catalog": {"metadata": ');
  const notCatalog = join(dir, 'plan.json');
  writeFileSync(notCatalog, JSON.stringify({ 'assessment-plan': { uuid: 'x', metadata: { title: 'A plan' } } }));
  const wrong = { ATTEST_PASSPHRASE: 'not the passphrase' };
  const before = await catalogueIds();
  const cases: { name: string; args: string[]; env?: NodeJS.ProcessEnv; code: number; message: RegExp }[] = [
    {
      name: 'unknown catalogue',
      args: ['catalog', 'show', ws, 'no-such-catalogue'],
      code: 19,
      message: /no catalogue "no-such-catalogue".*attest catalog list/,
    },
    { name: 'wrong passphrase', args: ['catalog', 'list', ws], env: wrong, code: 3, message: /passphrase is wrong/ },
    {
      name: 'missing import file',
      args: ['catalog', 'import', ws, join(dir, 'absent.json')],
      code: 4,
      message: /Cannot import .*absent\.json: no such file/,
    },
    { name: 'missing workspace', args: ['catalog', 'list', join(dir, 'absent.attest')], code: 4, message: /No workspace file exists/ },
    { name: 'malformed JSON', args: ['catalog', 'import', ws, notJson], code: 20, message: /broken\.json is not valid JSON/ },
    { name: 'not an OSCAL catalog', args: ['catalog', 'import', ws, notCatalog], code: 21, message: /not an OSCAL catalog/ },
    {
      name: 'unsupported file',
      args: ['catalog', 'import', ws, join(dir, 'controls.pdf'), '--map', 'id=a,title=b,statement=c'],
      code: 22,
      message: /neither a \.csv nor an \.xlsx/,
    },
    { name: 'no catalogue id', args: ['catalog', 'show', ws], code: 2, message: /Missing the catalogue id/ },
    {
      name: 'no passphrase',
      args: ['catalog', 'list', ws],
      env: { ATTEST_PASSPHRASE: '' },
      code: 16,
      message: /passphrase is needed: use --passphrase-file/,
    },
  ];
  writeFileSync(join(dir, 'controls.pdf'), '%PDF-1.7\n');
  for (const c of cases) assertOneLineError(await run(c.args, c.env), c.code, c.message, c.name);
  assert.equal(new Set(cases.filter((c) => c.code !== 2 && c.name !== 'missing workspace').map((c) => c.code)).size, 7, 'distinct codes');
  assert.deepEqual(await catalogueIds(), before);
});

test('assessment new snapshots the catalogues; assessment list shows progress and open findings', async () => {
  const { catalogues } = await json(['catalog', 'list', ws]);
  const hashOf = (id: string) => catalogues.find((c: { id: string }) => c.id === id).hash;
  const created = await json([
    'assessment',
    'new',
    ws,
    '--name',
    'Q4 platform review',
    '--client',
    'Northwind Health',
    '--assessor',
    'Dana Reyes',
    '--catalog',
    'platform-baseline',
    '--catalog',
    'tines-hardening',
    '--scope',
    'Patient portal and Tines tenant',
    '--from',
    '2026-10-01',
    '--to',
    '2026-11-30',
  ]);
  assert.equal(created.state, 'draft');
  assert.equal(created.periodStart, '2026-10-01');
  assert.deepEqual(
    created.catalogues.map((c: { id: string; hash: string }) => [c.id, c.hash]),
    [
      ['platform-baseline', hashOf('platform-baseline')],
      ['tines-hardening', hashOf('tines-hardening')],
    ],
  );
  const human = await run([
    'assessment',
    'new',
    ws,
    '--name',
    'Retool check',
    '--client',
    'Northwind Health',
    '--assessor',
    'Dana Reyes',
    '--catalog',
    'retool-hardening',
  ]);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, /^Created assessment asm_\S+: "Retool check" for Northwind Health \(Draft\), \d+ controls\.$/m);
  assert.match(
    human.stdout,
    new RegExp(
      `retool-hardening\\s+Retool platform security\\s+1\\.0\\.0\\s+${hashOf('retool-hardening')
        .replace(/^sha256:/, '')
        .slice(0, 12)}`,
    ),
  );

  const list = await run(['assessment', 'list', ws]);
  assert.equal(list.code, 0, list.stderr);
  const lines = list.stdout.trim().split('\n');
  assert.match(lines[0]!, /^ID\s+NAME\s+CLIENT\s+STATE\s+PROGRESS\s+OPEN FINDINGS$/);
  const q4 = lines.find((l) => l.startsWith(created.id))!;
  assert.match(q4, new RegExp(`Q4 platform review\\s+Northwind Health\\s+Draft\\s+0/${created.total} \\(0%\\)\\s+0$`));
  assert.equal((await json(['assessment', 'list', ws])).assessments.length, 2);
});

test('assessment new: missing options, a bad date and an unknown catalogue are clear errors that create nothing', async () => {
  const base = ['assessment', 'new', ws, '--name', 'X', '--client', 'Y', '--assessor', 'Z'];
  const count = async () => (await json(['assessment', 'list', ws])).assessments.length;
  const before = await count();
  assertOneLineError(
    await run(['assessment', 'new', ws, '--name', 'X', '--catalog', 'platform-baseline']),
    2,
    /Missing --client/,
    'no client',
  );
  assertOneLineError(await run(base), 2, /at least one catalogue with --catalog/, 'no catalogue');
  assertOneLineError(
    await run([...base, '--catalog', 'platform-baseline', '--from', '2026-02-30']),
    2,
    /--from "2026-02-30" is not a date/,
    'bad date',
  );
  assertOneLineError(
    await run([...base, '--catalog', 'platform-baseline', '--from', '2026-12-01', '--to', '2026-11-01']),
    2,
    /ends before it starts/,
    'period',
  );
  assertOneLineError(
    await run([...base, '--catalog', 'platform-baseline', '--catalog', 'nope']),
    19,
    /no catalogue "nope"/,
    'unknown catalogue',
  );
  assert.equal(await count(), before);
});

test('the shipped bin runs the catalogue commands too', async () => {
  const r = await cliProcess(['catalog', 'list', ws, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).catalogues.some((c: { id: string }) => c.id === 'tines-hardening'));
  const help = await cliProcess(['--help'], env);
  for (const name of ['catalog list', 'catalog show', 'catalog import', 'assessment list', 'assessment new'])
    assert.ok(help.stdout.includes(`  ${name} `), name);
});
