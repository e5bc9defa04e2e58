// Severity rules of findings. The likelihood × impact table itself is in the contract's
// vocabulary, so the finding form computes exactly what the core stores.
import type { FindingSeverity } from '../../contract/assessment';

export { SEVERITY_THRESHOLDS, severityFor } from '../../contract/vocabulary';

/** Likelihood and impact that a control's own severity suggests for a new finding. */
export const RATINGS_FOR_SEVERITY: Record<FindingSeverity, { likelihood: number; impact: number }> = {
  critical: { likelihood: 4, impact: 5 },
  high: { likelihood: 3, impact: 4 },
  medium: { likelihood: 3, impact: 3 },
  low: { likelihood: 2, impact: 2 },
  info: { likelihood: 1, impact: 2 },
};

export const SEVERITY_ORDER: Record<FindingSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
