import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { LATEST_SCHEMA, migrations, openWorkspace, verifyWorkspace } from '../../../main/core/workspace';
import { codeOf, create, fileHash, PASS, tempDir } from './helpers';

const fixture = (v: number) => join(__dirname, 'fixtures', `schema-v${v}.attest`);

test('the migration list is ordered, gap-free and starts at 1', () => {
  assert.deepEqual(
    migrations.map((m) => m.version),
    Array.from({ length: LATEST_SCHEMA }, (_, i) => i + 1),
  );
  assert.ok(LATEST_SCHEMA >= 2);
});

for (let from = 1; from <= LATEST_SCHEMA; from++) {
  test(`a workspace written at schema ${from} opens, migrates to ${LATEST_SCHEMA} and keeps its data`, async (t) => {
    const path = join(tempDir(t), 'old.attest');
    copyFileSync(fixture(from), path);
    const ws = await openWorkspace(path, { passphrase: 'fixture' });
    assert.equal(ws.info().schemaVersion, LATEST_SCHEMA);
    assert.equal(ws.info().name, `Fixture at schema ${from}`);
    const settings = ws.query<{ key: string }>('SELECT key FROM settings ORDER BY key').map((r) => r.key);
    assert.deepEqual(settings, ['after', 'before-1', 'before-2', 'before-3']);
    const [blob] = ws.query<{ id: string }>('SELECT id FROM blobs');
    assert.equal((await ws.getBlob(blob!.id)).toString(), `evidence written at schema ${from}\n`);
    const migrated = ws.query<{ entity: string }>(`SELECT entity FROM audit_log WHERE action = 'schema.migrate' ORDER BY seq`);
    assert.deepEqual(
      migrated.map((m) => m.entity),
      migrations.map((m) => `schema:v${m.version}`),
      'every migration ran once, in order, and is in the audit log',
    );
    // The tables of the newest schema work on a migrated file.
    await ws.commit({
      actor: 't',
      action: 'link',
      entity: 'finding:1',
      statements: [{ sql: 'INSERT INTO blob_links (blob_id, entity) VALUES (?, ?)', params: [blob!.id, 'finding:1'] }],
    });
    await ws.close();
    const report = await verifyWorkspace(path, { passphrase: 'fixture' });
    assert.equal(report.ok, true, report.problems.join('; '));
    const again = await openWorkspace(path, { passphrase: 'fixture' });
    assert.equal(again.query('SELECT * FROM blob_links').length, 1);
    await again.close();
  });
}

test('committed fixtures are unchanged (tests copy them; opening in place would migrate them)', () => {
  const sums = readFileSync(join(__dirname, 'fixtures', 'SHA256SUMS'), 'utf8')
    .trim()
    .split('\n');
  assert.equal(sums.length, LATEST_SCHEMA, 'one fixture per schema version');
  for (const line of sums) {
    const [sum, name] = line.split(/\s+/) as [string, string];
    assert.equal(
      createHash('sha256')
        .update(readFileSync(join(__dirname, 'fixtures', name)))
        .digest('hex'),
      sum,
      name,
    );
  }
});

test('a file from a newer schema gets SCHEMA_TOO_NEW and is not modified', async (t) => {
  const path = join(tempDir(t), 'new.attest');
  const future = [...migrations, { version: LATEST_SCHEMA + 1, name: 'future', up: ['CREATE TABLE future_things (x)'] }];
  const ws = await create(path, { migrations: future });
  assert.equal(ws.info().schemaVersion, LATEST_SCHEMA + 1);
  await ws.close();
  const before = fileHash(path);
  assert.equal(await codeOf(openWorkspace(path, { passphrase: PASS })), 'SCHEMA_TOO_NEW');
  assert.equal(fileHash(path), before);
});

