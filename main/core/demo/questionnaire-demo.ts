// Demo data of questionnaires: answered vendor questionnaires, scored and concluded.
import type { DemoSeeder } from './demo';

export const questionnaireDemo: DemoSeeder = {
  name: 'questionnaires',
  async seed() {},
};
