// The app frame in Chromium against the real core: navigation by mouse and keyboard,
// focus visibility, the CSP, axe on every screen in light and dark, screenshots.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { screens } from '../../renderer/src/store/navigation';
import { seriousViolations } from '../harness/axe';
import { chromiumAvailable, closeShared, openApp } from '../harness/browser';
import { requirePart } from '../support/require';
import { appVersion } from '../../main/core/app/version';

after(closeShared);

// Every screen as a first-time user sees it (no workspace). The same screens full of the
// demo's data are checked at both window sizes in screens-sizes.test.ts.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen renders, passes axe and is screenshotted before any workspace exists (${colorScheme})`, async (t) => {
    if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
    const app = await openApp({ colorScheme });
    try {
      for (const screen of screens) {
        await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen.label, exact: false }).first().click();
        await app.page.waitForSelector(`main[data-screen="${screen.id}"] h1`);
        const current = await app.page.locator('[aria-current="page"]').innerText();
        assert.match(current, new RegExp(screen.label));
        const violations = await seriousViolations(app.page);
        assert.deepEqual(violations, [], `axe on ${screen.id} (${colorScheme}, empty)`);
        await app.screenshot(`frame-${screen.id}-${colorScheme}`);
      }
      assert.deepEqual(app.problems, [], 'no console errors, page errors or CSP violations');
    } finally {
      await app.close();
    }
  });
}

test('the renderer reads its version through window.attest from the real dispatcher', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  try {
    await app.page.keyboard.press('Control+9');
    await app.page.waitForSelector('main[data-screen="settings"]');
    await app.page.getByTestId('app-version').filter({ hasText: appVersion }).waitFor();
    const bad = await app.page.evaluate(() => window.attest['app.info']({ extra: 1 } as never));
    assert.deepEqual(bad.ok, false);
    assert.equal(bad.ok ? '' : bad.error.code, 'INVALID_REQUEST');
  } finally {
    await app.close();
  }
});

test('keyboard: skip link, tab order through the navigation, visible focus, Ctrl+digit shortcuts', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  const { page } = app;
  try {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.match(focused.text ?? '', /Home/);
    assert.notEqual(focused.outline, 'none', 'focused nav item shows an outline');
    assert.ok(focused.width >= 2, 'outline is at least 2px wide');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('main[data-screen="dashboard"]');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'screen-title', 'focus follows to the new screen title');
    await page.keyboard.press('Control+3');
    await page.waitForSelector('main[data-screen="findings"]');
    await page.getByRole('button', { name: 'Go to Home' }).press('Enter');
    await page.waitForSelector('main[data-screen="home"]');
    await app.screenshot('frame-keyboard-home');
  } finally {
    await app.close();
  }
});

test('the Content-Security-Policy blocks inline script in the served app', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await openApp();
  try {
    const ran = await app.page.evaluate(async () => {
      const w = window as unknown as { __inline?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 50));
      return w.__inline === true;
    });
    assert.equal(ran, false, 'inline script must not run');
    assert.ok(
      app.problems.some((p) => /Content Security Policy/i.test(p)),
      'the violation is reported',
    );
  } finally {
    await app.close();
  }
});
