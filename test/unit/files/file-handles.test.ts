// Paths come from the user, not the renderer: every channel that reads or writes a file
// takes a handle the core issued for a file chosen in the main process's own dialog.
// A raw path is refused by the contract; a handle is single-use and serves one purpose.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { channels } from '../../../main/contract/ipc';
import type { DialogRequest } from '../../../main/core/files/dialogs';
import { MAX_OPEN_HANDLES } from '../../../main/core/files/handles';
import { tempDir, testCore } from '../../support/core';
import { call, chosen, failure } from '../../support/dispatch';

const PASS = 'handles are not paths';

/** A core whose "system dialog" answers the queued paths and records what it was asked. */
function coreWithDialog() {
  const answers: (string | null)[] = [];
  const asked: DialogRequest[] = [];
  const core = testCore({
    dialog: async (request) => {
      asked.push(request);
      return answers.shift() ?? null;
    },
  });
  return { core, answers, asked };
}

/** The renderer's side of the door: same dispatcher, origin renderer. */
const fromRenderer = (core: ReturnType<typeof testCore>, channel: string, payload: unknown) =>
  core.dispatch(channel, payload, { origin: 'renderer' });

test('a renderer-style call naming a path is refused by the contract, and nothing is touched', async () => {
  const core = testCore();
  const dir = tempDir('attest-paths-');
  const victim = join(dir, 'victim.txt');
  writeFileSync(victim, 'precious');
  try {
    const refusals: [string, unknown][] = [
      ['workspace.create', { path: join(dir, 'deep', 'new.attest'), name: 'X', passphrase: PASS }],
      ['workspace.create', { handle: join(dir, 'new.attest'), name: 'X', passphrase: PASS }],
      ['workspace.open', { path: victim, passphrase: PASS }],
      ['workspace.open', { handle: victim, passphrase: PASS }],
      ['workspace.forgetRecent', { path: victim }],
      ['export.backup', { to: victim, overwrite: true }],
      ['export.restore', { from: victim, to: join(dir, 'r.attest'), passphrase: PASS }],
      ['dialog.save', { purpose: 'backup', suggestedName: '../../etc/cron.d/x' }],
      ['dialog.save', { purpose: 'workspace', defaultPath: dir }],
    ];
    for (const [channel, payload] of refusals) {
      const r = await fromRenderer(core, channel, payload);
      assert.equal(r.ok, false, `${channel} ${JSON.stringify(payload)} is refused`);
      assert.equal(!r.ok && r.error.code, 'INVALID_REQUEST', `${channel} is refused by its schema`);
    }
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
    assert.equal(existsSync(join(dir, 'deep')), false, 'no folder was made');
  } finally {
    await core.close();
  }
});

// Fields that name where a file is: none may take a filesystem path as a string. The
// exceptions name no file: credential.test's path is the HTTP request path sent to an
// approved host, and the compare channels' from and to are the ids of what is compared.
const LOCATION_FIELD = /^(path|to|from|file|filename|dir|directory|folder|out|output|dest|destination)$/i;
const NOT_A_FILE = new Set([
  'credential.test.path',
  'dashboard.compare.from',
  'dashboard.compare.to',
  'questionnaire.compare.from',
  'questionnaire.compare.to',
]);

