// Catalogue benchmark: a workspace with 5,000 controls (the built-ins, the NIST SP 800-53
// HIGH baseline and generated client catalogues imported from CSV), then through
// core.dispatch as the app calls it: 200+ searches with varied words and filters
// (p50/p95/max), creating an assessment over every control, loading it, and setting results.
//   npx tsx bench/catalog/search.ts                      # 5,000 controls, 240 searches
//   npx tsx bench/catalog/search.ts --controls 10000 --searches 400
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ChannelName, RequestOf, ResponseOf } from '../../main/contract/ipc';
import { createCore, type Core } from '../../main/core/core';
import { chosen } from '../../test/support/dispatch';
import { clientCatalogueCsv } from './generate';
import { memoryKeychain } from '../support/memory-keychain';
import { searchPlan } from './queries';

const { values: args } = parseArgs({
  options: { controls: { type: 'string', default: '5000' }, searches: { type: 'string', default: '240' } },
});
const TARGET_CONTROLS = Number(args.controls);
const SEARCHES = Number(args.searches);
const HIGH = join(
  __dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpora',
  'oscal',
  'NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json',
);

async function call<C extends ChannelName>(core: Core, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await core.dispatch(channel, request, { origin: 'cli' });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as ResponseOf<C>;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const upload = (name: string, text: string) => ({ name, dataBase64: Buffer.from(text, 'utf8').toString('base64') });

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-catalog-'));
  const core = createCore({
    runtime: 'node',
    dataDir: join(dir, 'data'),
    keychain: memoryKeychain(),
    kdf: { name: 'scrypt', log2N: 10, r: 8, p: 1 },
    allowWeakKdf: true,
  });
  try {
    await call(core, 'workspace.create', {
      handle: chosen(core, join(dir, 'bench.attest'), 'save:workspace'),
      name: 'Catalogue benchmark',
      passphrase: 'bench passphrase',
      remember: false,
    });
    const [builtins, installMs] = await timed(() => call(core, 'catalog.list', {}));
    let total = builtins.catalogues.reduce((n, c) => n + c.controlCount, 0);
    const sources = [`${total} built-in controls in ${builtins.catalogues.length} catalogues`];
    let importMs = 0;
    if (existsSync(HIGH)) {
      const [r, t] = await timed(() =>
        call(core, 'catalog.import', {
          file: upload('nist-high.json', readFileSync(HIGH, 'utf8')),
          id: 'nist-800-53-high',
          replace: false,
        }),
      );
      total += r.imported;
      importMs += t;
      sources.push(`${r.imported} NIST SP 800-53 HIGH controls (OSCAL)`);
    } else {
      sources.push('(NIST HIGH corpus not found: generated controls only)');
    }
    // The rest in client catalogues of at most 1,200 controls each, as teams write them.
    const generated: string[] = [];
    for (let n = 1; total < TARGET_CONTROLS; n++) {
      const size = Math.min(1200, TARGET_CONTROLS - total);
      const id = `client-controls-${n}`;
      const [r, t] = await timed(() =>
        call(core, 'catalog.import', {
          file: upload(`${id}.csv`, clientCatalogueCsv(n, size)),
          mapping: {
            id: 'Ref',
            title: 'Title',
            statement: 'Requirement',
            guidance: 'Guidance',
            category: 'Domain',
            weight: 'Weight',
            tags: 'Tags',
          },
          id,
          title: `Client control set ${n}`,
          replace: false,
        }),
      );
      if (r.rowErrors.length) throw new Error(`${id}: ${r.rowErrors[0]!.where}: ${r.rowErrors[0]!.message}`);
      total += r.imported;
      importMs += t;
      generated.push(id);
    }
    const { catalogues } = await call(core, 'catalog.list', {});
    const generatedControls = catalogues.filter((c) => generated.includes(c.id)).reduce((n, c) => n + c.controlCount, 0);
    sources.push(`${generatedControls} generated controls in ${generated.length} CSV catalogues`);
    const categories = (await Promise.all(catalogues.map((c) => call(core, 'catalog.get', { id: c.id })))).flatMap((d) =>
      d.categories.map((cat) => ({ catalogueId: d.summary.id, id: cat.id })),
    );
    const controls = catalogues.reduce((n, c) => n + c.controlCount, 0);

    // An assessment over every control, with some results, so the status filter has work to do.
    const [assessment, createMs] = await timed(() =>
      call(core, 'assessment.create', { name: 'Benchmark', client: 'Bench', assessor: 'Bench', catalogueIds: catalogues.map((c) => c.id) }),
    );
    const getTimes: number[] = [];
    let rows: ResponseOf<'assessment.get'>['rows'] = [];
    for (let i = 0; i < 5; i++) {
      const [got, t] = await timed(() => call(core, 'assessment.get', { id: assessment.id }));
      rows = got.rows;
      getTimes.push(t);
    }
    const statuses = ['met', 'met', 'met', 'partial', 'not-met'] as const;
    const resultTimes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const row = rows[(i * 83) % rows.length]!;
      const [, t] = await timed(() =>
        call(core, 'assessment.setResult', {
          assessmentId: assessment.id,
          catalogueId: row.catalogueId,
          controlId: row.controlId,
          status: statuses[i % statuses.length]!,
          rationale: 'Checked during the benchmark.',
        }),
      );
      resultTimes.push(t);
    }

    const plan = searchPlan(SEARCHES, { catalogueIds: catalogues.map((c) => c.id), categories, assessmentId: assessment.id });
    for (const q of plan.slice(0, 20)) await call(core, 'catalog.search', q); // warm-up: statement cache, JIT
    const searchTimes: number[] = [];
    let hits = 0;
    for (const q of plan) {
      const [r, t] = await timed(() => call(core, 'catalog.search', q));
      searchTimes.push(t);
      hits += r.total;
    }
    const byKind = (pred: (q: RequestOf<'catalog.search'>) => boolean) => searchTimes.filter((_, i) => pred(plan[i]!));

    const cpu = cpus();
    console.log('Attest catalogue benchmark');
    console.log(
      `machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown cpu'}, Node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(`scale: ${controls} controls in ${catalogues.length} catalogues (${sources.join('; ')})`);
    console.log(`setup: built-ins installed in ${ms(installMs)}, imports took ${ms(importMs)} in all`);
    console.log('');
    console.log(`catalog.search, ${plan.length} searches after 20 warm-up (${Math.round(hits / plan.length)} matches on average):`);
    const line = (label: string, xs: number[]) =>
      console.log(
        `  ${label.padEnd(34)} n=${String(xs.length).padStart(3)}  p50 ${ms(pct(xs, 50))}  p95 ${ms(pct(xs, 95))}  max ${ms(Math.max(...xs))}`,
      );
    line('all', searchTimes);
    line(
      'text only',
      byKind((q) => Boolean(q.text) && !q.catalogueId && !q.category && !q.assessmentId),
    );
    line(
      'text + catalogue/category filter',
      byKind((q) => Boolean(q.text) && Boolean(q.catalogueId || q.category) && !q.assessmentId),
    );
    line(
      'with assessment status filter',
      byKind((q) => Boolean(q.assessmentId)),
    );
    line(
      'filters only (no text)',
      byKind((q) => !q.text),
    );
    console.log(`  target p95 ≤ 10 ms: ${pct(searchTimes, 95) <= 10 ? 'met' : 'NOT met'}`);
    const slowest = searchTimes
      .map((t, i) => ({ t, q: plan[i]! }))
      .sort((a, b) => b.t - a.t)
      .slice(0, 5);
    console.log('  slowest:');
    for (const { t, q } of slowest) console.log(`    ${ms(t).padStart(10)}  ${JSON.stringify({ ...q, limit: undefined })}`);
    console.log('');
    console.log(`assessment.create over ${assessment.total} controls: ${ms(createMs)}`);
    console.log(
      `assessment.get (${rows.length} rows), 5 runs: median ${ms(pct(getTimes, 50))}, first ${ms(getTimes[0]!)}, max ${ms(Math.max(...getTimes))}`,
    );
    console.log(`assessment.setResult, 60 results: p50 ${ms(pct(resultTimes, 50))}, p95 ${ms(pct(resultTimes, 95))}`);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
