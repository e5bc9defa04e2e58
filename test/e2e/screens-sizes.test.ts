// The demo's screens at the two window sizes the app is designed for (1280×820 and the
// smallest, 1024×700), light and dark: axe finds nothing serious, the window itself
// never scrolls sideways or down, and a screenshot of each goes to test-results/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createDemoWorkspace } from '../../main/core/demo/demo';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { tempDir } from '../support/core';
import { requirePart } from '../support/require';

after(closeShared);

const SIZES = [
  { width: 1280, height: 820 },
  { width: 1024, height: 700 },
] as const;

/** Each screen as a user reaches it, and what shows it is ready. */
const VISITS: { name: string; go(page: Page): Promise<void> }[] = [
  { name: 'home', go: (p) => nav(p, 'Home', 'home') },
  { name: 'dashboard', go: (p) => nav(p, 'Dashboard', 'dashboard') },
  {
    name: 'assessments',
    go: async (p) => {
      await nav(p, 'Assessments', 'assessments');
      // The Dashboard's choice opens that assessment here: back to the list.
      const back = p.getByRole('button', { name: 'All assessments' });
      if (await back.isVisible()) await back.click();
      await p.locator('.asm-link').first().waitFor();
    },
  },
  {
    name: 'assessment',
    go: async (p) => {
      await p.locator('.asm-link').filter({ hasText: 'Q4 2026' }).click();
      await p.getByTestId('control-panel').waitFor();
    },
  },
  {
    name: 'findings-all',
    go: async (p) => {
      await nav(p, 'Findings', 'findings');
      await p.getByLabel('Findings of').selectOption({ label: 'All assessments' });
      await p
        .getByTestId('finding-list')
        .getByRole('columnheader', { name: /Assessment/ })
        .waitFor();
    },
  },
  { name: 'catalogues', go: async (p) => (await nav(p, 'Catalogues', 'catalogues'), p.getByTestId('catalogue-list').waitFor()) },
  { name: 'vendors', go: (p) => nav(p, 'Vendors', 'vendors') },
  { name: 'questionnaires', go: (p) => nav(p, 'Questionnaires', 'questionnaires') },
  { name: 'checks', go: (p) => nav(p, 'Checks', 'checks') },
  { name: 'reports', go: (p) => nav(p, 'Reports', 'reports') },
  {
    name: 'audit',
    go: async (p) => (await nav(p, 'Audit log', 'audit'), p.getByTestId('audit-table').locator('tbody tr').first().waitFor()),
  },
  { name: 'settings', go: (p) => nav(p, 'Settings', 'settings') },
];

async function nav(page: Page, label: string, id: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }).first().click();
  await page.waitForSelector(`main[data-screen="${id}"] h1`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the demo's screens at 1280×820 and 1024×700 (${colorScheme}): axe clean, the frame fixed, screenshots`, async (t) => {
    if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
    const app = await openApp({ colorScheme });
    const { page } = app;
    try {
      await createDemoWorkspace(app.core, join(tempDir('attest-e2e-sizes-'), 'demo.attest'));
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.reload();
        await page.locator('.topbar').waitFor();
        for (const visit of VISITS) {
          await visit.go(page);
          await page.waitForLoadState('networkidle');
          const where = `${visit.name} at ${size.width}×${size.height} (${colorScheme})`;
          const frame = await page.evaluate(() => ({
            scrollW: document.documentElement.scrollWidth,
            scrollH: document.documentElement.scrollHeight,
            w: window.innerWidth,
            h: window.innerHeight,
          }));
          assert.ok(frame.scrollW <= frame.w && frame.scrollH <= frame.h, `the window does not scroll: ${where} ${JSON.stringify(frame)}`);
          assert.deepEqual(await seriousViolations(page), [], `axe on ${where}`);
          await app.screenshot(`screen-${visit.name}-${size.width}x${size.height}-${colorScheme}`);
        }
      }
      assert.deepEqual(app.problems, []);
    } finally {
      await app.close();
    }
  });
}
