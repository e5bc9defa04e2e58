// The Electron security checklist items that live in main/shell, tested against a
// recording double of the electron module (see test/support/fake-electron.ts for why).
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { channelNames } from '../../../main/contract/ipc';
import { testCore } from '../../support/core';
import type * as Csp from '../../../main/shell/csp';
import type * as Dialogs from '../../../main/shell/dialogs';
import type * as Hardening from '../../../main/shell/hardening';
import type * as Ipc from '../../../main/shell/ipc';
import type * as Protocol from '../../../main/shell/protocol';
import type * as Window from '../../../main/shell/window';
import { fake, FakeWebContents, installFakeElectron } from '../../support/fake-electron';

installFakeElectron();
type Shell = {
  hardening: typeof Hardening;
  protocol: typeof Protocol;
  ipc: typeof Ipc;
  window: typeof Window;
  csp: typeof Csp;
  dialogs: typeof Dialogs;
};
let shell: Shell;
before(async () => {
  shell = {
    hardening: await import('../../../main/shell/hardening'),
    protocol: await import('../../../main/shell/protocol'),
    ipc: await import('../../../main/shell/ipc'),
    window: await import('../../../main/shell/window'),
    csp: await import('../../../main/shell/csp'),
    dialogs: await import('../../../main/shell/dialogs'),
  };
});

test('navigation away from the app and <webview> are prevented; app pages may load', () => {
  const contents = new FakeWebContents();
  shell.hardening.hardenWebContents(contents as never);
  for (const url of [
    'https://example.com/',
    'file:///etc/passwd',
    'http://127.0.0.1:1/',
    'attest://other/index.html',
    'javascript:alert(1)',
  ]) {
    assert.equal(contents.emitPreventable('will-navigate', url), true, `navigation to ${url} is prevented`);
    assert.equal(contents.emitPreventable('will-redirect', url), true, `redirect to ${url} is prevented`);
  }
  assert.equal(contents.emitPreventable('will-navigate', 'attest://app/index.html'), false);
  assert.equal(contents.emitPreventable('will-attach-webview'), true);
});

test("new windows are always denied; only https links go to the user's browser", () => {
  const contents = new FakeWebContents();
  shell.hardening.hardenWebContents(contents as never);
  fake.opened.length = 0;
  for (const url of [
    'https://docs.example.com/guide',
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'not a url',
  ]) {
    assert.deepEqual(contents.openHandler?.({ url }), { action: 'deny' });
  }
  assert.deepEqual(fake.opened, ['https://docs.example.com/guide']);
});

test('every permission request and check is denied; remote requests are cancelled', () => {
  let onBefore: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
  let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
  let checkHandler: ((...args: unknown[]) => boolean) | undefined;
  let deviceHandler: ((...args: unknown[]) => boolean) | undefined;
  const session = {
    setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
    setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    setDevicePermissionHandler: (h: typeof deviceHandler) => (deviceHandler = h),
    webRequest: { onBeforeRequest: (h: typeof onBefore) => (onBefore = h) },
  };
  shell.hardening.hardenSession(session as never);
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
    let granted: boolean | undefined;
    requestHandler?.(null, permission, (g) => (granted = g));
    assert.equal(granted, false, permission);
  }
  assert.equal(checkHandler?.(), false);
  assert.equal(deviceHandler?.(), false);
  const cancelled = (url: string) => {
    let result: boolean | undefined;
    onBefore?.({ url }, (r) => (result = r.cancel));
    return result;
  };
  assert.equal(cancelled('https://cdn.example.com/lib.js'), true);
  assert.equal(cancelled('http://127.0.0.1:8080/'), true);
  assert.equal(cancelled('attest://app/assets/index.js'), false);
});

