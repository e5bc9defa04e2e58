// Small measuring tools for the live-checks benchmark: CPU and event-loop delay over a
// stretch of work, the median, and the makespan that scheduling alone would give.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Meter {
  /** CPU time of this process (user + system) since start, in ms. */
  cpuMs: number;
  /** Event-loop delay since start: 99th percentile and maximum, in ms. */
  loopP99Ms: number;
  loopMaxMs: number;
}

export function startMeter(): () => Meter {
  const cpu0 = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  return () => {
    loop.disable();
    const cpu = process.cpuUsage(cpu0);
    return { cpuMs: (cpu.user + cpu.system) / 1000, loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6 };
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The batch time if nothing competed for CPU: jobs taken in order by `workers` workers,
 * each job lasting what it took alone. What the batch adds beyond this is contention.
 */
export function scheduleFloor(durations: number[], workers: number): number {
  const free = new Array<number>(Math.max(1, Math.min(workers, durations.length))).fill(0);
  for (const d of durations) {
    let w = 0;
    for (let i = 1; i < free.length; i++) if (free[i]! < free[w]!) w = i;
    free[w]! += d;
  }
  return Math.max(...free);
}

export const ms = (v: number) => `${v.toFixed(0)} ms`;
