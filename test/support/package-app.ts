// Packages the desktop app the way `npm run dist` does, but for Linux as a folder
// (electron-builder --dir) and against a stand-in Electron distribution, because the
// Electron binary cannot be downloaded on this project's machines. Everything else is
// the real electron-builder run: the real config, asar, unpacking, fuse flipping.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(__dirname, '../..');

/** Electron's fuse sentinel: @electron/fuses finds the fuse wire right after it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's own defaults for the eight V1 fuses, in wire order ('1' on, '0' off):
 * RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity
 * off, only-load-from-asar off, browser V8 snapshot off, file:// privileges on.
 */
export const ELECTRON_DEFAULT_WIRE = '10110001';

/**
 * A stand-in Electron distribution for Linux: a small executable named `electron` that
 * carries the fuse wire exactly as Electron lays it out (sentinel, wire version 1, wire
 * length, one state byte per fuse), plus the files electron-builder moves around. It
 * cannot run an app; it lets the packaging and fuse flipping run for real.
 */
export function standInElectronDist(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run an app" >&2\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE),
  ]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in for the Electron licence\n');
  writeFileSync(join(dir, 'version'), '45.4.1');
  return dir;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export interface PackagedApp {
  /** linux-unpacked: the installed app folder */
  appOutDir: string;
  executable: string;
  asar: string;
  unpacked: string;
}

/**
 * Builds the bundles (electron-vite: main with its report worker, preload, renderer)
 * unless test/run.mjs has just built them (ATTEST_OUT_BUILT=1; rebuilding out/ then
 * would pull files from under the browser tests running beside this one), and packages
 * them. Native modules are not rebuilt for Electron's ABI here (npmRebuild=false): there
 * are no Electron headers to build against, and the packaged main process is then run
 * in plain Node, whose ABI keytar was built for.
 */
export function packageApp(): PackagedApp {
  if (process.env.ATTEST_OUT_BUILT !== '1') run('npx', ['electron-vite', 'build']);
  const work = mkdtempSync(join(tmpdir(), 'attest-package-'));
  const dist = standInElectronDist(join(work, 'electron-dist'));
  const output = join(work, 'dist');
  run('npx', [
    'electron-builder',
    '--linux',
    '--dir',
    '--config',
    'electron-builder.yml',
    `-c.electronDist=${dist}`,
    `-c.directories.output=${output}`,
    '-c.npmRebuild=false',
    '--publish',
    'never',
  ]);
  const appOutDir = join(output, 'linux-unpacked');
  return {
    appOutDir,
    executable: join(appOutDir, 'attest'),
    asar: join(appOutDir, 'resources/app.asar'),
    unpacked: join(appOutDir, 'resources/app.asar.unpacked'),
  };
}
