// Workspace store benchmark: builds realistic workspaces (finding rows plus evidence
// attachments) at ~1 MB and ~200 MB and prints commit latency, open time (KDF excluded),
// snapshot time, the longest event-loop stall during a snapshot, and peak RSS.
//   npx tsx bench/store/run.ts                 # both sizes, each in its own process
//   npx tsx bench/store/run.ts --size-mb 200   # one size
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createWorkspace, openWorkspace, type Workspace } from '../../main/core/workspace';
import { memoryKeychain } from '../support/memory-keychain';

const KDF = { name: 'scrypt' as const, log2N: 10, r: 8, p: 1 }; // the KDF is excluded from every figure
const COMMITS = 400;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;

function finding(i: number) {
  return {
    sql: `INSERT INTO bench_findings (id, title, severity, status, body) VALUES (?, ?, ?, ?, ?)`,
    params: [
      `F-${i}`,
      `Finding ${i}: ${randomBytes(12).toString('hex')}`,
      ['low', 'medium', 'high', 'critical'][i % 4]!,
      'open',
      randomBytes(300 + (i % 500)).toString('base64'),
    ],
  };
}

async function build(path: string, sizeMb: number): Promise<{ rows: number; blobs: number; blobBytes: number }> {
  const ws = await createWorkspace(path, { passphrase: 'bench', name: 'bench', kdf: KDF, allowWeakKdf: true, backups: 1 });
  await ws.commit({
    actor: 'bench',
    action: 'setup',
    entity: 'findings',
    statements: [{ sql: 'CREATE TABLE bench_findings (id TEXT PRIMARY KEY, title TEXT, severity TEXT, status TEXT, body TEXT)' }],
  });
  // About 6% of the bytes are rows (findings, notes), the rest evidence, as in a real engagement.
  const rows = Math.max(200, Math.round((sizeMb * 1024 * 1024 * 0.06) / 800));
  for (let i = 0; i < rows; i += 250) {
    const statements = [];
    for (let j = i; j < Math.min(rows, i + 250); j++) statements.push(finding(j));
    await ws.commit({ actor: 'bench', action: 'finding.import', entity: `batch:${i}`, statements });
  }
  let blobBytes = 0;
  let blobs = 0;
  const target = sizeMb * 1024 * 1024 * 0.94;
  while (blobBytes < target) {
    // Screenshots, exports and logs: 30 KB to 6 MB.
    const cap = Math.min(6_000_000, target / 8);
    const size = Math.min(Math.round(target - blobBytes) + 1, 20_000 + Math.floor(Math.random() ** 2 * cap));
    await ws.putBlob(randomBytes(size), { actor: 'bench', name: `evidence-${blobs}.bin` });
    blobBytes += size;
    blobs++;
  }
  await ws.compact();
  await ws.close();
  return { rows, blobs, blobBytes };
}

async function commitLatencies(ws: Workspace, n: number, offset: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await ws.commit({
      actor: 'bench',
      action: 'finding.update',
      entity: `finding:F-${i}`,
      statements: [{ sql: `UPDATE bench_findings SET status = ? WHERE id = ?`, params: [`reviewed ${offset + i}`, `F-${i}`] }],
    });
    out.push(performance.now() - t0);
  }
  return out;
}

async function one(sizeMb: number) {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
  const path = join(dir, 'bench.attest');
  try {
    const t0 = performance.now();
    const shape = await build(path, sizeMb);
    const buildMs = performance.now() - t0;
    const fileBytes = statSync(path).size;

    // Open with the data key (KDF excluded).
    const keychain = memoryKeychain();
    const w0 = await openWorkspace(path, { passphrase: 'bench' });
    await w0.remember(keychain);
    await w0.close();
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      const o0 = performance.now();
      const w = await openWorkspace(path, { keychain });
      opens.push(performance.now() - o0);
      await w.close();
    }

    const ws = await openWorkspace(path, { keychain }, { autoCompactBytes: 0 });
    await commitLatencies(ws, 20, 0); // warm-up
    const commits = await commitLatencies(ws, COMMITS, 100);

    // Snapshot while a probe measures the event loop and commits keep coming.
    const h = monitorEventLoopDelay({ resolution: 1 });
    let last = performance.now();
    let maxGap = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 1);
    h.enable();
    const s0 = performance.now();
    let compacting = true;
    const snapshot = ws.compact().finally(() => (compacting = false));
    const during: number[] = [];
    let k = 0;
    while (compacting) during.push(...(await commitLatencies(ws, 1, 10_000 + k++)));
    await snapshot;
    const snapshotMs = performance.now() - s0;
    h.disable();
    clearInterval(probe);
    await ws.close();

    const rss = process.resourceUsage().maxRSS * 1024;
    const result = {
      sizeMb,
      fileBytes,
      rows: shape.rows,
      blobs: shape.blobs,
      buildMs,
      commitP50: pct(commits, 50),
      commitP99: pct(commits, 99),
      commitsDuringSnapshot: during.length,
      commitP99DuringSnapshot: pct(during, 99),
      openMs: pct(opens, 50),
      snapshotMs,
      stallMaxMs: Math.max(maxGap, h.max / 1e6),
      peakRssBytes: rss,
    };
    console.log(
      [
        `scale ${sizeMb} MB target: file ${mb(fileBytes)}, ${shape.rows} finding rows, ${shape.blobs} attachments (${mb(shape.blobBytes)}); built in ${ms(buildMs)}`,
        `  commit (1 small edit, fsync'd)  p50 ${ms(result.commitP50)}  p99 ${ms(result.commitP99)}  over ${COMMITS} commits`,
        `  commit during snapshot          p99 ${ms(result.commitP99DuringSnapshot)}  over ${during.length} commits`,
        `  open (KDF excluded, median of 3) ${ms(result.openMs)}`,
        `  snapshot (compaction)            ${ms(snapshotMs)}`,
        `  longest event-loop stall during snapshot ${ms(result.stallMaxMs)}`,
        `  peak RSS ${mb(rss)} (${(rss / fileBytes).toFixed(2)}x file size)`,
      ].join('\n'),
    );
    console.log(`JSON ${JSON.stringify(result)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const i = process.argv.indexOf('--size-mb');
  if (i > 0) return one(Number(process.argv[i + 1]));
  console.log(
    `Attest workspace store benchmark — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), tmpdir ${tmpdir()}`,
  );
  for (const size of [1, 200]) {
    // Each size in its own process so peak RSS belongs to that size alone.
    const r = spawnSync(process.execPath, [...process.execArgv, __filename, '--size-mb', String(size)], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
void main();
