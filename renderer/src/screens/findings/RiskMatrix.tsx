// The 5×5 risk matrix: likelihood up, impact across, each cell coloured by the severity
// it yields. It is one radio group: Tab reaches the chosen cell, arrow keys move the
// choice (up raises likelihood, right raises impact), Home/End jump along the row.
import { useRef, type KeyboardEvent } from 'react';
import { SEVERITY_LABELS } from '../../../../main/contract/vocabulary';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RATINGS, severityFor } from './severity';

const clamp = (n: number) => Math.max(1, Math.min(5, n));

export function RiskMatrix({
  likelihood,
  impact,
  onChange,
}: {
  likelihood: number;
  impact: number;
  onChange(likelihood: number, impact: number): void;
}) {
  const grid = useRef<HTMLDivElement>(null);

  const choose = (l: number, i: number) => {
    onChange(l, i);
    // keep focus on the chosen cell once React has moved the tab stop
    requestAnimationFrame(() => grid.current?.querySelector<HTMLElement>(`[data-cell="${l}-${i}"]`)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [likelihood + 1, impact],
      ArrowDown: [likelihood - 1, impact],
      ArrowRight: [likelihood, impact + 1],
      ArrowLeft: [likelihood, impact - 1],
      Home: [likelihood, 1],
      End: [likelihood, 5],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    choose(clamp(to[0]), clamp(to[1]));
  };

  return (
    <div className="risk-matrix">
      <div className="risk-axis-y" aria-hidden="true">
        Likelihood
      </div>
      <div ref={grid} className="risk-grid" role="radiogroup" aria-label="Risk matrix: likelihood by impact" onKeyDown={onKeyDown}>
        {[...RATINGS].reverse().map((l) => (
          <div key={l} className="risk-row">
            <span className="risk-tick" aria-hidden="true" title={LIKELIHOOD_LABELS[l]}>
              {l}
            </span>
            {RATINGS.map((i) => {
              const severity = severityFor(l, i);
              const checked = l === likelihood && i === impact;
              return (
                <button
                  key={i}
                  type="button"
                  role="radio"
                  aria-checked={checked}
                  tabIndex={checked ? 0 : -1}
                  data-cell={`${l}-${i}`}
                  className={`risk-cell risk-${severity}${checked ? ' chosen' : ''}`}
                  aria-label={`Likelihood ${l} (${LIKELIHOOD_LABELS[l]}) × impact ${i} (${IMPACT_LABELS[i]}) = ${l * i}, ${SEVERITY_LABELS[severity]}`}
                  onClick={() => choose(l, i)}
                >
                  {checked ? '●' : l * i}
                </button>
              );
            })}
          </div>
        ))}
        <div className="risk-row risk-ticks-x" aria-hidden="true">
          <span className="risk-tick" />
          {RATINGS.map((i) => (
            <span key={i} className="risk-tick" title={IMPACT_LABELS[i]}>
              {i}
            </span>
          ))}
        </div>
      </div>
      <div className="risk-axis-x" aria-hidden="true">
        Impact
      </div>
    </div>
  );
}
