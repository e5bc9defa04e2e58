// Crash safety with real processes: a child commits as fast as it can and is SIGKILLed
// at a random moment; the file must then open and hold every acknowledged commit and
// attachment. ATTEST_CRASH_TRIALS raises the number of trials (default 200).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openWorkspace, verifyWorkspace } from '../../../main/core/workspace';
import { PASS, tempDir } from './helpers';

const TRIALS = Number(process.env.ATTEST_CRASH_TRIALS ?? 200);
const FILE_EVERY = 40; // start a fresh workspace every N trials so files stay small
const childSource = join(__dirname, 'crash-child.ts');
const projectModules = join(__dirname, '..', '..', '..', 'node_modules');

/**
 * The child is bundled once with esbuild (already installed as tsx's compiler) so each
 * trial starts a plain `node` in ~0.2 s instead of paying tsx's loader start-up.
 */
async function childCommand(dir: string): Promise<{ args: string[]; env: NodeJS.ProcessEnv }> {
  try {
    const esbuild = await import('esbuild');
    const outfile = join(dir, 'crash-child.cjs');
    await esbuild.build({
      entryPoints: [childSource],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      external: ['sql.js', 'keytar'],
      logLevel: 'silent',
    });
    return { args: [outfile], env: { ...process.env, NODE_PATH: projectModules } };
  } catch {
    return { args: ['--import', 'tsx', childSource], env: process.env };
  }
}
let command: { args: string[]; env: NodeJS.ProcessEnv };

interface Trial {
  acked: number;
  blobs: Map<string, number>;
  stderr: string;
  sawReady: boolean;
}

function runAndKill(path: string, killAfterReadyMs: number, killAtSpawnMs: number | null): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...command.args, path, PASS], { stdio: ['ignore', 'pipe', 'pipe'], env: command.env });
    const trial: Trial = { acked: 0, blobs: new Map(), stderr: '', sawReady: false };
    let pending = '';
    const kill = () => p.kill('SIGKILL');
    if (killAtSpawnMs !== null) setTimeout(kill, killAtSpawnMs);
    p.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'ready') {
          trial.sawReady = true;
          if (killAtSpawnMs === null) setTimeout(kill, killAfterReadyMs);
        } else if (kind === 'ack') trial.acked = Number(a);
        else if (kind === 'blob') trial.blobs.set(a!, Number(b));
      }
    });
    p.stderr.on('data', (d: Buffer) => (trial.stderr += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself (${code}): ${trial.stderr}`));
      else resolve(trial);
    });
  });
}

const LANES = 2; // two children at a time, each on its own file: start-up dominates a trial

async function lane(dir: string, laneNo: number, trials: number) {
  let path = '';
  let ackedSoFar = 0;
  const blobsSoFar = new Map<string, number>();
  const stats = { tornTails: 0, killedBeforeReady: 0 };
  for (let i = 0; i < trials; i++) {
    const label = `lane ${laneNo} trial ${i}`;
    if (i % FILE_EVERY === 0) {
      path = join(dir, `w${laneNo}-${i}.attest`);
      ackedSoFar = 0;
      blobsSoFar.clear();
    }
    // Most kills land while committing; every fifth lands during start-up or open.
    const early = i % 5 === 4;
    const trial = await runAndKill(path, Math.floor(Math.random() * 100), early ? 100 + Math.floor(Math.random() * 400) : null);
    if (!trial.sawReady) stats.killedBeforeReady++;
    ackedSoFar = Math.max(ackedSoFar, trial.acked);
    for (const [id, size] of trial.blobs) blobsSoFar.set(id, size);
    if (!existsSync(path)) {
      assert.equal(ackedSoFar, 0, `${label}: file vanished`);
      continue; // killed before the new file was linked into place
    }
    const ws = await openWorkspace(path, { passphrase: PASS });
    try {
      const hasItems = ws.query(`SELECT 1 FROM sqlite_master WHERE name = 'items'`).length > 0;
      const rows = hasItems ? ws.query<{ c: number; m: number | null }>('SELECT count(*) AS c, max(n) AS m FROM items') : [];
      const count = Number(rows[0]?.c ?? 0);
      const max = Number(rows[0]?.m ?? 0);
      assert.ok(max >= ackedSoFar, `${label}: acknowledged commit ${ackedSoFar} missing (file has up to ${max})`);
      assert.equal(count, max, `${label}: items are contiguous`);
      for (const [id, size] of blobsSoFar) assert.equal((await ws.getBlob(id)).length, size, `${label}: attachment`);
      if (ws.info().recoveredTornTailBytes > 0) stats.tornTails++;
      ackedSoFar = max; // written but unacknowledged commits may survive; later trials must keep them
    } finally {
      await ws.close();
    }
    if (i % 20 === 19) {
      const report = await verifyWorkspace(path, { passphrase: PASS });
      assert.equal(report.firstBrokenEntry, null, `${label}: audit chain`);
    }
  }
  return stats;
}

test(`SIGKILL at random moments (${TRIALS} trials): the file always opens and no acknowledged commit is missing`, async (t) => {
  const dir = tempDir(t, 'attest-crash-');
  command = await childCommand(dir);
  const per = Math.ceil(TRIALS / LANES);
  const results = await Promise.all(Array.from({ length: LANES }, (_, l) => lane(dir, l, per)));
  const torn = results.reduce((a, r) => a + r.tornTails, 0);
  const early = results.reduce((a, r) => a + r.killedBeforeReady, 0);
  t.diagnostic(`${per * LANES} kills, ${early} before the child was ready, ${torn} left a torn final record`);
});
