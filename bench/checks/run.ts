// Benchmark: 50 web targets on loopback, each an HTTPS server (test CA) answering after
// its own delay (20–149 ms). The targets run in a child process (targets.ts) so their TLS
// work does not share the measured event loop. Each run measures every target alone
// (all its checks through the runner), then all targets at once through the runner with
// bounded concurrency, and prints total / slowest single (the issue asks for at most 3×),
// with the client's CPU and event-loop delay, the servers' CPU, and the makespan that
// scheduling alone would give. The figures of several runs are summarised by the median.
//
// Run: npx tsx bench/checks/run.ts [--targets=50] [--concurrency=16] [--checks=grade|web]
//        [--runs=5] [--delay-scale=1]
//   --checks=grade  one check per target: web.observatory-grade (http:// probe → 301 →
//                   https, plus the https page)
//   --checks=web    every web check per target (11), as the Checks screen runs a web target
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defaultConcurrency, runChecks, type CheckJob, type RunOptions } from '../../main/core/checks/runner';
import type { CheckResult } from '../../main/core/checks/types';
import { webChecks } from '../../main/core/checks/web/checks';
import { measureHandshakes } from './handshake';
import { median, ms, scheduleFloor, startMeter, type Meter } from './measure';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const targets = Number(arg('targets', '50'));
const concurrency = Number(arg('concurrency', String(defaultConcurrency)));
const checkSet = arg('checks', 'grade');
const runs = Number(arg('runs', '5'));
const delayScale = Number(arg('delay-scale', '1'));
const checkIds = checkSet === 'web' ? webChecks.map((c) => c.id) : ['web.observatory-grade'];

const policy = { liveChecksEnabled: true, allowedHosts: ['app.test', '127.0.0.1'] };
const lookup = async () => [{ address: '127.0.0.1', family: 4 as const }];
const options: RunOptions = { policy, lookup, concurrency };

interface Ready {
  caPem: string;
  ports: number[];
  redirectorPort: number;
}

const load = () => loadavg()[0]!.toFixed(2);

function jobsFor(ready: Ready, i: number): CheckJob[] {
  const input = {
    target: `https://app.test:${ready.ports[i]}/`,
    caPem: ready.caPem,
    params: { httpUrl: `http://app.test:${ready.redirectorPort}/${i}` },
  };
  return checkIds.map((checkId) => ({ checkId, input }));
}

function assertVerified(results: CheckResult[], what: string): void {
  const bad = results.find((r) => r.status === 'error' || r.status === 'could-not-verify');
  if (bad) throw new Error(`${what}: ${bad.checkId} on ${bad.target}: ${bad.summary}`);
}

interface ServerFigures {
  meter: Meter;
  served: { https: number; http: number };
}

function childMeter(child: ChildProcess): Promise<ServerFigures> {
  return new Promise((resolve) => {
    const on = (m: unknown) => {
      if (typeof m === 'object' && m !== null && 'meter' in m) {
        child.off('message', on);
        resolve(m as ServerFigures);
      }
    };
    child.on('message', on);
    child.send('meter-stop');
  });
}

interface RunFigures {
  load: string;
  slowest: number;
  sumSingles: number;
  total: number;
  floor: number;
  client: Meter;
  servers: ServerFigures;
  inBatchMedian: number;
  inBatchMax: number;
}

