// Auto-lock after inactivity. The store knows nothing of the UI: the shell calls touch()
// on user activity (and the store calls it on every read and commit); when the timeout
// passes without a touch, onIdle runs once (typically ws.lock()).
import { type Clock, systemClock } from '../time/clock';

export type { Clock };
export const DEFAULT_IDLE_MS = 15 * 60 * 1000;

export interface IdleTimer {
  touch(): void;
  stop(): void;
  /** Milliseconds until onIdle fires; 0 once it has fired or stopped. */
  remaining(): number;
}

export function createIdleTimer(options: { timeoutMs?: number; onIdle: () => void; clock?: Clock }): IdleTimer {
  const timeoutMs = options.timeoutMs ?? DEFAULT_IDLE_MS;
  const clock = options.clock ?? systemClock;
  let deadline = clock.now() + timeoutMs;
  let handle: unknown = null;
  let done = false;
  const arm = () => {
    handle = clock.setTimeout(check, Math.max(0, deadline - clock.now()));
  };
  // Re-check on wake-up instead of re-arming on every touch: touch() stays O(1).
  function check() {
    if (done) return;
    if (clock.now() >= deadline) {
      done = true;
      options.onIdle();
    } else arm();
  }
  arm();
  return {
    touch() {
      if (!done) deadline = clock.now() + timeoutMs;
    },
    stop() {
      done = true;
      if (handle !== null) clock.clearTimeout(handle);
    },
    remaining: () => (done ? 0 : Math.max(0, deadline - clock.now())),
  };
}