test('no channel of the contract takes a filesystem path in a field that names a file', () => {
  const probes = ['/tmp/attest-probe.attest', 'C:\\Users\\x\\probe.attest', '../probe.attest'];
  const open: string[] = [];
  const seen: string[] = [];
  for (const [name, def] of Object.entries(channels)) {
    const shape = (def.request as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
    assert.ok(shape, `${name} has an object request`);
    for (const [key, field] of Object.entries(shape)) {
      if (!LOCATION_FIELD.test(key) || NOT_A_FILE.has(`${name}.${key}`)) continue;
      seen.push(`${name}.${key}`);
      for (const probe of probes) if (field.safeParse(probe).success) open.push(`${name}.${key} takes ${probe}`);
    }
  }
  assert.deepEqual(open, []);
  for (const field of ['export.backup.to', 'export.restore.from', 'export.restore.to', 'catalog.import.file'])
    assert.ok(seen.includes(field), `${field} is checked`);
});

test('a handle works once, for its own purpose only; unknown handles are refused', async () => {
  const core = testCore();
  const dir = tempDir('attest-paths-');
  const path = join(dir, 'one.attest');
  try {
    // Chosen for opening: cannot create (or overwrite) with it.
    const forOpen = chosen(core, path, 'open:workspace');
    assert.equal((await failure(core, 'workspace.create', { handle: forOpen, name: 'One', passphrase: PASS })).code, 'FILE_HANDLE_PURPOSE');
    assert.equal(existsSync(path), false);

    const forSave = chosen(core, path, 'save:workspace');
    assert.equal((await call(core, 'workspace.create', { handle: forSave, name: 'One', passphrase: PASS })).state, 'open');
    assert.equal((await failure(core, 'workspace.create', { handle: forSave, name: 'Again', passphrase: PASS })).code, 'FILE_HANDLE_USED');

    // A backup target cannot be used as a workspace to open, nor a workspace choice as a backup target.
    const backupTarget = chosen(core, join(dir, 'b.attest'), 'save:backup');
    assert.equal((await failure(core, 'workspace.open', { handle: backupTarget, passphrase: PASS })).code, 'FILE_HANDLE_PURPOSE');
    assert.equal(
      (await failure(core, 'export.backup', { to: chosen(core, join(dir, 'c.attest'), 'save:workspace') })).code,
      'FILE_HANDLE_PURPOSE',
    );
    assert.equal((await call(core, 'export.backup', { to: backupTarget })).path, join(dir, 'b.attest'));
    assert.equal((await failure(core, 'export.backup', { to: backupTarget, overwrite: true })).code, 'FILE_HANDLE_USED');

    // A handle no dialog issued.
    assert.equal(
      (await failure(core, 'workspace.open', { handle: 'fh_AAAAAAAAAAAAAAAAAAAAAAAA', passphrase: PASS })).code,
      'FILE_HANDLE_UNKNOWN',
    );

    // A failed use (wrong passphrase) leaves the handle for a retry; success spends it.
    await call(core, 'workspace.close', {});
    const reopen = chosen(core, path, 'open:workspace');
    assert.equal((await failure(core, 'workspace.open', { handle: reopen, passphrase: 'not it' })).code, 'WRONG_PASSPHRASE');
    assert.equal((await call(core, 'workspace.open', { handle: reopen, passphrase: PASS })).state, 'open');
    await call(core, 'workspace.close', {});
    assert.equal((await failure(core, 'workspace.open', { handle: reopen, passphrase: PASS })).code, 'FILE_HANDLE_USED');

    // Unused handles do not pile up: the oldest are forgotten.
    const first = chosen(core, path, 'open:workspace');
    for (let i = 0; i < MAX_OPEN_HANDLES; i++) chosen(core, path, 'open:workspace');
    assert.equal((await failure(core, 'workspace.open', { handle: first, passphrase: PASS })).code, 'FILE_HANDLE_UNKNOWN');
  } finally {
    await core.close();
  }
});

test('dialog channels answer a handle and a name, never the path; a cancel answers canceled', async () => {
  const { core, answers, asked } = coreWithDialog();
  const dir = tempDir('attest-paths-');
  const path = join(dir, 'northwind.attest');
  try {
    answers.push(path);
    const save = await call(core, 'dialog.save', { purpose: 'workspace', suggestedName: 'northwind.attest' });
    assert.equal(save.canceled, false);
    assert.ok(!save.canceled && save.name === 'northwind.attest');
    assert.ok(!JSON.stringify(save).includes(dir), 'the answer carries no folder');
    assert.equal(asked[0]?.kind, 'save');
    assert.match(asked[0]!.defaultPath, /northwind\.attest$/);
    assert.deepEqual(asked[0]?.filters[0], { name: 'Attest workspace', extensions: ['attest'] });
    assert.ok(!save.canceled);
    await call(core, 'workspace.create', { handle: save.handle, name: 'Northwind', passphrase: PASS });
    assert.ok(existsSync(path));

    // A backup's save dialog starts beside the open workspace, named after it.
    assert.deepEqual(await call(core, 'dialog.save', { purpose: 'backup' }), { canceled: true });
    assert.equal(asked[1]?.defaultPath, join(dir, 'northwind-backup.attest'));

    // The recent list is opened by id.
    await call(core, 'workspace.close', {});
    const [entry] = (await call(core, 'workspace.recent', {})).recent;
    assert.equal(entry?.path, path);
    assert.equal((await call(core, 'workspace.open', { recent: entry!.id, passphrase: PASS })).state, 'open');
    assert.equal((await failure(core, 'workspace.open', { recent: 'rw_nosuchentry00', passphrase: PASS })).code, 'RECENT_NOT_FOUND');
  } finally {
    await core.close();
  }
});

test('without a system dialog (the CLI), the dialog channels refuse with a declared error', async () => {
  const core = testCore();
  try {
    assert.equal((await failure(core, 'dialog.open', { purpose: 'workspace' })).code, 'DIALOG_UNAVAILABLE');
  } finally {
    await core.close();
  }
});
