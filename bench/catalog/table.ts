// The 5,000-row control table in the browser harness: time from navigating to the
// Assessments screen to the first rows of the table, and from pressing End to the last
// row, in Debian's Chromium against the real core. Figures include Playwright's round
// trip (a few ms), so they are upper bounds of what a user waits.
//   npx tsx bench/catalog/table.ts [--controls 5000] [--runs 15]
import { cpus } from 'node:os';
import { join } from 'node:path';
import { closeShared, openApp } from '../../test/harness/browser';
import { tempDir, testCore } from '../../test/support/core';
import { call, chosen, upload } from '../../test/support/dispatch';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONTROLS = arg('controls', 5000);
const RUNS = arg('runs', 15);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

function csv(n: number): string {
  const areas = ['Access', 'Logging', 'Network', 'Data', 'Vendors', 'Resilience', 'Change'];
  const rows = ['id,title,statement,category,weight'];
  for (let i = 1; i <= n; i++) {
    const area = areas[i % areas.length]!;
    rows.push(
      `B-${i},${area} control ${i} is applied to every production system,"Each production system in scope applies ${area.toLowerCase()} rule ${i}, and its owner reviews it quarterly.",${area},${(i % 5) + 1}`,
    );
  }
  return rows.join('\n');
}

async function main() {
  const core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, join(tempDir(), 'bench.attest'), 'save:workspace'),
    name: 'Table benchmark',
    passphrase: 'table benchmark passphrase',
  });
  const imported = await call(core, 'catalog.import', {
    file: upload('bench.csv', csv(CONTROLS)),
    mapping: { id: 'id', title: 'title', statement: 'statement', category: 'category', weight: 'weight' },
    title: `Benchmark ${CONTROLS}`,
  });
  const a = await call(core, 'assessment.create', {
    name: 'Table benchmark',
    client: 'Bench',
    assessor: 'Bench',
    catalogueIds: [imported.catalogue.id],
  });
  const app = await openApp({ core });
  const { page } = app;
  const firstRow = '[data-testid="control-table"] [role="row"][aria-rowindex="2"]';
  const lastRow = `[data-testid="control-table"] [role="row"][aria-rowindex="${CONTROLS + 1}"]`;
  try {
    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: a.name, exact: true }).click();
    await page.waitForSelector(firstRow);
    const open: number[] = [];
    const toEnd: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.keyboard.press('Control+0');
      await page.waitForSelector(firstRow, { state: 'detached' });
      const t0 = performance.now();
      await page.keyboard.press('Control+2');
      await page.waitForSelector(firstRow);
      open.push(performance.now() - t0);
      await page.locator('[data-testid="control-table"] [role="grid"]').focus();
      const t1 = performance.now();
      await page.keyboard.press('End');
      await page.waitForSelector(lastRow);
      toEnd.push(performance.now() - t1);
    }
    // The same answer fetched alone: how much of the wait is the harness's transport (Playwright
    // carries window.attest over the DevTools protocol; Electron's IPC uses structured clone).
    const transport: number[] = [];
    for (let i = 0; i < 5; i++) {
      transport.push(
        await page.evaluate(async (id) => {
          const t = performance.now();
          await (window as unknown as { attest: Record<string, (r: unknown) => Promise<unknown>> }).attest['assessment.get']!({ id });
          return performance.now() - t;
        }, a.id),
      );
    }
    const rendered = await page.locator('[data-testid="control-table"] [role="row"]').count();
    console.log(`control table, ${CONTROLS} controls, ${RUNS} runs, ${cpus().length} cpus, node ${process.version}, Chromium headless`);
    console.log(
      `navigation → first rows: median ${pct(open, 50).toFixed(0)} ms, p95 ${pct(open, 95).toFixed(0)} ms, max ${Math.max(...open).toFixed(0)} ms`,
    );
    console.log(`of which assessment.get through the harness transport alone: median ${pct(transport, 50).toFixed(0)} ms`);
    console.log(`End → last row rendered: median ${pct(toEnd, 50).toFixed(0)} ms, p95 ${pct(toEnd, 95).toFixed(0)} ms`);
    console.log(`rows in the DOM at once: ${rendered} (of ${CONTROLS + 1} with the header)`);
  } finally {
    await app.close();
    await core.close();
    await closeShared();
  }
}
void main();
