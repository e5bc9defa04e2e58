// Demo data of checks.
import type { DemoSeeder } from './demo';

export const checksDemo: DemoSeeder = {
  name: 'checks',
  async seed() {},
};
