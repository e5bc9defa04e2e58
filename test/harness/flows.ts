// The steps end-to-end tests share: a demo or a fresh workspace in the app, an assessment
// to work in, moving between screens by their shortcuts, and axe in one or both themes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Core } from '../../main/core/core';
import { createDemoWorkspace } from '../../main/core/demo/demo';
import { tempDir } from '../support/core';
import { call, chosen } from '../support/dispatch';
import { seriousViolations } from './axe';
import { type Harness, openApp } from './browser';

/** Axe finds nothing serious; `themes: 'both'` checks dark as well and returns to light. */
export async function axeClean(page: Page, where: string, themes: 'current' | 'both' = 'current'): Promise<void> {
  if (themes === 'current') {
    assert.deepEqual(await seriousViolations(page), [], `axe on ${where}`);
    return;
  }
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await seriousViolations(page), [], `axe on ${where} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The app on the demo workspace, in a theme and a window size. */
export async function demoApp(
  options: { colorScheme?: 'light' | 'dark'; size?: { width: number; height: number } } = {},
): Promise<Harness> {
  const app = await openApp({ colorScheme: options.colorScheme ?? 'light' });
  await createDemoWorkspace(app.core, join(tempDir('attest-e2e-demo-'), 'demo.attest'));
  if (options.size) await app.page.setViewportSize(options.size);
  await app.page.reload();
  await app.page.locator('.topbar').waitFor();
  return app;
}

/**
 * Opens a screen by its Ctrl+digit shortcut. `reload`: first bring the page up to date
 * with changes the test made directly in the core.
 */
export async function goTo(page: Page, shortcut: string, screen: string, options: { reload?: boolean } = {}): Promise<void> {
  if (options.reload) {
    await page.reload();
    await page.locator('.topbar').waitFor();
  }
  await page.keyboard.press(`Control+${shortcut}`);
  await page.waitForSelector(`main[data-screen="${screen}"] h1`);
}

/** Dismisses and records every JavaScript dialog the page opens (hostile text must open none). */
export function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

/** A new workspace in a temp folder, open in the core. */
export async function newWorkspace(core: Core, name: string, passphrase: string): Promise<void> {
  await call(core, 'workspace.create', {
    handle: chosen(core, join(tempDir('attest-e2e-'), 'workspace.attest'), 'save:workspace'),
    name,
    passphrase,
  });
}

/** An assessment of the platform baseline for Contoso (creation times kept distinct, so "most recent" is defined). */
export async function newAssessment(core: Core, name: string, fields: { client?: string; scope?: string } = {}) {
  const a = await call(core, 'assessment.create', {
    name,
    client: fields.client ?? 'Contoso',
    scope: fields.scope ?? 'Platform',
    periodStart: null,
    periodEnd: null,
    assessor: 'R. Auditor',
    catalogueIds: ['platform-baseline'],
  });
  await new Promise((r) => setTimeout(r, 15));
  return a;
}
