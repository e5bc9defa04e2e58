// The app frame and the tables in Chromium against the real core with the demo's data:
// the frame never scrolls (sticky table headers inside the content), the sidebar
// collapses, the assessment split resizes and works at 1024×700 with long URLs wrapping,
// headers sort in natural order, columns resize, titles wrap, and finding refs stay
// unique when several assessments are listed.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared } from '../harness/browser';
import { demoApp } from '../harness/flows';
import { call } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is on screen`);
  return b;
};

async function openQ4Review(page: Page) {
  await page.keyboard.press('Control+2');
  await page.locator('.asm-link').filter({ hasText: 'Q4 2026 platform review' }).click();
  await page.getByTestId('control-panel').waitFor();
}

test('the frame stays put: only the content scrolls, and table headers stick to its top', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await demoApp();
  const { page } = app;
  try {
    await page.keyboard.press('Control+8');
    await page.getByTestId('audit-table').locator('tbody tr').nth(20).waitFor();
    const sidebar = await box(page, 'nav.sidebar');
    const topbar = await box(page, '.topbar');
    const scrolled = await page.locator('main#main').evaluate((m) => {
      m.scrollTop = 1500;
      return m.scrollTop;
    });
    assert.ok(scrolled > 1000, 'the content scrolls inside');
    const page2 = await page.evaluate(() => ({ y: window.scrollY, doc: document.documentElement.scrollHeight, h: window.innerHeight }));
    assert.equal(page2.y, 0, 'the window itself never scrolls');
    assert.ok(page2.doc <= page2.h, 'nothing outside the content is taller than the window');
    assert.deepEqual(await box(page, 'nav.sidebar'), sidebar, 'the sidebar did not move');
    assert.deepEqual(await box(page, '.topbar'), topbar, 'the top bar did not move');
    const main = await box(page, 'main#main');
    const head = await box(page, '[data-testid="audit-table"] thead th');
    assert.ok(Math.abs(head.y - main.y) <= 1, `the header row sticks to the content's top (${head.y} vs ${main.y})`);
    await app.screenshot('layout-audit-scrolled-1280x820-light');
  } finally {
    await app.close();
  }
});

test('headers sort in natural order, columns resize, titles wrap to two lines', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await demoApp({ colorScheme: 'dark' });
  const { page } = app;
  try {
    await openQ4Review(page);
    const table = page.getByTestId('control-table');
    const labels = async () =>
      (await table.locator('[role="row"][aria-rowindex] [role="gridcell"]:first-child').allInnerTexts()).slice(0, 14);
    const header = table.getByRole('columnheader', { name: /Control/ });
    await header.getByRole('button', { name: /Control/ }).click();
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    const ascending = await labels();
    const natural = (x: string, y: string) => x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
    assert.deepEqual(ascending, [...ascending].sort(natural), `natural order: ${ascending.join(', ')}`);
    await header.getByRole('button', { name: /Control/ }).click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    // The active control stays in view wherever the sort put it; Home goes to the top.
    await table.getByRole('grid').focus();
    await page.keyboard.press('Home');
    // The grid has scrolled to the top: the first row shown is the active one.
    await table.locator('[role="row"][aria-rowindex="2"].active').waitFor();
    const descending = await labels();
    assert.deepEqual(
      descending,
      [...descending].sort((x, y) => natural(y, x)),
    );
    // Descending, S.N.10 comes before S.N.9 (as text it would come after it).
    const ten = descending.findIndex((l) => /\.10$/.test(l));
    const nine = descending.findIndex((l) => /\.9$/.test(l));
    assert.ok(ten >= 0 && nine > ten, `…10 above …9: ${descending.join(', ')}`);
    // j moves down the sorted view, and the panel follows the row shown active.
    await page.keyboard.press('j');
    const active = await table.locator('[role="row"].active [role="gridcell"]:first-child').innerText();
    assert.equal(active, descending[1]);
    assert.equal(await page.getByTestId('control-panel').locator('.asm-panel-id').innerText(), active);

    // Resize the Title column by dragging its edge.
    const title = table.getByRole('columnheader', { name: /Title/ });
    const before = (await title.boundingBox())!.width;
    const handle = await title.getByRole('separator').boundingBox();
    assert.ok(handle);
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 - 60, handle.y + handle.height / 2, { steps: 4 });
    await page.mouse.up();
    const after = (await title.boundingBox())!.width;
    assert.ok(Math.abs(after - (before - 60)) <= 3, `the Title column narrowed by 60px (${before} → ${after})`);
    // And with the keyboard.
    await title.getByRole('separator').focus();
    await page.keyboard.press('ArrowRight');
    assert.ok(Math.abs((await title.boundingBox())!.width - (after + 10)) <= 2);

    // A long title wraps to two lines instead of being cut to one.
    const wrapped = await table
      .locator('[role="row"][aria-rowindex] .vtable-cell.wrap')
      .first()
      .evaluate((cell) => {
        const style = getComputedStyle(cell);
        return { white: style.whiteSpace, lines: Math.round(cell.getBoundingClientRect().height / parseFloat(style.lineHeight)) };
      });
    assert.equal(wrapped.white, 'normal');
    assert.equal(wrapped.lines, 2, 'two lines of title');

    // A plain table too: the Findings list's Severity, and the Assessments list by name.
    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: 'All assessments' }).click();
    const list = page.locator('.asm-list');
    await list.getByRole('button', { name: /Assessment/ }).click();
    const names = await list.locator('tbody .asm-link').allInnerTexts();
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })),
    );
    assert.equal(await list.getByRole('columnheader', { name: /Assessment/ }).getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await seriousViolations(page), [], 'axe with sorted headers (dark)');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('finding refs are unique when several assessments are listed', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await demoApp();
  const { page } = app;
  try {
    await page.keyboard.press('Control+3');
    const picker = page.getByLabel('Findings of');
    await picker.selectOption({ label: 'All assessments' });
    const grid = page.getByTestId('finding-list');
    await grid.getByRole('columnheader', { name: /Assessment/ }).waitFor();
    const refs = await grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:first-child').allInnerTexts();
    assert.ok(refs.length > 3);
    assert.equal(new Set(refs).size, refs.length, `unique refs: ${refs.join(', ')}`);
    assert.ok(
      refs.every((r) => /^[^/]+\/F-\d{3}$/.test(r)),
      `each ref carries its assessment's prefix: ${refs.join(', ')}`,
    );
    // One assessment chosen (after "All assessments and vendors" and "All assessments"): plain refs again.
    const first = await picker.locator('option').nth(2).innerText();
    await picker.selectOption({ label: first });
    await grid.getByRole('columnheader', { name: /Assessment/ }).waitFor({ state: 'detached' });
    const plain = await grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:first-child').allInnerTexts();
    assert.ok(
      plain.every((r) => /^F-\d{3}$/.test(r)),
      plain.join(', '),
    );
  } finally {
    await app.close();
  }
});

