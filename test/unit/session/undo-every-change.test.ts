// Undo takes back every kind of change, through the workspace.undo channel. The demo's
// seeders make the changes a user makes (results, evidence with files, findings,
// catalogues, vendors, certifications, credentials, questionnaires and their imports,
// conclusions, check runs and decisions, settings, signing identities): after each
// seeder, every change it made is undone newest first and the workspace must be exactly
// as it was before the seeder ran. An issued report is the one change that refuses.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ResponseOf, Result } from '../../../main/contract/ipc';
import type { Core } from '../../../main/core/core';
import { demoContext, demoSeeders } from '../../../main/core/demo/demo';
import type { Workspace } from '../../../main/core/workspace';
import { call, chosen } from '../../support/dispatch';
import { tempDir, testCore } from '../../support/core';

/** Every row of every table but the audit log, with rowids, and the search index's content. */
function stateOf(ws: Workspace): string {
  const hash = createHash('sha256');
  const tables = ws
    .query<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .map((t) => t.name)
    .filter((n) => n !== 'audit_log' && !n.startsWith('sqlite_') && !n.startsWith('controls_fts'));
  for (const name of tables) hash.update(name).update(JSON.stringify(ws.query(`SELECT rowid AS __rowid, * FROM "${name}" ORDER BY rowid`)));
  hash.update(JSON.stringify(ws.query('SELECT docid, * FROM controls_fts ORDER BY docid')));
  return hash.digest('hex');
}

function undo(core: Core) {
  return core.dispatch('workspace.undo', {}, { origin: 'renderer' }) as Promise<Result<ResponseOf<'workspace.undo'>>>;
}

test('every change the demo makes is undone through the channel, newest first, back to the state before it', async () => {
  const core = testCore();
  try {
    const path = join(tempDir('attest-undo-'), 'undo.attest');
    const created = await core.dispatch(
      'workspace.create',
      { handle: chosen(core, path, 'save:workspace'), name: 'Undo', passphrase: 'pass' },
      { origin: 'renderer' },
    );
    assert.equal(created.ok, true, JSON.stringify(created));
    const nothing = await undo(core);
    assert.equal(nothing.ok ? 'OK' : nothing.error.code, 'NOTHING_TO_UNDO');
    // Built-in catalogues and templates are installed by the first read that needs them,
    // outside the undo history: done before the first state is taken.
    for (const read of ['catalog.list', 'template.list'] as const)
      assert.equal((await core.dispatch(read, {}, { origin: 'renderer' })).ok, true);
    const context = demoContext(core);
    const { ws } = context;
    const undoneActions = new Set<string>();
    let refusedReport = false;
    for (const seeder of demoSeeders) {
      const before = stateOf(ws);
      const seqBefore = ws.info().lastSeq;
      await seeder.seed(context);
      const made = ws.query<{ action: string }>('SELECT action FROM audit_log WHERE seq > ?', [seqBefore]);
      assert.ok(made.length > 0, `${seeder.name} changed something`);
      let undone = 0;
      for (;;) {
        const last = ws.lastChange();
        if (!last || last.seq <= seqBefore) break;
        const r = await undo(core);
        if (!r.ok) {
          assert.equal(r.error.code, 'UNDO_REFUSED', r.error.message);
          assert.equal(last.action, 'report.issue', `only an issued report refuses (${r.error.message})`);
          assert.match(r.error.message, /cannot be undone: an issued report stays on record/);
          refusedReport = true;
          break;
        }
        assert.equal(r.value.undone.seq, last.seq);
        assert.ok(r.seq !== undefined && r.seq > last.seq, 'the undo answers with its own commit number');
        undoneActions.add(r.value.undone.action.replace(/\.(met|not-met|partial|not-applicable|file|link|note|xlsx)$/, ''));
        undone++;
      }
      if (seeder.name.startsWith('report branding')) {
        assert.ok(refusedReport, 'the issued report refused');
      } else {
        assert.equal(undone, made.filter((m) => m.action !== 'blob.put').length, `${seeder.name}: every change was undone`);
        assert.equal(stateOf(ws), before, `${seeder.name}: undone back to the state before it`);
        // Made again, for the seeders after it.
        await seeder.seed(context);
      }
    }
    for (const kind of [
      'assessment.create',
      'assessment.review',
      'assessment.final',
      'result',
      'evidence.add',
      'finding.create',
      'catalog.install',
      'vendor.create',
      'vendor.certification.add',
      'vendor.credential.add',
      'vendor.document.add',
      'vendor.tier.override',
      'template.add',
      'questionnaire.create',
      'questionnaire.import',
      'questionnaire.conclude.reject',
      'check.target.add',
      'check.run',
      'check.decide.accept',
      'settings.update',
      'evidence',
      'vendor.credential.revoke',
      'finding.status.risk-accepted',
    ]) {
      assert.ok(undoneActions.has(kind), `a ${kind} change was undone (undone: ${[...undoneActions].sort().join(', ')})`);
    }
    // The undos are audited as the caller's, and the audit log names what they changed.
    const audited = ws.query<{ actor: string }>(`SELECT DISTINCT actor FROM audit_log WHERE action = 'workspace.undo'`);
    assert.equal(audited.length, 1);
    const listed = await call(core, 'audit.list', { kind: 'workspace', text: 'undoes vendor.create', limit: 5 });
    assert.ok(listed.entries.length > 0, 'undone vendor creations are in the log');
    // The vendors are gone again (made again under new ids), so some may be unnamed; the
    // ones made again before a later undo are named.
    assert.ok(
      listed.entries.every((e) => /^vendor:\S+ · undoes vendor\.create \(commit \d+\)$/.test(e.entity)),
      listed.entries.map((e) => e.entity).join('\n'),
    );
    // A status change taken back is named by its control (unless its assessment is gone too).
    const results = await call(core, 'audit.list', { kind: 'workspace', text: 'undoes result', limit: 50 });
    const named = results.entries.filter((e) => e.entityName !== null);
    assert.ok(named.length > 0, 'some are named');
    for (const e of named) assert.match(e.entityName!, /^Control \S+ of “[^”]+”$/);
  } finally {
    await core.close();
  }
});
