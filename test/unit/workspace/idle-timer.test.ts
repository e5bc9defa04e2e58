import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type Clock, createIdleTimer, DEFAULT_IDLE_MS } from '../../../main/core/workspace';
import { codeOf, create, setItem, tempDir } from './helpers';

/** A manual clock: time moves only when the test says so. */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((x) => x.id !== id);
    },
  };
  const advance = (ms: number) => {
    const target = now + ms;
    for (;;) {
      const due = timers.filter((x) => x.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((x) => x !== due);
      now = due.at;
      due.fn();
    }
    now = target;
  };
  return { clock, advance };
}

test('the idle timer fires once after the timeout without activity; touch() postpones it', () => {
  const { clock, advance } = manualClock();
  let fired = 0;
  const timer = createIdleTimer({ timeoutMs: 1000, onIdle: () => fired++, clock });
  advance(900);
  timer.touch();
  advance(900);
  assert.equal(fired, 0, 'activity 900 ms ago keeps it open');
  assert.equal(timer.remaining(), 100);
  advance(100);
  assert.equal(fired, 1);
  advance(5000);
  assert.equal(fired, 1, 'fires only once');
  assert.equal(timer.remaining(), 0);
});

test('the default timeout is 15 minutes and stop() cancels it', () => {
  assert.equal(DEFAULT_IDLE_MS, 15 * 60 * 1000);
  const { clock, advance } = manualClock();
  let fired = 0;
  const timer = createIdleTimer({ onIdle: () => fired++, clock });
  advance(DEFAULT_IDLE_MS - 1);
  assert.equal(fired, 0);
  timer.stop();
  advance(10);
  assert.equal(fired, 0);
});

test('a workspace auto-locks after inactivity: keys wiped, lock released, commits refused', async (t) => {
  const { clock, advance } = manualClock();
  const path = join(tempDir(t), 'a.attest');
  let locked = false;
  const ws = await create(path, { clock, autoLock: { timeoutMs: 60_000, onLocked: () => (locked = true) } });
  await ws.commit(setItem('a', '1'));
  advance(59_000);
  ws.query('SELECT 1'); // a read is activity
  advance(59_000);
  assert.equal(ws.isOpen, true);
  advance(2_000);
  await new Promise((r) => setTimeout(r, 50)); // lock() finishes its async close
  assert.equal(locked, true);
  assert.equal(ws.isOpen, false);
  assert.equal(existsSync(`${path}.lock`), false, 'the lock is released');
  assert.equal(await codeOf(ws.commit(setItem('b', '2'))), 'WORKSPACE_CLOSED');
});
