// A horizontal bar chart of scores (0–100) drawn as inline SVG, each bar labelled with its
// number. The drawing is hidden from screen readers; a visually hidden table carries the
// same figures for them.
import { scoreText } from './format';

export interface Bar {
  key: string;
  label: string;
  score: number | null;
  /** e.g. "12 of 20 assessed", for the text alternative */
  detail: string;
}

const ROW = 30;
const LABEL_W = 210;
const BAR_W = 330;
const WIDTH = LABEL_W + BAR_W + 60;
const MAX_LABEL = 30;

const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

export function BarChart({ caption, bars }: { caption: string; bars: readonly Bar[] }) {
  const height = bars.length * ROW + 22;
  return (
    <figure className="bar-chart">
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH * 1.3 }} aria-hidden="true" focusable="false">
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line className="chart-grid" x1={LABEL_W + (t * BAR_W) / 100} x2={LABEL_W + (t * BAR_W) / 100} y1={0} y2={bars.length * ROW} />
            <text className="chart-tick" x={LABEL_W + (t * BAR_W) / 100} y={bars.length * ROW + 15} textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = i * ROW;
          const w = b.score === null ? 0 : (b.score * BAR_W) / 100;
          return (
            <g key={b.key}>
              <title>{`${b.label}: ${scoreText(b.score)}`}</title>
              <text className="chart-label" x={LABEL_W - 10} y={y + ROW / 2 + 4} textAnchor="end">
                {short(b.label)}
              </text>
              <rect className="chart-track" x={LABEL_W} y={y + 6} width={BAR_W} height={ROW - 12} rx={3} />
              {w > 0 ? <rect className="chart-bar" x={LABEL_W} y={y + 6} width={w} height={ROW - 12} rx={3} /> : null}
              <text className={b.score === null ? 'chart-value muted' : 'chart-value'} x={LABEL_W + w + 6} y={y + ROW / 2 + 4}>
                {b.score === null ? 'not assessed yet' : scoreText(b.score)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Score (0–100)</th>
            <th scope="col">Controls</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.label}</th>
              <td>{b.score === null ? 'not assessed yet' : scoreText(b.score)}</td>
              <td>{b.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
