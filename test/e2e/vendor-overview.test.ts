// The vendor overview in Chromium against the real core and the demo workspace: vendor
// findings in the Findings screen (scope, prefixed refs, sorting, bulk changes with undo,
// the editor's owner and due date, audited); the vendor page in tabs after the WAI-ARIA
// tabs pattern, its tab kept across re-renders and screens; the late questionnaire in the
// tracker; every tab at 1280×820 and 1024×700 in light and dark, axe clean, screenshots.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared } from '../harness/browser';
import { axeClean, demoApp, goTo } from '../harness/flows';
import { call } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const SIZES = [
  { width: 1280, height: 820 },
  { width: 1024, height: 700 },
] as const;

const TABS = ['Profile', 'Certifications & credentials', 'Documents', 'Questionnaires', 'Findings', 'History'] as const;

const refsOf = (page: Page) =>
  page.getByTestId('finding-list').locator('[role="row"][aria-rowindex] [role="gridcell"]:first-child').allInnerTexts();

test('vendor findings in Findings: scope, prefixed refs, sorting, bulk owner and due date with undo, the editor, audited', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await demoApp();
  const { page, core } = app;
  try {
    const vendorFindings = (await call(core, 'finding.list', { subjects: 'vendors' })).findings;
    const desk = vendorFindings.filter((f) => f.vendorName === 'DeskDirect');
    assert.equal(desk.length, 3);

    await goTo(page, '3', 'findings');
    const scope = page.getByLabel('Findings of');
    const grid = page.getByTestId('finding-list');

    // Every vendor: refs carry the vendor's name, the subject column names the vendor.
    await scope.selectOption({ label: 'All vendors' });
    await grid.getByRole('columnheader', { name: /^Vendor/ }).waitFor();
    await grid.getByText('DeskDirect/V-001', { exact: true }).waitFor();
    let refs = await refsOf(page);
    assert.equal(refs.length, vendorFindings.length, refs.join(', '));
    assert.equal(new Set(refs).size, refs.length, `unique refs: ${refs.join(', ')}`);
    assert.ok(
      refs.every((r) => /^[^/]+\/V-\d{3}$/.test(r)),
      `each ref carries its vendor's name: ${refs.join(', ')}`,
    );

    // Sorting by ref works on them as on assessment findings, both ways.
    const byRef = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    await grid.getByTitle('Sort by Ref').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="finding-list"] [role="columnheader"][aria-sort="ascending"]') !== null,
    );
    refs = await refsOf(page);
    assert.deepEqual(refs, byRef(refs), 'ascending');
    await grid.getByTitle('Sort by Ref').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="finding-list"] [role="columnheader"][aria-sort="descending"]') !== null,
    );
    refs = await refsOf(page);
    assert.deepEqual(refs, byRef(refs).reverse(), 'descending');

    // Everything: assessment and vendor findings together, every ref unambiguous.
    await scope.selectOption({ label: 'All assessments and vendors' });
    await grid.getByRole('columnheader', { name: 'Assessment or vendor' }).waitFor();
    await page.getByText(/^\d+ findings$/).waitFor();
    const total = (await call(core, 'finding.list', { subjects: 'all' })).findings.length;
    assert.equal(await page.locator('.filter-count').innerText(), `${total} findings`);
    refs = await refsOf(page);
    assert.equal(new Set(refs).size, refs.length, `unique refs: ${refs.join(', ')}`);
    assert.ok(refs.every((r) => /^[^/]+\/[FV]-\d{3}$/.test(r)));
    // The selected finding is named with its prefix too.
    const active = page.getByRole('group', { name: 'Selected finding' }).locator('.ref');
    assert.ok(refs.includes(await active.innerText()), `the selected finding's ref is one of the list's: ${await active.innerText()}`);
    await app.screenshot('findings-all-subjects');
    await axeClean(page, 'findings of every assessment and vendor', 'both');

    // One vendor: plain refs, no subject column.
    await scope.selectOption({ label: 'DeskDirect' });
    await grid.getByRole('columnheader', { name: /^Vendor/ }).waitFor({ state: 'detached' });
    await page.getByText('3 findings', { exact: true }).waitFor();
    assert.deepEqual((await refsOf(page)).sort(), ['V-001', 'V-002', 'V-003']);
    await grid.getByText('Overdue', { exact: true }).waitFor();

    // Bulk: owner and due date for the three, one commit each, undo the last.
    const row = (ref: string) => grid.getByRole('row').filter({ hasText: ref });
    await row('V-001').click();
    await row('V-003').click({ modifiers: ['Shift'] });
    const bar = page.getByRole('group', { name: 'Change the 3 selected findings' });
    await bar.getByLabel('Owner').fill('Vendor desk (Procurement)');
    await bar.getByRole('button', { name: 'Set owner' }).click();
    await page.getByTestId('toast').getByText('Set the owner of 3 findings.').waitFor();
    await row('V-001').click();
    await row('V-003').click({ modifiers: ['Shift'] });
    const again = page.getByRole('group', { name: 'Change the 3 selected findings' });
    await again.getByLabel('Due date').fill('2031-06-30');
    await again.getByRole('button', { name: 'Set due date' }).click();
    await page.getByTestId('toast').getByText('Set the due date of 3 findings.').waitFor();
    await app.screenshot('findings-vendor-bulk');
    let now = (await call(core, 'finding.list', { vendorId: desk[0]!.vendorId! })).findings;
    assert.ok(now.every((f) => f.owner === 'Vendor desk (Procurement)' && f.dueDate === '2031-06-30'));
    const audit = (await call(core, 'audit.list', { limit: 1 })).entries[0]!;
    assert.equal(audit.action, 'finding.bulk');
    await grid.getByRole('grid').focus();
    await page.keyboard.press('Control+z');
    await page.getByTestId('toast').getByText('Undone: finding changed for several.').waitFor();
    now = (await call(core, 'finding.list', { vendorId: desk[0]!.vendorId! })).findings;
    assert.deepEqual(now.map((f) => f.dueDate).sort(), desk.map((f) => f.dueDate).sort(), 'the due dates are back');
    assert.ok(
      now.every((f) => f.owner === 'Vendor desk (Procurement)'),
      'the earlier change stays',
    );

    // The editor: a vendor finding's owner and due date; its controls shown as they are.
    await page.keyboard.press('Escape');
    await row('V-002').click();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: 'Edit V-002' });
    await editor.getByText('A finding of the vendor DeskDirect, raised from its questionnaire.').waitFor();
    await editor.getByLabel('Owner').fill('Sam Patel (IT)');
    await editor.getByLabel('Due date').fill('2031-01-15');
    await app.screenshot('finding-editor-vendor');
    await axeClean(page, 'the editor of a vendor finding', 'both');
    await editor.getByRole('button', { name: 'Save finding' }).click();
    await editor.waitFor({ state: 'hidden' });
    const v2 = (await call(core, 'finding.list', { vendorId: desk[0]!.vendorId! })).findings.find((f) => f.ref === 'V-002')!;
    assert.equal(v2.owner, 'Sam Patel (IT)');
    assert.equal(v2.dueDate, '2031-01-15');
    const entry = (await call(core, 'audit.list', { limit: 1 })).entries[0]!;
    assert.match(entry.action, /^finding\.(update|status\.)/);
    assert.match(entry.entity, new RegExp(`^finding:${v2.id} vendor:${v2.vendorId}`));
    await row('V-002').getByText('Sam Patel (IT)').waitFor();
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('the vendor page in tabs: roles, arrow keys, Home and End, the tab kept across re-renders and screens; the late questionnaire', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await demoApp();
  const { page, core } = app;
  try {
    const vendors = (await call(core, 'vendor.list', {})).vendors;
    const desk = vendors.find((v) => v.name === 'DeskDirect')!;

    // The tracker on the registry shows the late questionnaire first.
    await goTo(page, '5', 'vendors');
    const tracker = page.getByTestId('questionnaire-tracker');
    const late = tracker.locator('tbody tr').first();
    await late.getByText('Overdue', { exact: true }).waitFor();
    await late.getByText('PayFlow Payroll').waitFor();
    await page
      .getByTestId('tracker-counts')
      .getByText(/^1 overdue · /)
      .waitFor();
    await tracker.scrollIntoViewIfNeeded();
    await app.screenshot('tracker-late-questionnaire');

    // Open DeskDirect: six tabs, Profile selected, one tab stop.
    await page.getByTestId('vendor-table').getByText('DeskDirect', { exact: true }).click();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'DeskDirect' }).waitFor();
    const tablist = page.getByRole('tablist', { name: 'DeskDirect: sections' });
    const tab = (name: string) => tablist.getByRole('tab', { name, exact: true });
    assert.deepEqual(await tablist.getByRole('tab').allInnerTexts(), [...TABS]);
    assert.equal(await tab('Profile').getAttribute('aria-selected'), 'true');
    assert.deepEqual(await tablist.getByRole('tab').evaluateAll((els) => els.map((e) => e.getAttribute('tabindex'))), [
      '0',
      '-1',
      '-1',
      '-1',
      '-1',
      '-1',
    ]);
    const panel = page.getByRole('tabpanel');
    assert.equal(await panel.getAttribute('aria-labelledby'), await tab('Profile').getAttribute('id'));
    assert.equal(await tab('Profile').getAttribute('aria-controls'), await panel.getAttribute('id'));
    await panel.getByRole('button', { name: 'Save profile' }).waitFor();

    // Keyboard: arrows move and select (wrapping), Home and End, Tab into the panel.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await tab('Profile').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 'Certifications & credentials');
    assert.equal(await tab('Certifications & credentials').getAttribute('aria-selected'), 'true');
    await panel.getByRole('form', { name: 'Add a certification' }).waitFor();
    await page.keyboard.press('End');
    assert.equal(await focused(), 'History');
    await panel.getByRole('heading', { name: 'Review history' }).waitFor();
    await panel.getByTestId('vendor-history').getByText('vendor.tier.override').waitFor();
    await page.keyboard.press('Home');
    assert.equal(await focused(), 'Profile');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 'History', 'Left on the first tab wraps to the last');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 'Profile', 'Right on the last tab wraps to the first');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'tabpanel', 'Tab goes into the panel');

    // Findings tab: owners, due dates, the overdue one.
    await tab('Findings').click();
    const table = page.getByTestId('vendor-finding-table');
    await table.getByText('Overdue', { exact: true }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 3);
    await table.getByText('Nora Lind (Compliance)').waitFor();

    // Kept when the page re-renders after a write, and when leaving the screen and coming back.
    await tab('Certifications & credentials').click();
    const cert = page.getByRole('form', { name: 'Add a certification' });
    const certs = (await call(core, 'vendor.get', { id: desk.id })).certifications.length;
    await cert.getByLabel('Kind').selectOption('hitrust');
    await cert.getByLabel('Expires').fill('2031-05-31');
    await cert.getByRole('button', { name: 'Add certification' }).click();
    const shown = await page.evaluate(() =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2031-05-31T00:00:00Z')),
    );
    await page.getByRole('tabpanel').getByText(new RegExp(shown)).first().waitFor();
    assert.equal((await call(core, 'vendor.get', { id: desk.id })).certifications.length, certs + 1);
    assert.equal(await tab('Certifications & credentials').getAttribute('aria-selected'), 'true', 'kept after the save');
    await tab('Findings').click();
    await goTo(page, '1', 'dashboard');
    await goTo(page, '5', 'vendors');
    await page.getByRole('heading', { level: 1, name: 'DeskDirect' }).waitFor();
    assert.equal(await tab('Findings').getAttribute('aria-selected'), 'true', 'kept across screens');

    // Open in Findings: the Findings screen scoped to this vendor.
    await page.getByRole('button', { name: 'Open in Findings' }).click();
    await page.waitForSelector('main[data-screen="findings"] h1');
    assert.equal(await page.getByLabel('Findings of').inputValue(), `v:${desk.id}`);
    await page.getByText('3 findings', { exact: true }).waitFor();
    await goTo(page, '5', 'vendors');
    await tab('Findings').waitFor();

    // Every tab at both sizes, light and dark: the window never scrolls sideways, axe clean.
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const name of TABS) {
          await tab(name).click();
          await page.waitForLoadState('networkidle');
          const where = `${name} at ${size.width}×${size.height} (${colorScheme})`;
          const frame = await page.evaluate(() => ({ scrollW: document.documentElement.scrollWidth, w: window.innerWidth }));
          assert.ok(frame.scrollW <= frame.w, `no sideways scroll: ${where} ${JSON.stringify(frame)}`);
          const box = await tablist.boundingBox();
          assert.ok(box && box.x + box.width <= size.width, `the tab list fits: ${where}`);
          assert.deepEqual(await seriousViolations(page), [], `axe on ${where}`);
          const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
          await app.screenshot(`vendor-tab-${slug}-${size.width}x${size.height}-${colorScheme}`);
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
