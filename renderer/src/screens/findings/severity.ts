// Severity from likelihood × impact, mirrored from the core (main/core/assessment/severity.ts)
// so the form can show it live while the user edits; the renderer may not import the core.
// test/unit/renderer/severity-matrix.test.ts proves both agree on all 25 cells.
import type { FindingSeverity } from '../../../../main/contract/vocabulary';

const THRESHOLDS: readonly [number, FindingSeverity][] = [
  [20, 'critical'],
  [12, 'high'],
  [6, 'medium'],
  [3, 'low'],
  [1, 'info'],
];

export const RATINGS = [1, 2, 3, 4, 5] as const;

export const LIKELIHOOD_LABELS: Record<number, string> = { 1: 'Rare', 2: 'Unlikely', 3: 'Possible', 4: 'Likely', 5: 'Almost certain' };
export const IMPACT_LABELS: Record<number, string> = { 1: 'Negligible', 2: 'Minor', 3: 'Moderate', 4: 'Major', 5: 'Severe' };

export function severityFor(likelihood: number, impact: number): FindingSeverity {
  const product = likelihood * impact;
  return THRESHOLDS.find(([min]) => product >= min)?.[1] ?? 'info';
}
