// The desktop app as users install it: packaged by electron-builder from the real
// config (against a stand-in Electron binary, see test/support/package-app.ts), then
// its main process started from the package in plain Node with the recording double
// of `electron` (test/support/fake-electron.ts). The first test to fail when
// packaging breaks. The real binary is covered by test/e2e/electron-app.test.ts where
// it exists.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { before, describe, test } from 'node:test';
import * as asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { parse } from 'yaml';
import { channelNames } from '../../main/contract/ipc';
import { emitReady, emulateAsarNativeRedirect, fake, installFakeElectron, nativeLoads, resetFake } from '../support/fake-electron';
import { ELECTRON_DEFAULT_WIRE, FUSE_SENTINEL, packageApp, root, type PackagedApp } from '../support/package-app';

const ASAR_BUDGET = 15 * 1024 * 1024;
const builderConfig = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

let app: PackagedApp;
let entries: { path: string; size: number; unpacked: boolean }[];

before(() => {
  app = packageApp();
  entries = [];
  for (const p of asar.listPackage(app.asar, { isPack: false })) {
    const s = asar.statFile(app.asar, p.slice(1), false) as { size?: number; files?: unknown; unpacked?: boolean };
    if (s.files === undefined && typeof s.size === 'number')
      entries.push({ path: p.slice(1).split(sep).join('/'), size: s.size, unpacked: s.unpacked === true });
  }
});

