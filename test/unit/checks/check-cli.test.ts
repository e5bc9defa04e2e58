// `attest credential …` and `attest check …` through the real bin: the value goes in on
// stdin and never comes out, and a one-off run against a loopback HTTPS server with a test
// CA exits 0 on pass and with a distinct code for fail, could-not-verify and errors.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { exitCodes } from '../../../main/cli/exit-codes';
import { keychainWorks } from '../../../main/core/keychain/keychain';
import { cli, cliProcess } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { call, chosen } from '../../support/dispatch';
import { requirePart } from '../../support/require';
import { startSite, strongHeaders } from './support/channels';
import { TestPki } from './support/pki';
import type { RunningServer } from './support/servers';

const dir = tempDir('attest-check-cli-');
const ws = join(dir, 'cli.attest');
const PASS = 'check cli passphrase';
const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: PASS };
const pki = new TestPki();
const caFile = join(dir, 'ca.pem');
let good: RunningServer;
let weak: RunningServer;

before(async () => {
  writeFileSync(caFile, pki.ca.certPem);
  good = await startSite(pki, strongHeaders);
  weak = await startSite(pki, { server: 'nginx/1.18.0 (Ubuntu)', 'x-powered-by': 'Express' });
  const core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, ws, 'save:workspace'),
    name: 'Check CLI',
    passphrase: PASS,
    remember: false,
  });
  await core.close();
});
after(async () => {
  await good.close();
  await weak.close();
});

test('check list names every check with the controls it evidences', async () => {
  const r = await cli(['check', 'list', '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  const { checks } = JSON.parse(r.stdout) as { checks: { id: string; controls: string[] }[] };
  assert.ok(checks.find((c) => c.id === 'web.hsts')!.controls.includes('threat-model-review:TM.T.3'));
  const human = await cli(['check', 'list'], env);
  assert.match(human.stdout.split('\n')[0]!, /^ID\s+TITLE\s+CREDENTIAL\s+CONTROLS$/);
});

test('check run: pass exits 0, fail, could-not-verify and errors each have their own code', async () => {
  const pass = await cli(['check', 'run', 'web.hsts', '--target', `https://127.0.0.1:${good.port}/`, '--ca', caFile, '--json'], env);
  assert.equal(pass.code, 0, pass.stderr + pass.stdout);
  assert.equal(JSON.parse(pass.stdout).status, 'pass');
  const fail = await cli(['check', 'run', 'web.stack-disclosure', '--target', `https://127.0.0.1:${weak.port}/`, '--ca', caFile], env);
  assert.equal(fail.code, exitCodes.CHECK_FAIL, fail.stderr);
  assert.match(fail.stdout, /status: fail \(suggests not-met\)/);
  assert.match(fail.stdout, /remediation: /);
  const unverified = await cli(['check', 'run', 'web.hsts', '--target', `https://127.0.0.1:${good.port}/`, '--json'], env);
  assert.equal(unverified.code, exitCodes.CHECK_COULD_NOT_VERIFY, 'without the CA the chain does not verify');
  assert.equal(JSON.parse(unverified.stdout).errorCode, 'TLS_VERIFICATION_FAILED');
  const bad = await cli(['check', 'run', 'web.hsts', '--target', 'ftp://x'], env);
  assert.equal(bad.code, exitCodes.CHECK_ERROR);
  const unknown = await cli(['check', 'run', 'web.nope', '--target', 'x'], env);
  assert.equal(unknown.code, exitCodes.UNKNOWN_CHECK);
  assert.match(unknown.stderr, /^attest: There is no live check called "web.nope"/);
  const needsCredential = await cli(['check', 'run', 'saas.tines.tenant', '--target', 'https://127.0.0.1/'], env);
  assert.equal(needsCredential.code, exitCodes.USAGE);
});

test('credential add reads the value from stdin, list never shows it, delete removes it', async (t) => {
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const secret = `cli-secret-${Date.now()}-value`;
  const added = await cliProcess(
    ['credential', 'add', ws, '--label', 'GitHub read-only', '--kind', 'bearer', '--hosts', 'api.github.com,127.0.0.1', '--json'],
    env,
    `${secret}\n`,
  );
  assert.equal(added.code, 0, added.stderr);
  const meta = JSON.parse(added.stdout) as { id: string; hosts: string[] };
  assert.deepEqual(meta.hosts, ['127.0.0.1', 'api.github.com']);
  assert.ok(!added.stdout.includes(secret) && !added.stderr.includes(secret));
  const list = await cli(['credential', 'list', ws], env);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /GitHub read-only\s+bearer\s+127\.0\.0\.1,api\.github\.com/);
  assert.ok(!list.stdout.includes(secret));
  const argv = await cli(['credential', 'add', ws, '--label', 'x', '--kind', 'bearer', '--hosts', 'a.example', '--value', secret], env);
  assert.equal(argv.code, exitCodes.USAGE, 'no --value option: a secret never goes on the command line');
  const empty = await cliProcess(
    ['credential', 'add', ws, '--label', 'x', '--kind', 'header', '--header-name', 'X-Api-Key', '--hosts', 'a.example'],
    env,
    '',
  );
  assert.equal(empty.code, exitCodes.INVALID_CREDENTIAL);
  const del = await cli(['credential', 'delete', ws, meta.id], env);
  assert.equal(del.code, 0, del.stderr);
  const again = await cli(['credential', 'delete', ws, meta.id], env);
  assert.equal(again.code, exitCodes.CREDENTIAL_NOT_FOUND);
  assert.match((await cli(['credential', 'list', ws], env)).stdout, /No credentials saved/);
});
