// Restore puts the file in place durably: the restored file and its folder are fsync'd
// before the rename, and the file at its new name and the folder again after it. Seen
// with the real system calls: the restore runs in a child process under
// `strace -f -y` (which prints the path behind each descriptor), not through a fake fs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { requirePart } from '../../support/require';
import { create, PASS, setItem, tempDir } from '../workspace/helpers';

const projectModules = join(__dirname, '..', '..', '..', 'node_modules');

test('restore fsyncs the file and its folder before and after the rename (strace)', async (t) => {
  const hasStrace = spawnSync('strace', ['-V']).status === 0;
  if (!requirePart(t, hasStrace, 'strace')) return;
  const dir = tempDir(t);
  const source = join(dir, 'source.attest');
  const ws = await create(source);
  await ws.commit(setItem('a', '1'));
  await ws.close();
  const backup = join(dir, 'backup.attest');
  copyFileSync(source, backup);
  const target = join(dir, 'restored.attest');
  writeFileSync(target, 'an older file the restore replaces');

  const esbuild = await import('esbuild');
  const child = join(dir, 'restore-child.cjs');
  await esbuild.build({
    entryPoints: [join(__dirname, 'restore-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: child,
    external: ['sql.js', 'keytar'],
    logLevel: 'silent',
  });
  const log = join(dir, 'strace.log');
  const run = spawnSync(
    'strace',
    [
      '-f',
      '-y',
      '-qq',
      '-s',
      '300',
      '-e',
      'trace=fsync,fdatasync,rename,renameat,renameat2',
      '-o',
      log,
      process.execPath,
      child,
      backup,
      target,
      PASS,
    ],
    { env: { ...process.env, NODE_PATH: projectModules }, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(target).equals(readFileSync(backup)), true);

  // One event per line: "sync <path>" or "rename <from> <to>", in the order they ran.
  const events: string[] = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const sync = /\b(?:fsync|fdatasync)\(\d+<([^>]+)>\)\s+= 0/.exec(line);
    if (sync) events.push(`sync ${sync[1]}`);
    const moved = /\brename(?:at2?)?\((?:[^,]+, )?"([^"]+)", (?:[^,]+, )?"([^"]+)"/.exec(line);
    if (moved && /\)\s+= 0/.test(line)) events.push(`rename ${moved[1]} ${moved[2]}`);
  }
  const at = events.findIndex((e) => e.startsWith('rename ') && e.endsWith(` ${target}`));
  assert.ok(at > 0, `the restore renamed a file onto the target: ${events.join(' | ')}`);
  const temp = events[at]!.split(' ')[1]!;
  assert.match(basename(temp), /^\.restored\.attest\..+\.restore$/);
  const before = events.slice(0, at);
  const after = events.slice(at + 1);
  const iFile = before.lastIndexOf(`sync ${temp}`);
  assert.ok(iFile >= 0, `the restored file is fsync'd before the rename: ${before.join(' | ')}`);
  assert.ok(before.slice(iFile + 1).includes(`sync ${dir}`), `then its folder: ${before.join(' | ')}`);
  const jFile = after.indexOf(`sync ${target}`);
  assert.ok(jFile >= 0, `the file is fsync'd after the rename: ${after.join(' | ')}`);
  assert.ok(after.slice(jFile + 1).includes(`sync ${dir}`), `then its folder: ${after.join(' | ')}`);
});
