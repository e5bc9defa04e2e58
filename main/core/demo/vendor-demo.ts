// Demo data of vendors.
import type { DemoSeeder } from './demo';

export const vendorDemo: DemoSeeder = {
  name: 'vendors',
  async seed() {},
};
