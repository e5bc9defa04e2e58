// Demo data of reports.
import type { DemoSeeder } from './demo';

export const reportDemo: DemoSeeder = {
  name: 'reports',
  async seed() {},
};