test('the app protocol serves only files under the renderer folder, with the CSP header', async () => {
  const root = mkdtempSync(join(tmpdir(), 'attest-proto-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'a.js'), 'export {}');
  writeFileSync(join(tmpdir(), 'attest-secret.txt'), 'secret');
  shell.protocol.registerAppScheme();
  assert.deepEqual(fake.schemes.at(-1), { scheme: 'attest', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  shell.protocol.serveRenderer(root);
  const handle = fake.protocolHandlers.get('attest');
  assert.ok(handle);
  const index = await handle({ url: 'attest://app/index.html', method: 'GET' });
  assert.equal(index.status, 200);
  assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(index.headers.get('content-security-policy'), shell.csp.contentSecurityPolicyHeader);
  assert.equal(
    (await handle({ url: 'attest://app/assets/a.js', method: 'GET' })).headers.get('content-type'),
    'text/javascript; charset=utf-8',
  );
  for (const url of [
    'attest://app/..%2fattest-secret.txt',
    'attest://app/%2e%2e/%2e%2e/etc/passwd',
    'attest://evil/index.html',
    'attest://app/missing.js',
  ]) {
    assert.equal((await handle({ url, method: 'GET' })).status, 404, url);
  }
  assert.equal((await handle({ url: 'attest://app/index.html', method: 'POST' })).status, 404);
});

test("IPC: every contract channel is registered; only the app's top frame is served", async () => {
  const core = testCore();
  shell.ipc.registerIpc(core.dispatch);
  assert.deepEqual([...fake.ipcHandlers.keys()].sort(), [...channelNames].sort());
  const handler = fake.ipcHandlers.get('app.info');
  assert.ok(handler);
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
  const okCall = (await handler(frame('attest://app/index.html'), {})) as { ok: boolean };
  assert.equal(okCall.ok, true);
  for (const event of [
    frame('https://evil.example/'),
    frame('attest://app/index.html', {}),
    frame('file:///index.html'),
    { senderFrame: null },
  ]) {
    assert.deepEqual(await handler(event, {}), {
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from an Attest page.' },
    });
  }
});

test('the main window uses isolation, sandbox, no Node, web security and loads the app protocol', () => {
  shell.window.createMainWindow('/app/out/preload/index.js');
  const record = fake.windows.at(-1);
  assert.ok(record);
  assert.equal(record.url, 'attest://app/index.html');
  assert.deepEqual(
    { ...(record.options.webPreferences as Record<string, unknown>) },
    {
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  );
});

test('the CSP forbids inline and remote script, objects, framing and form posts', () => {
  const csp = shell.csp.contentSecurityPolicyHeader;
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
  for (const d of ["object-src 'none'", "frame-ancestors 'none'", "form-action 'none'", "base-uri 'none'"]) assert.ok(csp.includes(d), d);
});

test("file paths come from the shell's own dialogs: the page gets a handle, a save dialog confirms replacing", async () => {
  const core = testCore({ dialog: shell.dialogs.electronFileDialog() });
  shell.ipc.registerIpc(core.dispatch);
  const page = { senderFrame: { url: 'attest://app/index.html', parent: null } };
  const send = (channel: string, payload: unknown) =>
    fake.ipcHandlers.get(channel)!(page, payload) as Promise<{ ok: boolean; value?: Record<string, unknown> }>;
  const dir = mkdtempSync(join(tmpdir(), 'attest-dialog-'));
  try {
    fake.dialogAnswers.push(join(dir, 'chosen.attest'));
    const save = await send('dialog.save', { purpose: 'workspace', suggestedName: 'chosen.attest' });
    assert.equal(save.ok, true);
    assert.equal(save.value?.name, 'chosen.attest');
    assert.match(String(save.value?.handle), /^fh_/);
    assert.ok(!JSON.stringify(save.value).includes(dir), 'the page is not told the folder');
    const asked = fake.dialogs.at(-1);
    assert.equal(asked?.kind, 'save');
    assert.deepEqual(asked?.options.properties, ['createDirectory', 'showOverwriteConfirmation']);
    assert.match(String(asked?.options.defaultPath), /[\\/]chosen\.attest$/);
    const created = await send('workspace.create', { handle: save.value?.handle, name: 'Chosen', passphrase: 'chosen passphrase' });
    assert.equal(created.ok, true);
    // The user cancels: nothing to use.
    assert.deepEqual((await send('dialog.open', { purpose: 'backup' })).value, { canceled: true });
    assert.equal(fake.dialogs.at(-1)?.kind, 'open');
    assert.deepEqual(fake.dialogs.at(-1)?.options.properties, ['openFile']);
  } finally {
    await core.close();
  }
});