test('at 1024×700 the sidebar collapses, the split resizes, evidence and long URLs stay inside the panel', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await demoApp({ size: { width: 1024, height: 700 } });
  const { page } = app;
  try {
    // A narrow window starts collapsed; the toggle brings the labels back and hides them again.
    const sidebar = page.locator('nav.sidebar');
    assert.ok((await sidebar.boundingBox())!.width < 80, 'collapsed in a narrow window');
    await page.getByRole('button', { name: 'Expand the sidebar' }).click();
    assert.ok((await sidebar.boundingBox())!.width > 200);
    await page.getByRole('button', { name: 'Collapse the sidebar' }).click();
    assert.ok((await sidebar.boundingBox())!.width < 80);
    await sidebar.getByRole('button', { name: 'Assessments' }).waitFor();

    // A link with a long URL on the first control.
    const assessments = await call(app.core, 'assessment.list', {});
    const a = assessments.assessments.find((x) => x.state !== 'final')!;
    const row = (await call(app.core, 'assessment.get', { id: a.id })).rows[0]!;
    const url = `https://evidence.example.com/${'very-long-path-segment-'.repeat(12)}?query=${'x'.repeat(80)}`;
    await call(app.core, 'evidence.add', {
      assessmentId: a.id,
      catalogueId: row.catalogueId,
      controlId: row.controlId,
      kind: 'link',
      title: 'Access review export',
      url,
    });
    await page.reload();
    await page.locator('.topbar').waitFor();
    await page.keyboard.press('Control+2');
    await page.locator('.asm-link').filter({ hasText: a.name }).click();
    const panel = page.getByTestId('control-panel');
    await panel.getByText('Access review export').waitFor();

    const table = await box(page, '[data-testid="control-table"]');
    const side = await panel.boundingBox();
    assert.ok(side && side.x >= table.x + table.width, 'the panel sits beside the table, not below it');
    const overflow = await panel.evaluate((p) => ({ scroll: p.scrollWidth, client: p.clientWidth }));
    assert.ok(overflow.scroll <= overflow.client, `nothing overflows the panel sideways (${overflow.scroll} > ${overflow.client})`);
    const link = await panel.locator('.asm-url').first().boundingBox();
    assert.ok(link && link.x + link.width <= side.x + side.width, 'the long URL wraps inside the panel');

    // Drag the split: the panel grows by what the handle moved.
    const handle = await box(page, '.split-handle');
    await page.mouse.move(handle.x + 5, handle.y + 40);
    await page.mouse.down();
    await page.mouse.move(handle.x - 95, handle.y + 40, { steps: 5 });
    await page.mouse.up();
    const wider = await panel.boundingBox();
    assert.ok(
      wider && wider.width - side.width >= 95 && wider.width - side.width <= 115,
      `the panel widened by the 100px dragged (${side.width} → ${wider?.width})`,
    );
    await page.locator('.split-handle').focus();
    await page.keyboard.press('ArrowRight');
    assert.ok(Math.abs((await panel.boundingBox())!.width - (wider.width - 20)) <= 3, 'the arrow keys resize too');

    // Enter opens the editor without scrolling the row away.
    const grid = page.getByTestId('control-table').getByRole('grid');
    await grid.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const active = await grid.locator('[role="row"].active').boundingBox();
    const g = await grid.boundingBox();
    assert.ok(active && g && active.y >= g.y && active.y + active.height <= g.y + g.height + 1, 'the edited row stays in view');
    assert.deepEqual(await seriousViolations(page), [], 'axe at 1024×700');
    await app.screenshot('layout-assessment-1024x700-light');
  } finally {
    await app.close();
  }
});
