import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIdleTimer, DEFAULT_IDLE_MS } from '../../../main/core/session/idle-timer';
import type { Clock } from '../../../main/core/time/clock';

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
