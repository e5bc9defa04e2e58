// Demo data of the catalogue library: a FedRAMP baseline added from the openly licensed
// library that ships with Attest, as an OSCAL profile resolved offline, so the catalogues
// screen shows parameter values, every part and the library's origin.
import { demoCall } from './call';
import type { DemoSeeder } from './demo';

export const libraryDemo: DemoSeeder = {
  name: 'the FedRAMP rev5 LI-SaaS baseline from the starter library (OSCAL, with its parameter values and parts)',
  async seed({ core, dates }) {
    await demoCall(core, dates)('catalog.addFromLibrary', { id: 'fedramp-rev5-li-saas', replace: false });
  },
};
