// The core's one clock. Everything in the core that needs "now" (timestamps of records,
// due and overdue dates, certificate windows, auto-lock) reads it from here, injected
// through the core's options, so tests and the demo can set the date and the suite passes
// on any day.
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** A clock standing at a fixed instant (timers still run on real time): tests and fixtures. */
export function fixedClock(at: Date | string | number): Clock {
  const ms = new Date(at).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a date: ${String(at)}`);
  return { ...systemClock, now: () => ms };
}

/** A clock `offsetMs` ahead of (or behind) the system's. */
export function offsetClock(offsetMs: number): Clock {
  return { ...systemClock, now: () => Date.now() + offsetMs };
}

export const nowDate = (clock: Clock): Date => new Date(clock.now());
export const nowIso = (clock: Clock): string => new Date(clock.now()).toISOString();
/** The UTC calendar day of an instant, YYYY-MM-DD. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);
/** Today (UTC) by whatever carries the injected clock: a workspace, a session. */
export const todayOf = (source: { now(): Date }): string => utcDay(source.now());
