// The shell quits only after the core has closed: the first quit is held, a second quit
// while closing is held too, and the app quits once the core is closed (also when
// closing failed, so a broken close never keeps the app open).
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { quitAfterClose } from '../../../main/shell/quit';

// A stand-in for Electron's `app` (no Electron binary here): before-quit with a preventable event.
function fakeApp() {
  const emitter = new EventEmitter();
  const app = {
    quits: 0,
    exited: false,
    on: (event: 'before-quit', listener: (e: { preventDefault(): void }) => void) => emitter.on(event, listener),
    quit() {
      app.quits++;
      let prevented = false;
      emitter.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) app.exited = true;
    },
  };
  return app;
}

test('quit waits for the core to close, once', async () => {
  const app = fakeApp();
  let release!: () => void;
  let closes = 0;
  quitAfterClose(app, () => {
    closes++;
    return new Promise<void>((r) => (release = r));
  });
  app.quit();
  app.quit();
  assert.equal(app.exited, false, 'held while the core closes');
  assert.equal(closes, 1);
  release();
  await new Promise((r) => setImmediate(r));
  assert.equal(app.exited, true);
  assert.equal(closes, 1);
});

test('a failed close still lets the app quit', async () => {
  const app = fakeApp();
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args);
  try {
    quitAfterClose(app, async () => {
      throw new Error('disk gone');
    });
    app.quit();
    await new Promise((r) => setImmediate(r));
    assert.equal(app.exited, true);
    assert.equal(errors.length, 1);
  } finally {
    console.error = original;
  }
});