describe('packaging (electron-builder --dir, Linux)', () => {
  test('every fuse in electron-builder.yml reads back from the packaged binary as configured', async () => {
    assert.equal(FUSE_SENTINEL, SENTINEL, 'the stand-in carries the sentinel @electron/fuses looks for');
    const wire = await getCurrentFuseWire(app.executable);
    const configured = Object.entries(builderConfig.electronFuses as Record<string, boolean>);
    assert.equal(configured.length, ELECTRON_DEFAULT_WIRE.length, 'the config sets every fuse of the wire');
    let flipped = 0;
    for (const [name, on] of configured) {
      const index = FuseV1Options[(name[0]!.toUpperCase() + name.slice(1)) as keyof typeof FuseV1Options];
      assert.notEqual(index, undefined, `${name} is a fuse @electron/fuses knows`);
      assert.equal(wire[index], on ? FuseState.ENABLE : FuseState.DISABLE, `fuse ${name} reads ${on ? 'on' : 'off'}`);
      if (ELECTRON_DEFAULT_WIRE[index] !== (on ? '1' : '0')) flipped++;
    }
    assert.ok(flipped >= 5, `packaging flipped ${flipped} fuses away from Electron's defaults`);
    assert.equal(wire[FuseV1Options.RunAsNode], FuseState.DISABLE);
  });

  test(`app.asar stays within ${ASAR_BUDGET / 1024 / 1024} MB and ships only what runs`, () => {
    const size = statSync(app.asar).size;
    const largest = [...entries]
      .filter((e) => !e.unpacked)
      .sort((a, b) => b.size - a.size)
      .slice(0, 10);
    console.log(`app.asar: ${(size / 1024 / 1024).toFixed(2)} MB, ${entries.length} files; 10 largest entries:`);
    for (const e of largest) console.log(`  ${(e.size / 1024).toFixed(0).padStart(7)} KB  ${e.path}`);
    assert.ok(size <= ASAR_BUDGET, `app.asar is ${size} bytes`);
    const paths = entries.map((e) => e.path);
    for (const required of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'package.json'])
      assert.ok(paths.includes(required), required);
    assert.ok(
      paths.some((p) => p.startsWith('out/renderer/assets/') && p.endsWith('.js')),
      'renderer script',
    );
    assert.ok(
      paths.some((p) => /^catalog\/.+\.yaml$/.test(p)),
      'catalogues',
    );
    assert.ok(
      paths.some((p) => p.startsWith('catalog/questionnaires/')),
      'questionnaire templates',
    );
    assert.deepEqual(
      paths.filter((p) => p.endsWith('.map')),
      [],
      'no source maps',
    );
    assert.deepEqual(
      paths.filter((p) => p.startsWith('out/cli/') || /(^|\/)(test|tests|__tests__)\//.test(p)),
      [],
      'no CLI bundle copy, no tests',
    );
    // Runtime dependencies only: the bundlers inlined the rest.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const dev of Object.keys(pkg.devDependencies))
      assert.ok(!paths.some((p) => p.startsWith(`node_modules/${dev}/`)), `devDependency ${dev} is not shipped`);
    assert.deepEqual(
      paths.filter((p) => /node_modules\/sql\.js\/dist\//.test(p)).sort(),
      ['node_modules/sql.js/dist/sql-wasm.js', 'node_modules/sql.js/dist/sql-wasm.wasm'],
      'one sql.js build',
    );
  });

  test('keytar.node and the sql.js wasm are unpacked beside the archive', () => {
    for (const file of ['node_modules/keytar/build/Release/keytar.node', 'node_modules/sql.js/dist/sql-wasm.wasm']) {
      assert.equal(entries.find((e) => e.path === file)?.unpacked, true, `${file} is marked unpacked`);
      assert.ok(existsSync(join(app.unpacked, file)), `${file} is in app.asar.unpacked`);
    }
  });

  test('the report worker is where the main bundle looks for it', () => {
    const main = asar.extractFile(app.asar, 'out/main/index.js').toString('utf8');
    assert.match(main, /render\.worker\./, 'the main bundle starts ./render.worker.js beside itself');
    const worker = entries.find((e) => e.path === 'out/main/render.worker.js');
    assert.ok(worker && !worker.unpacked, 'out/main/render.worker.js is in the archive');
    const code = asar.extractFile(app.asar, 'out/main/render.worker.js').toString('utf8');
    assert.doesNotMatch(code, /require\("\.\/index\.js"\)|require\("electron"\)/, 'the worker loads neither the app entry nor electron');
  });
});

describe('the packaged main process starts (plain Node, recording electron double)', () => {
  let appDir: string;
  let mainFile: string;
  let work: string;
  const trusted = { senderFrame: { parent: null, url: 'attest://app/index.html' } };
  const invoke = async (channel: string, payload: unknown) => {
    const handler = fake.ipcHandlers.get(channel);
    assert.ok(handler, `${channel} is registered`);
    const result = (await handler(trusted, payload)) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    assert.ok(result.ok, `${channel}: ${JSON.stringify(result.error)}`);
    return result.value as never;
  };

  before(() => {
    // The installed layout: resources/app.asar (here a folder holding the archive's
    // files) beside resources/app.asar.unpacked. Electron's fs reads an unpacked file
    // (the sql.js wasm) through its archive path, which the folder allows too; a native
    // module it loads from app.asar.unpacked, so the .node files in the folder are
    // replaced by unloadable placeholders (the archive lists them, their bytes are only
    // unpacked) and load only through that rule (emulateAsarNativeRedirect).
    work = mkdtempSync(join(tmpdir(), 'attest-packaged-start-'));
    appDir = join(work, 'resources', 'app.asar');
    asar.extractAll(app.asar, appDir);
    cpSync(app.unpacked, join(work, 'resources', 'app.asar.unpacked'), { recursive: true });
    for (const e of entries.filter((x) => x.unpacked && x.path.endsWith('.node')))
      writeFileSync(join(appDir, e.path), 'not loadable from inside the archive');
    mainFile = join(appDir, 'out/main/index.js');
    installFakeElectron();
    emulateAsarNativeRedirect();
  });

  const start = async (isPackaged: boolean) => {
    delete require.cache[mainFile];
    resetFake({ isPackaged, appPath: appDir, userData: mkdtempSync(join(work, 'user-data-')) });
    createRequire(__filename)(mainFile);
    await emitReady();
  };

  test('dev-only switches are honoured only when not packaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://127.0.0.1:5173/';
    try {
      await start(false);
      assert.equal(fake.windows.at(-1)?.url, 'http://127.0.0.1:5173/', 'unpackaged, the dev server is used (the switch is real)');
      await start(true);
      assert.equal(fake.windows.at(-1)?.url, 'attest://app/index.html', 'packaged, the environment cannot redirect the window');
    } finally {
      delete process.env.ELECTRON_RENDERER_URL;
    }
  });

  test('a packaged start refuses remote-debugging switches; unpackaged they are left to the developer', async () => {
    const argv = process.argv;
    try {
      process.argv = [join(app.appOutDir, 'attest'), '--remote-debugging-port=9222'];
      await start(true);
      assert.equal(fake.exitCode, 2, 'refused');
      assert.deepEqual(fake.windows, [], 'no window');
      assert.equal(fake.ipcHandlers.size, 0, 'no IPC');
      process.argv = [process.execPath, mainFile, '--remote-debugging-port=9222'];
      await start(false);
      assert.equal(fake.exitCode, undefined);
      assert.equal(fake.windows.length, 1, 'a development start opens the window');
    } finally {
      process.argv = argv;
    }
  });

  test('`<app> cli <command>` runs the command with no window and exits with its code', async () => {
    const argv = process.argv;
    const exitCode = async () => {
      for (let i = 0; i < 6000 && fake.exitCode === undefined; i++) await new Promise((r) => setTimeout(r, 10));
      return fake.exitCode;
    };
    try {
      // The demo workspace the first run below opens, built by the packaged app itself.
      process.argv = [join(app.appOutDir, 'attest'), 'cli', 'demo', join(work, 'demo.attest')];
      await start(true);
      assert.equal(await exitCode(), 0);
      assert.deepEqual(fake.windows, [], 'no window');
      assert.equal(fake.ipcHandlers.size, 0, 'no IPC: the app shell did not start');
      assert.ok(existsSync(join(work, 'demo.attest')));
      process.argv = [join(app.appOutDir, 'attest'), 'cli', 'verify', join(work, 'missing.attest')];
      await start(true);
      assert.equal(await exitCode(), 4, 'the CLI exit code for a missing file');
    } finally {
      process.argv = argv;
    }
  });

  test('a first run: window, app protocol, channels, demo workspace, a signed report through the packaged worker', async () => {
    await start(true);
    assert.equal(fake.sandboxEnabled, true);
    assert.equal(fake.sessionHardened, true);

    const [window] = fake.windows;
    const prefs = window?.options.webPreferences as { preload: string; sandbox: boolean; contextIsolation: boolean };
    assert.ok(prefs.preload.startsWith(appDir) && existsSync(prefs.preload), `preload ${prefs.preload} is in the package`);
    assert.equal(window?.url, 'attest://app/index.html');

    const serve = fake.protocolHandlers.get('attest');
    assert.ok(serve, 'attest:// is served');
    const page = await serve({ url: 'attest://app/index.html', method: 'GET' });
    assert.equal(page.status, 200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(
      assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')),
      `index.html links its assets: ${assets.join(', ')}`,
    );
    for (const asset of assets) {
      const r = await serve({ url: `attest://app/${asset}`, method: 'GET' });
      assert.equal(r.status, 200, asset);
      assert.equal(
        Buffer.from(await r.arrayBuffer()).length,
        statSync(join(appDir, 'out/renderer', asset)).size,
        `${asset} is the packaged file`,
      );
      assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    }
    assert.equal((await serve({ url: 'attest://app/../../package.json', method: 'GET' })).status, 404);

    assert.deepEqual([...fake.ipcHandlers.keys()].sort(), [...channelNames].sort(), 'every channel is registered');

    // The demo workspace (built by `<app> cli demo` above), opened through the packaged app.
    const demo = join(work, 'demo.attest');
    // The file comes from the shell's own open dialog (here the double's answer), as a handle.
    fake.dialogAnswers.push(demo);
    const picked = (await invoke('dialog.open', { purpose: 'workspace' })) as { canceled: boolean; handle: string; name: string };
    assert.deepEqual([picked.canceled, picked.name, fake.dialogs.at(-1)?.kind], [false, 'demo.attest', 'open']);
    const opened = await invoke('workspace.open', { handle: picked.handle, passphrase: 'attest-demo' });
    assert.ok((opened as { name?: string }).name?.startsWith('Demo'), JSON.stringify(opened));

    const { identities } = (await invoke('report.identity.list', {})) as { identities: { fingerprint: string; canSign: boolean }[] };
    const signer = identities.find((i) => i.canSign);
    assert.ok(
      signer,
      `the demo identity's passphrase is in the keychain: ${JSON.stringify(identities)} (native loads: ${nativeLoads.join(', ')})`,
    );
    const { assessments } = (await invoke('assessment.list', {})) as { assessments: { id: string }[] };
    const { jobId } = (await invoke('report.issue', {
      kind: 'engagement',
      subjectId: assessments[0]!.id,
      classification: 'INTERNAL',
      signerFingerprint: signer.fingerprint,
    })) as { jobId: string };
    let job: { state: string; report: { id: string; signerFingerprint: string | null } | null; error: unknown };
    for (;;) {
      job = await invoke('report.progress', { jobId });
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.equal(job.report?.signerFingerprint, signer.fingerprint);
    const file = (await invoke('report.file', { id: job.report!.id })) as { dataBase64: string; name: string };
    const verdict = (await invoke('report.verify', { pdf: { name: file.name, dataBase64: file.dataBase64 } })) as { status: string };
    assert.equal(verdict.status, 'valid');

    const keytarLoads = nativeLoads.filter((p) => p.endsWith(`${sep}keytar.node`));
    assert.ok(keytarLoads.length > 0, 'keytar was loaded');
    for (const p of keytarLoads) assert.ok(p.startsWith(join(work, 'resources', 'app.asar.unpacked')) && existsSync(p), `keytar from ${p}`);
  });
});
