// Finding severity from likelihood × impact (each 1–5), the usual 5×5 risk matrix:
// a product of 20 or more is critical, 12 or more high, 6 or more medium, 3 or more low,
// below that informational. An assessor may override it, with a reason.
import type { FindingSeverity } from '../../contract/assessment';

export const SEVERITY_THRESHOLDS: readonly [number, FindingSeverity][] = [
  [20, 'critical'],
  [12, 'high'],
  [6, 'medium'],
  [3, 'low'],
  [1, 'info'],
];

export function severityFor(likelihood: number, impact: number): FindingSeverity {
  const product = likelihood * impact;
  return SEVERITY_THRESHOLDS.find(([min]) => product >= min)?.[1] ?? 'info';
}

/** Likelihood and impact that a control's own severity suggests for a new finding. */
export const RATINGS_FOR_SEVERITY: Record<FindingSeverity, { likelihood: number; impact: number }> = {
  critical: { likelihood: 4, impact: 5 },
  high: { likelihood: 3, impact: 4 },
  medium: { likelihood: 3, impact: 3 },
  low: { likelihood: 2, impact: 2 },
  info: { likelihood: 1, impact: 2 },
};

export const SEVERITY_ORDER: Record<FindingSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
