// Names and details in Chromium against the real core: the display name set in Settings
// is the audit actor, dates follow the locale's one format, the audit log filters,
// searches, exports and names entities, disabled buttons look disabled in dark mode,
// and turning live checks on is confirmed and changes the sidebar's network line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared } from '../harness/browser';
import { demoApp } from '../harness/flows';
import { requirePart } from '../support/require';

after(closeShared);

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

test('the display name is the actor; the audit log names, filters, searches and exports; dates in one format', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await demoApp();
  const { page } = app;
  try {
    await page.keyboard.press('Control+9');
    const name = page.getByLabel('Display name');
    await name.fill('Dana Reyes');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByTestId('actor-name').filter({ hasText: 'Dana Reyes' }).waitFor();

    // One change through the app: a status in the Q4 review.
    await page.keyboard.press('Control+2');
    await page.locator('.asm-link').filter({ hasText: 'Q4 2026 platform review' }).click();
    const grid = page.getByTestId('control-table').getByRole('grid');
    await grid.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('2');
    await page.locator('.topbar .save-state[data-state="saved"]').waitFor();

    await page.keyboard.press('Control+8');
    const table = page.getByTestId('audit-table');
    const newest = table.locator('tbody tr').first();
    await newest.filter({ hasText: 'Dana Reyes (app)' }).waitFor();
    assert.doesNotMatch(await newest.innerText(), /root \(app\)/, 'not the OS account');
    // The entity is named, not an id.
    assert.match(await newest.locator('td').nth(4).innerText(), /^Control .+ of “Northwind Health – Q4 2026 platform review”$/);
    // Time in the locale's format, the same the page's Intl gives.
    const at = await app.core.dispatch('audit.list', { limit: 1 }, { origin: 'test' });
    assert.ok(at.ok);
    const iso = (at.value as { entries: { at: string }[] }).entries[0]!.at;
    const expected = await page.evaluate(
      (s) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s)),
      iso,
    );
    assert.equal(await newest.locator('td').nth(1).innerText(), expected);

    // Filter by actor: only the app user's entries.
    await page.locator('.audit-filters').getByLabel('Actor').selectOption('Dana Reyes (app)');
    await page
      .locator('.audit-actions [role="status"]')
      .filter({ hasText: /^1 entry$/ })
      .waitFor();
    // Search by the entity's name (not its id), across every actor.
    await page.locator('.audit-filters').getByLabel('Actor').selectOption('');
    await page.locator('.audit-filters').getByLabel('Search').fill('Q2 2026');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="audit-table"] tbody tr')];
      return rows.length > 0 && rows.every((r) => r.textContent?.includes('Q2 2026'));
    });
    const count = Number((await page.locator('.audit-actions [role="status"]').innerText()).split(' ')[0]);
    assert.ok(count > 0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    assert.equal(lines[0], 'seq,at,actor,action,entity,entity_name,hash');
    assert.equal(lines.length - 1, count, 'the export holds exactly the filtered entries');
    assert.ok(lines.slice(1).every((l) => l.includes('Q2 2026')));
    assert.deepEqual(await seriousViolations(page), [], 'axe on the filtered audit log');

    // One date format across screens: no raw ISO days in the findings, vendors or the audit log.
    for (const [key, screen] of [
      ['Control+3', 'findings'],
      ['Control+5', 'vendors'],
      ['Control+8', 'audit'],
    ] as const) {
      await page.keyboard.press(key);
      await page.waitForSelector(`main[data-screen="${screen}"] h1`);
      await page.waitForLoadState('networkidle');
      const text = await page.locator('main').innerText();
      assert.doesNotMatch(text.replace(/[a-z0-9-]+\.attest/g, ''), ISO_DAY, `${screen} shows dates in the locale's format`);
    }
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('dark mode: disabled buttons look disabled; live checks are confirmed and change the sidebar', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await demoApp({ colorScheme: 'dark' });
  const { page } = app;
  try {
    // A disabled primary button loses the accent fill and the solid border.
    await page.keyboard.press('Control+9');
    const save = page.getByRole('button', { name: 'Save name' });
    assert.equal(await save.isDisabled(), true);
    const style = (el: Element) => {
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, border: s.borderTopStyle, color: s.color, cursor: s.cursor };
    };
    const disabled = await save.evaluate(style);
    await page.getByLabel('Display name').fill('Dana');
    const enabled = await save.evaluate(style);
    assert.notEqual(disabled.bg, enabled.bg, 'no accent fill when disabled');
    assert.equal(disabled.border, 'dashed');
    assert.equal(disabled.cursor, 'not-allowed');
    assert.notEqual(disabled.color, enabled.color);

    const line = page.getByTestId('network-line');
    assert.match(await line.innerText(), /Offline · nothing leaves this device/);
    await page.keyboard.press('Control+6');
    const toggle = page.getByRole('switch');
    await toggle.click();
    const dialog = page.getByRole('dialog', { name: 'Turn live checks on?' });
    await dialog.waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'axe on the confirmation (dark)');
    await dialog.getByRole('button', { name: 'Stay offline' }).click();
    assert.equal(await toggle.isChecked(), false, 'not turned on without confirmation');
    assert.match(await line.innerText(), /Offline/);
    await toggle.click();
    await dialog.getByRole('button', { name: 'Turn live checks on' }).click();
    await line.filter({ hasText: 'Live checks on · approved hosts only' }).waitFor();
    assert.equal(await line.getAttribute('data-network'), 'live');
    // Off again needs no confirmation, and the sidebar says offline again.
    await toggle.click();
    await line.filter({ hasText: 'Offline · nothing leaves this device' }).waitFor();
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