async function oneRun(child: ChildProcess, ready: Ready): Promise<RunFigures> {
  const startLoad = load();
  const singles: number[] = [];
  for (let i = 0; i < targets; i++) {
    const t0 = performance.now();
    const results = await runChecks(jobsFor(ready, i), options);
    singles.push(performance.now() - t0);
    assertVerified(results, 'single target');
  }

  const jobs = Array.from({ length: targets }, (_, i) => jobsFor(ready, i)).flat();
  child.send('meter-start');
  const stop = startMeter();
  const t0 = performance.now();
  const results = await runChecks(jobs, options);
  const total = performance.now() - t0;
  const client = stop();
  const servers = await childMeter(child);
  assertVerified(results, 'batch');
  // The checks of a run share one page fetch and one redirect probe per target.
  if (servers.served.https > targets || servers.served.http > targets) {
    throw new Error(
      `batch: the servers answered ${servers.served.https} https and ${servers.served.http} http requests for ${targets} targets (expected one each)`,
    );
  }

  // A target's time inside the batch: from its first check's start to its last one's end.
  const perTarget = new Map<string, { start: number; end: number }>();
  for (const r of results) {
    const s = Date.parse(r.startedAt);
    const e = Date.parse(r.finishedAt);
    const t = perTarget.get(r.target);
    perTarget.set(r.target, t ? { start: Math.min(t.start, s), end: Math.max(t.end, e) } : { start: s, end: e });
  }
  const inBatch = [...perTarget.values()].map((t) => t.end - t.start);
  // The runner spreads its workers over targets, so each worker is a target's first check
  // while one is left; later checks of a target reuse its fetch and take next to no time.
  const floor = scheduleFloor(singles, concurrency);

  return {
    load: startLoad,
    slowest: Math.max(...singles),
    sumSingles: singles.reduce((a, b) => a + b, 0),
    total,
    floor,
    client,
    servers,
    inBatchMedian: median(inBatch),
    inBatchMax: Math.max(...inBatch),
  };
}

async function main() {
  const child = fork(fileURLToPath(new URL('./targets.ts', import.meta.url)), [String(targets), String(delayScale)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Ready));
      child.once('exit', (code) => reject(new Error(`target process exited (${code})`)));
    });
    await runChecks(jobsFor(ready, 0), options); // warm-up, not measured

    console.log(
      `scale: ${targets} HTTPS targets on 127.0.0.1 in a separate process (test CA, ECDSA P-256 leaf), response delay 20–149 ms × ${delayScale}`,
    );
    console.log(
      `       ${checkIds.length} check(s) per target (${checkSet === 'web' ? 'every web check' : 'web.observatory-grade'}), ${targets * checkIds.length} checks, concurrency ${concurrency}, ${availableParallelism()} CPUs, Node ${process.version}`,
    );
    const hs = await measureHandshakes(ready.caPem, ready.ports[0]!, 50);
    console.log(
      `TLS handshake to a target (client side, 50 in a row): ${hs.wallMs.toFixed(2)} ms wall, ${hs.cpuMs.toFixed(2)} ms client CPU each`,
    );
    console.log('');
    console.log(
      'run  load   slowest single  batch total  ratio   floor¹   in-batch per target (median / max)  client CPU  loop p99 / max  servers CPU  https / http²',
    );
    const all: RunFigures[] = [];
    for (let r = 1; r <= runs; r++) {
      const f = await oneRun(child, ready);
      all.push(f);
      console.log(
        `${String(r).padEnd(4)} ${f.load.padEnd(6)} ${ms(f.slowest).padStart(14)}  ${ms(f.total).padStart(11)}  ${(f.total / f.slowest).toFixed(2).padStart(4)}×  ${ms(f.floor).padStart(7)}  ${`${ms(f.inBatchMedian)} / ${ms(f.inBatchMax)}`.padStart(34)}  ${ms(f.client.cpuMs).padStart(10)}  ${`${ms(f.client.loopP99Ms)} / ${ms(f.client.loopMaxMs)}`.padStart(14)}  ${ms(f.servers.meter.cpuMs).padStart(11)}  ${`${f.servers.served.https} / ${f.servers.served.http}`.padStart(14)}`,
      );
    }
    const ratios = all.map((f) => f.total / f.slowest);
    console.log('');
    console.log(
      `median of ${runs} runs: slowest single ${ms(median(all.map((f) => f.slowest)))}, batch total ${ms(median(all.map((f) => f.total)))}, ratio ${median(ratios).toFixed(2)}× (target ≤ 3×), client CPU ${(median(all.map((f) => f.client.cpuMs)) / (targets * checkIds.length)).toFixed(2)} ms per check`,
    );
    console.log(`load average (1 min) at the end: ${load()}`);
    console.log(
      '¹ floor: the batch time if nothing competed for CPU: the targets taken in order by the workers, each lasting what it took alone.',
    );
    console.log('² requests the target servers answered during the batch, each on its own connection (https ones with a TLS handshake).');
  } finally {
    child.disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