test('a file from a newer format gets FORMAT_TOO_NEW and is not modified', async (t) => {
  const path = join(tempDir(t), 'newer.attest');
  const ws = await create(path);
  await ws.close();
  const bytes = readFileSync(path);
  bytes.writeUInt16BE(2, 8); // format version 2, with a consistent checksum as a newer Attest would write
  createHash('sha256').update(bytes.subarray(0, 144)).digest().copy(bytes, 144);
  writeFileSync(path, bytes);
  const before = fileHash(path);
  const err = await openWorkspace(path, { passphrase: PASS }).catch((e: Error) => e);
  assert.equal((err as { code?: string }).code, 'FORMAT_TOO_NEW');
  assert.match((err as Error).message, /newer version of Attest/);
  assert.equal(fileHash(path), before);
});

test('schema 4 rebuilds findings with a vendor owner and keeps every assessment finding and its control links', async (t) => {
  const path = join(tempDir(t), 'findings.attest');
  const ws = await create(path, { targetSchema: 3 });
  const now = '2026-01-01T00:00:00.000Z';
  await ws.commit({
    actor: 't',
    action: 'finding.create',
    entity: 'finding:f1',
    statements: [
      {
        sql: `INSERT INTO findings (id, assessment_id, ref, title, description, likelihood, impact, severity, owner,
                remediation, status, created_at, created_by, updated_at, updated_by)
              VALUES ('f1', 'a1', 1, 'Weak TLS', 'TLS 1.0 accepted', 4, 4, 'high', 'ops', 'Disable it', 'open', ?, 't', ?, 't')`,
        params: [now, now],
      },
      { sql: `INSERT INTO finding_controls (finding_id, catalogue_id, control_id) VALUES ('f1', 'c', 'S.A.1')` },
    ],
  });
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.equal(again.info().schemaVersion, LATEST_SCHEMA);
  const rows = again.query<{ id: string; assessment_id: string; vendor_id: string | null; title: string }>(
    'SELECT id, assessment_id, vendor_id, title FROM findings',
  );
  assert.deepEqual(rows, [{ id: 'f1', assessment_id: 'a1', vendor_id: null, title: 'Weak TLS' }]);
  assert.equal(again.query('SELECT * FROM finding_controls f JOIN findings g ON g.id = f.finding_id').length, 1);
  // A finding must belong to exactly one of an assessment or a vendor.
  await assert.rejects(
    again.commit({
      actor: 't',
      action: 'finding.create',
      entity: 'finding:f2',
      statements: [
        {
          sql: `INSERT INTO findings (id, assessment_id, vendor_id, ref, title, description, likelihood, impact, severity, owner,
                  remediation, status, created_at, created_by, updated_at, updated_by)
                VALUES ('f2', 'a1', 'v1', 2, 'x', 'x', 1, 1, 'low', 'o', 'r', 'open', ?, 't', ?, 't')`,
          params: [now, now],
        },
      ],
    }),
  );
  await again.close();
});

test("schema 6 marks every existing answer as the vendor's own, carried from nothing and never corrected", async (t) => {
  const path = join(tempDir(t), 'answers.attest');
  const ws = await create(path, { targetSchema: 5 });
  const now = '2026-01-01T00:00:00.000Z';
  await ws.commit({
    actor: 't',
    action: 'questionnaire.import',
    entity: 'questionnaire:q1',
    statements: [
      {
        sql: `INSERT INTO questionnaires (id, vendor_id, template_id, template_version, template_body, cycle, state, created_at, created_by)
              VALUES ('q1', 'v1', 'tpl', 1, '{}', '2025', 'answered', ?, 't')`,
        params: [now],
      },
      {
        sql: `INSERT INTO answers (questionnaire_id, question_id, value, comment, updated_at, updated_by) VALUES ('q1', 'Q-1', '"yes"', '', ?, 't')`,
        params: [now],
      },
    ],
  });
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.equal(again.info().schemaVersion, LATEST_SCHEMA);
  assert.deepEqual(again.query('SELECT question_id, value, source, carried_from, original FROM answers'), [
    { question_id: 'Q-1', value: '"yes"', source: 'vendor', carried_from: null, original: null },
  ]);
  assert.deepEqual(again.query('SELECT carried_from, carry_report FROM questionnaires'), [{ carried_from: null, carry_report: null }]);
  await again.close();
});
