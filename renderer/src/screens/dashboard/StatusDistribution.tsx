// How the controls of the assessment stand: one stacked SVG bar with a legend that
// gives every number in text (the bar itself is decoration for screen readers).
import type { ScoreBlock } from '../../../../main/contract/assessment';
import { percent } from './format';

const PARTS = [
  { key: 'met', label: 'Met' },
  { key: 'partial', label: 'Partially met' },
  { key: 'notMet', label: 'Not met' },
  { key: 'notApplicable', label: 'Not applicable' },
  { key: 'notAssessed', label: 'Not assessed' },
] as const;

export function StatusDistribution({ block }: { block: ScoreBlock }) {
  const total = PARTS.reduce((n, p) => n + block[p.key], 0);
  // each segment starts where the ones before it end
  const widths = PARTS.map((p) => (total ? (100 * block[p.key]) / total : 0));
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  return (
    <section className="card" aria-labelledby="dist-title">
      <h2 id="dist-title">Status of controls</h2>
      <svg className="stacked" viewBox="0 0 100 8" preserveAspectRatio="none" width="100%" height="22" aria-hidden="true" focusable="false">
        {PARTS.map((p, i) =>
          widths[i]! > 0 ? <rect key={p.key} className={`seg seg-${p.key}`} x={starts[i]} y={0} width={widths[i]} height={8} /> : null,
        )}
      </svg>
      <ul className="legend" data-testid="status-legend">
        {PARTS.map((p) => (
          <li key={p.key}>
            <span className={`swatch seg-${p.key}`} aria-hidden="true" />
            <span className="legend-label">{p.label}</span>
            <span className="legend-count">{block[p.key]}</span>
            <span className="muted">({percent(block[p.key], total)}%)</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
