// A first run on any machine, through real processes: `attest demo` builds its file
// whole or not at all (killed midway it leaves no demo file, and the next run cleans up
// after it), completes without a keychain (where the keychain features say so), and
// `npm start` without a Secret Service gets as far as launching Electron.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildDemoFile } from '../../main/core/demo/demo-file';
import { binPath, cliProcess } from '../support/cli';
import { tempDir } from '../support/core';

// A D-Bus address where nothing listens: keytar finds no Secret Service, as on a
// server or a fresh container.
const NO_SECRET_SERVICE = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/attest-no-bus' };

test('killed midway, attest demo leaves no demo file; the next run completes and clears the remains', async () => {
  const dir = tempDir('attest-demo-kill-');
  const target = join(dir, 'demo.attest');
  const env = { ...process.env, ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: '' };
  const child = spawn(process.execPath, [binPath, 'demo', target], { env, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Wait until the workspace is being seeded in its build folder, then kill the process.
  const building = () => readdirSync(dir).filter((n) => n.startsWith('.demo.attest.demo-build-'));
  const deadline = Date.now() + 60_000;
  while (!building().some((b) => existsSync(join(dir, b, 'demo.attest')))) {
    assert.ok(Date.now() < deadline, 'the demo started building');
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  await exited;
  assert.equal(existsSync(target), false, 'no demo file after a kill');
  assert.equal(building().length, 1, 'the abandoned build folder is left hidden beside it');

  const again = await cliProcess(['demo', target], { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: '' });
  assert.equal(again.code, 0, again.stderr);
  assert.ok(existsSync(target));
  assert.deepEqual(building(), [], 'the next run removed the abandoned build');
  assert.deepEqual(readdirSync(dir).sort(), ['data', 'demo.attest'], 'nothing else is left beside the demo');
});

test('without a keychain attest demo completes; the keychain features say the keychain is missing', async () => {
  const dir = tempDir('attest-demo-nokeychain-');
  const target = join(dir, 'demo.attest');
  const env = { ...NO_SECRET_SERVICE, ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: '' };
  const made = await cliProcess(['demo', target], env);
  assert.equal(made.code, 0, made.stderr);
  assert.ok(existsSync(target));
  const opened = { ...env, ATTEST_PASSPHRASE: 'attest-demo' };
  const verified = await cliProcess(['verify', target], opened);
  assert.equal(verified.code, 0, verified.stderr);
  const credentials = await cliProcess(['credential', 'list', target], opened);
  assert.notEqual(credentials.code, 0);
  assert.match(credentials.stderr, /keychain is not available/);
  const assessments = await cliProcess(['assessment', 'list', target, '--json'], opened);
  assert.equal(assessments.code, 0, assessments.stderr);
  assert.equal(JSON.parse(assessments.stdout).assessments.length, 2);
  // Asked to remember the key with no keychain, attest new refuses before making a file.
  const remembered = join(dir, 'remembered.attest');
  const refused = await cliProcess(['new', remembered, '--name', 'Remembered', '--remember'], {
    ...env,
    ATTEST_PASSPHRASE: 'a long enough passphrase for this test',
  });
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /keychain is not available/);
  assert.equal(existsSync(remembered), false, 'nothing half-done is left behind');
});

test('buildDemoFile never overwrites a file and leaves nothing when the build fails', async () => {
  const dir = tempDir('attest-demo-file-');
  const existing = join(dir, 'taken.attest');
  writeFileSync(existing, 'not mine');
  await assert.rejects(
    buildDemoFile(existing, async () => 'unused'),
    { code: 'WORKSPACE_EXISTS' },
  );
  const target = join(dir, 'demo.attest');
  await assert.rejects(
    buildDemoFile(target, async (temp) => {
      writeFileSync(temp, 'half built');
      throw new Error('seeder failed');
    }),
    /seeder failed/,
  );
  assert.deepEqual(readdirSync(dir), ['taken.attest']);
});

test('npm start without a Secret Service reaches the Electron launch', (t) => {
  const root = join(__dirname, '../..');
  if (existsSync(join(root, 'node_modules/electron/path.txt'))) {
    // With a binary, npm start opens the app and does not return; the real app is
    // launched by test/e2e/electron-app.test.ts there.
    t.skip('SKIPPED: an Electron binary is installed, so npm start would open the app window');
    return;
  }
  // In a copy of the project (node_modules linked), so its build and demo.attest stay
  // out of the checkout that other tests are reading.
  const copy = tempDir('attest-npm-start-');
  // Every tsconfig*.json: the build configs extend and reference one another.
  const configs = readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name));
  for (const entry of ['package.json', 'electron.vite.config.ts', ...configs, 'main', 'preload', 'renderer', 'catalog', 'scripts']) {
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  const r = spawnSync('npm', ['start'], {
    cwd: copy,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ...NO_SECRET_SERVICE, ATTEST_PASSPHRASE: '' },
  });
  const output = `${r.stdout}\n${r.stderr}`;
  assert.ok(existsSync(join(copy, 'demo.attest')), `the demo workspace was created:\n${output.slice(-3000)}`);
  assert.doesNotMatch(output, /keychain/i);
  // The build passed and electron-vite got to starting Electron, which stops there
  // because this machine has no binary.
  assert.match(
    output,
    /Error: Electron uninstall\s+at getElectronPath[^\n]*\n\s+at startElectron/,
    `npm start stopped before the Electron launch (exit ${r.status}):\n${output.slice(-3000)}`,
  );
});
