// Launches the real desktop app with Playwright's _electron where an Electron binary
// exists. The project's machines cannot download one, so here the test says clearly
// that it was skipped; it is never counted as a pass.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { _electron } from 'playwright-core';

const root = join(__dirname, '../..');

function electronBinary(): string | undefined {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

test('the packaged app starts, shows the frame and answers over real IPC', async (t) => {
  const executablePath = electronBinary();
  if (!executablePath) {
    t.skip(
      'SKIPPED: no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the real-app launch test did not run',
    );
    return;
  }
  const app = await _electron.launch({ executablePath, args: [join(root, 'out/main/index.js'), '--no-sandbox'], cwd: root });
  try {
    const page = await app.firstWindow();
    await page.waitForSelector('main#main');
    assert.match(page.url(), /^attest:\/\/app\//);
    const info = await page.evaluate(() => window.attest['app.info']({}));
    assert.equal(info.ok && info.value.runtime, 'electron');
    const nodeVisible = await page.evaluate(() => typeof (globalThis as { require?: unknown }).require);
    assert.equal(nodeVisible, 'undefined', 'no Node in the renderer');
    await page.screenshot({ path: join(root, 'test-results/electron-app.png') });
  } finally {
    await app.close();
  }
});
