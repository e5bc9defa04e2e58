// Tests that need a part of the machine (Chromium, a Secret Service, pdfsig) skip with
// one clear line on a developer machine without it, and fail under CI=true, where a
// missing part is a broken setup and never a silent skip.
import type { TestContext } from 'node:test';

export function requirePart(t: TestContext, available: boolean, what: string): boolean {
  if (available) return true;
  if (process.env.CI === 'true') throw new Error(`${what} is required under CI=true but is not available`);
  t.skip(`${what} is not available on this machine`);
  return false;
}
