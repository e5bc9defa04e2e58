import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDemoWorkspace } from '../../main/core/demo/demo';
import { closeShared, openApp } from '../../test/harness/browser';
import { tempDir } from '../../test/support/core';
after(closeShared);
test('shots', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const app = await openApp({ colorScheme });
    await createDemoWorkspace(app.core, join(tempDir('x-'), 'demo.attest'));
    for (const [w, h] of [[1280, 820], [1024, 700]] as const) {
      await app.page.setViewportSize({ width: w, height: h });
      await app.page.reload();
      await app.page.locator('.topbar').waitFor();
      const tag = `${w}x${h}-${colorScheme}`;
      await app.page.keyboard.press('Control+2');
      await app.page.locator('.asm-link').first().waitFor();
      await app.screenshot(`x-assessments-${tag}`);
      await app.page.locator('.asm-link').first().click();
      await app.page.getByTestId('control-panel').waitFor();
      await app.page.waitForTimeout(400);
      await app.screenshot(`x-assessment-${tag}`);
      await app.page.keyboard.press('Control+3');
      await app.page.waitForTimeout(800);
      await app.screenshot(`x-findings-${tag}`);
      await app.page.keyboard.press('Control+8');
      await app.page.waitForTimeout(800);
      await app.page.locator('main').evaluate((m) => (m.scrollTop = 600));
      await app.screenshot(`x-audit-${tag}`);
    }
    await app.close();
  }
});
