import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const root = join(__dirname, '../../..');
const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('electron-builder flips the security fuses', () => {
  assert.deepEqual(builder.electronFuses, {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  });
  assert.equal(builder.asar, true);
});

test('installers for macOS, Windows and Linux are configured', () => {
  assert.deepEqual(builder.mac.target, ['dmg']);
  assert.deepEqual(builder.win.target, ['nsis']);
  assert.deepEqual(builder.linux.target, ['AppImage', 'deb']);
});

test('macOS builds use the hardened runtime with only the JIT entitlement, and notarise when configured', () => {
  assert.equal(builder.mac.hardenedRuntime, true);
  assert.equal(builder.mac.notarize, true);
  const plist = readFileSync(join(root, builder.mac.entitlements), 'utf8');
  assert.deepEqual(
    [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]),
    ['com.apple.security.cs.allow-jit'],
  );
  // Signing secrets come from the environment, never from the config or the repository.
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const variable of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'])
    assert.ok(readme.includes(variable), `README documents ${variable}`);
  assert.doesNotMatch(JSON.stringify(builder), /certificatePassword|cscKeyPassword|appleIdPassword/);
});

test('Electron is pinned to an exact, currently supported major', () => {
  const version: string = pkg.dependencies.electron ?? pkg.devDependencies.electron;
  assert.match(version, /^\d+\.\d+\.\d+$/, 'exact pin');
  assert.ok(Number(version.split('.')[0]) >= 43, `Electron ${version} is one of the supported majors`);
  assert.equal(pkg.main, 'out/main/index.js');
});
