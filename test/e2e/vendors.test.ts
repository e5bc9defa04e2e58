// The Vendors screen in Chromium against the real core: the empty registry explains
// itself; a vendor added through the dialog gets its tier from the rubric; its page
// overrides the tier with a reason and records a certification; hostile text stays text;
// axe passes in light and dark.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { goTo, newWorkspace, recordDialogs } from '../harness/flows';
import { call } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

const PASS = 'amber kettle canyon violin';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_SERVICES = '<script>alert(1)</script>';
const HOSTILE_PLAN = '=HYPERLINK("https://evil.example","click") <b>bold</b>';

async function axeClean(page: Page, where: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await seriousViolations(page), [], `axe on ${where} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('vendors: empty registry, add through the dialog, tier override with a reason, a certification, hostile text inert', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page, core } = app;
  const dialogs = recordDialogs(page);
  try {
    await newWorkspace(core, 'Vendor programme', PASS);
    await goTo(page, '5', 'vendors', { reload: true });
    await page.getByRole('heading', { name: 'No vendors yet' }).waitFor();
    await page.getByText(/The vendor registry lists every supplier/).waitFor();
    await app.screenshot('vendors-empty');
    await axeClean(page, 'the empty registry');

    // Add a vendor with the keyboard shortcut and the dialog.
    await page.locator('body').click();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'Add vendor' });
    await dialog.waitFor();
    await dialog.getByLabel('Name').fill('Skyline Cloud');
    await dialog.getByLabel('Internal owner').fill('Priya Shah');
    await dialog.getByLabel('Services').fill('Cloud hosting of the patient portal');
    await dialog.getByLabel('Business criticality').selectOption('high');
    await dialog.getByLabel('Personal data').check();
    await dialog.getByLabel('Exit plan').fill('Terraform everything; second provider costed.');
    await app.screenshot('vendor-add-dialog');
    await axeClean(page, 'the add dialog');
    await dialog.getByRole('button', { name: 'Add vendor' }).click();

    // The page opens on the new vendor with the rubric's reasons.
    await page.getByRole('heading', { level: 1, name: 'Skyline Cloud' }).waitFor();
    assert.equal(await page.getByTestId('tier-explanation').innerText(), 'Rubric: tier 1 because: criticality high with personal data.');
    const [created] = (await call(core, 'vendor.list', {})).vendors;
    assert.equal(created?.tier, 1);

    // Override without a reason is refused in the form; with one, it is saved and audited.
    await page.getByRole('button', { name: 'Override tier' }).click();
    const override = page.getByRole('form', { name: 'Override the tier' });
    await override.getByLabel('Tier', { exact: true }).selectOption('2');
    await override.getByRole('button', { name: 'Set tier' }).click();
    await override.getByText(/Say why this vendor needs a different tier/).waitFor();
    await override.getByLabel('Reason').fill('Only the marketing site is hosted there; no patient data since the 2026 migration.');
    await override.getByRole('button', { name: 'Set tier' }).click();
    await page.getByText('Set by hand to tier 2:').waitFor();
    await page.locator('.tier-card .badge', { hasText: 'Tier 2 · overridden' }).waitFor();
    await app.screenshot('vendor-tier-override');
    const v = await call(core, 'vendor.get', { id: created!.id });
    assert.equal(v.tier, 2);
    assert.match(v.tierOverrideReason ?? '', /marketing site/);
    assert.ok(v.history.some((h) => h.action === 'vendor.tier.override'));

    // A certification that expires soon shows its warning (on its tab).
    await page.getByRole('tab', { name: 'Certifications & credentials' }).click();
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const certForm = page.getByRole('form', { name: 'Add a certification' });
    await certForm.getByLabel('Kind').selectOption('iso27001');
    await certForm.getByLabel('Expires').fill(soon);
    await certForm.getByRole('button', { name: 'Add certification' }).click();
    // Shown in the locale's one date format (the page's Intl decides, as the app does).
    const shownSoon = await page.evaluate(
      (d) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)),
      soon,
    );
    await page.getByText(`${shownSoon} · expires in 20 days`).waitFor();
    assert.equal((await call(core, 'vendor.get', { id: created!.id })).certifications[0]?.kind, 'iso27001');
    await app.screenshot('vendor-page');
    await axeClean(page, 'the vendor page');

    // Escape goes back to the list, which shows the override marker and the warning.
    await page.getByRole('heading', { level: 1, name: 'Skyline Cloud' }).focus();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Vendors' }).waitFor();
    const table = page.getByTestId('vendor-table');
    await table.getByText('Tier 2 · overridden').waitFor();

    // Hostile text, through the core, is shown as text on the list and the page.
    const hostile = await call(core, 'vendor.create', {
      name: HOSTILE_NAME,
      services: HOSTILE_SERVICES,
      owner: 'Ops',
      dataTypes: ['none'],
      criticality: 'low',
      exitPlan: HOSTILE_PLAN,
    });
    for (let i = 0; i < 8; i++)
      await call(core, 'vendor.create', {
        name: `Supplier ${i + 1}`,
        services: `Service ${i + 1}`,
        owner: 'Procurement',
        dataTypes: i % 2 ? ['internal'] : ['personal'],
        criticality: i % 3 ? 'medium' : 'high',
      });
    await goTo(page, '5', 'vendors', { reload: true });
    await table.getByText(HOSTILE_NAME, { exact: true }).waitFor();
    await table.getByText(HOSTILE_SERVICES, { exact: true }).waitFor();
    assert.equal(await page.locator('main img').count(), 0, 'no image element was injected');
    assert.equal(await page.locator('main script').count(), 0, 'no script element was injected');
    const summary = page.getByRole('region', { name: 'Review schedule' });
    await summary.getByText('Due within 30 days').waitFor();
    assert.equal(await summary.locator('.summary-value').first().innerText(), '10', 'vendors counted in the summary');
    assert.equal(await summary.locator('.summary-value').nth(3).innerText(), '1', 'the expiring certificate is counted');
    await app.screenshot('vendors-list');
    await axeClean(page, 'the vendor list');

    // Filters: text and tier.
    await page.locator('body').click();
    await page.keyboard.press('/');
    await page.keyboard.type('Supplier');
    await page.getByText('8 of 10 vendors').waitFor();
    await page.getByLabel('Filter', { exact: true }).fill('');
    await page.getByLabel('Tier', { exact: true }).selectOption('3');
    await table.getByText(HOSTILE_NAME, { exact: true }).waitFor();
    await page.getByLabel('Tier', { exact: true }).selectOption('');

    // Keyboard: the table opens the active row with Enter.
    await table.getByText(HOSTILE_NAME, { exact: true }).click();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: HOSTILE_NAME }).waitFor();
    assert.equal(await page.getByLabel('Exit plan').inputValue(), HOSTILE_PLAN);
    assert.equal(await page.locator('main img').count(), 0);
    assert.equal(await page.locator('main b').count(), 0, 'markup in the exit plan stayed text');
    assert.equal((await call(core, 'vendor.get', { id: hostile.id })).name, HOSTILE_NAME);
    assert.deepEqual(dialogs, [], 'no alert fired');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
