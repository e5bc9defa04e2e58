// Rating scales of the finding form. The severity table is the contract's (shared with the
// core); test/unit/renderer/severity-matrix.test.ts checks the form and the core agree.
export { severityFor } from '../../../../main/contract/vocabulary';

export const RATINGS = [1, 2, 3, 4, 5] as const;

export const LIKELIHOOD_LABELS: Record<number, string> = { 1: 'Rare', 2: 'Unlikely', 3: 'Possible', 4: 'Likely', 5: 'Almost certain' };
export const IMPACT_LABELS: Record<number, string> = { 1: 'Negligible', 2: 'Minor', 3: 'Moderate', 4: 'Major', 5: 'Severe' };
