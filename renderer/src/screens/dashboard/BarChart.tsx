// A horizontal bar chart of scores (0–100) drawn as inline SVG, each bar labelled with its
// number. The drawing is hidden from screen readers; a visually hidden table carries the
// same figures for them. It is drawn at its real pixel width (measured), so text keeps
// its size whatever the width of the card.
import { useLayoutEffect, useRef, useState } from 'react';
import { scoreText } from './format';

export interface Bar {
  key: string;
  label: string;
  score: number | null;
  /** e.g. "12 of 20 assessed", for the text alternative */
  detail: string;
}

const ROW = 30;
const VALUE_W = 118; // room after a bar for its number or "not assessed yet"
const CHAR_W = 8; // average width of a 13px label character (DejaVu Sans is wide)

function useWidth() {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(560);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(260, Math.min(el.clientWidth, 760)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function BarChart({ caption, bars }: { caption: string; bars: readonly Bar[] }) {
  const [ref, width] = useWidth();
  const labelW = Math.round(Math.min(230, width * 0.42));
  const barW = Math.max(60, width - labelW - VALUE_W);
  const maxChars = Math.floor((labelW - 14) / CHAR_W);
  const short = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
  const height = bars.length * ROW + 22;
  return (
    <figure className="bar-chart" ref={ref}>
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" focusable="false">
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line className="chart-grid" x1={labelW + (t * barW) / 100} x2={labelW + (t * barW) / 100} y1={0} y2={bars.length * ROW} />
            <text className="chart-tick" x={labelW + (t * barW) / 100} y={bars.length * ROW + 15} textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = i * ROW;
          const w = b.score === null ? 0 : (b.score * barW) / 100;
          return (
            <g key={b.key}>
              <title>{`${b.label}: ${scoreText(b.score)}`}</title>
              <text className="chart-label" x={labelW - 10} y={y + ROW / 2 + 4} textAnchor="end">
                {short(b.label)}
              </text>
              <rect className="chart-track" x={labelW} y={y + 6} width={barW} height={ROW - 12} rx={3} />
              {w > 0 ? <rect className="chart-bar" x={labelW} y={y + 6} width={w} height={ROW - 12} rx={3} /> : null}
              <text className={b.score === null ? 'chart-value muted' : 'chart-value'} x={labelW + w + 6} y={y + ROW / 2 + 4}>
                {b.score === null ? 'not assessed yet' : scoreText(b.score)}
              </text>
            </g>
          );
        })}
      </svg>
      {/* A table ignores a 1px width, so the hidden box is a div around it. */}
      <div className="visually-hidden">
        <table>
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
      </div>
    </figure>
  );
}
