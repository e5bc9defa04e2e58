// Charts as pdfmake vector canvas (crisp at any zoom, no raster, deterministic). Labels
// and values are real text in table cells beside the bars, so they stay readable and
// searchable; the canvas draws only the bars and the scale.
import type { Content } from 'pdfmake/interfaces';
import { formatScore } from '../../contract/vocabulary';
import { CONTENT_WIDTH } from './theme';

export interface Bar {
  label: string;
  value: number;
  color: string;
  /** Text printed after the bar; defaults to the value. */
  valueText?: string;
}

const noLines = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 2,
  paddingRight: () => 2,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

/** Horizontal bars, one row per item, scaled to `max` (100 for scores). */
export function horizontalBarChart(title: string, bars: Bar[], max: number, labelWidth = 170): Content {
  const valueWidth = 44;
  const barWidth = CONTENT_WIDTH - labelWidth - valueWidth - 12;
  const scale = max > 0 ? barWidth / max : 0;
  const rows: Content[][] = bars.map((b) => [
    { text: b.label, fontSize: 8.5, noWrap: false },
    {
      canvas: [
        { type: 'rect', x: 0, y: 1, w: barWidth, h: 9, color: '#ECEFF1' },
        { type: 'rect', x: 0, y: 1, w: Math.max(0.5, Math.min(b.value, max) * scale), h: 9, color: b.color },
      ],
    },
    { text: b.valueText ?? formatScore(b.value), fontSize: 8.5, bold: true, alignment: 'right' },
  ]);
  return {
    unbreakable: true,
    margin: [0, 4, 0, 10],
    stack: [
      { text: title, fontSize: 9.5, bold: true, margin: [0, 0, 0, 4] },
      { table: { widths: [labelWidth, barWidth, valueWidth], body: rows }, layout: noLines },
    ],
  } as Content;
}

/** Vertical columns with the count above each and the label below: severity distribution. */
export function columnChart(title: string, bars: Bar[], height = 110): Content {
  const n = Math.max(1, bars.length);
  const slot = Math.min(90, CONTENT_WIDTH / n);
  const colWidth = slot * 0.6;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const chartWidth = slot * n;
  const canvas = [
    { type: 'line', x1: 0, y1: height, x2: chartWidth, y2: height, lineWidth: 0.8, lineColor: '#90A4AE' },
    ...bars.map((b, i) => {
      const h = (b.value / max) * (height - 4);
      return { type: 'rect', x: i * slot + (slot - colWidth) / 2, y: height - h, w: colWidth, h: Math.max(h, 0.5), color: b.color };
    }),
  ];
  const labels = (pick: (b: Bar) => string, bold: boolean): Content => ({
    columns: bars.map((b) => ({ text: pick(b), width: slot, alignment: 'center', fontSize: 8.5, bold })),
    columnGap: 0,
  });
  return {
    unbreakable: true,
    margin: [0, 4, 0, 10],
    stack: [
      { text: title, fontSize: 9.5, bold: true, margin: [0, 0, 0, 4] },
      labels((b) => b.valueText ?? String(b.value), true),
      { canvas },
      labels((b) => b.label, false),
    ],
  } as Content;
}

/** A single score as a wide gauge bar with its number. */
export function scoreGauge(label: string, value: number | null, color: string): Content {
  const w = CONTENT_WIDTH - 120;
  const score = value ?? 0;
  return {
    columns: [
      {
        width: 110,
        stack: [
          { text: label, fontSize: 9, color: '#455A64' },
          { text: value === null ? 'Not scored' : `${formatScore(score)} / 100`, fontSize: value === null ? 14 : 20, bold: true, color },
        ],
      },
      {
        width: w,
        margin: [0, 14, 0, 0],
        canvas: [
          { type: 'rect', x: 0, y: 0, w, h: 14, r: 3, color: '#ECEFF1' },
          { type: 'rect', x: 0, y: 0, w: Math.max(1, (Math.min(100, score) / 100) * w), h: 14, r: 3, color },
          ...[25, 50, 75].map((t) => ({
            type: 'line',
            x1: (t / 100) * w,
            y1: 0,
            x2: (t / 100) * w,
            y2: 14,
            lineWidth: 0.5,
            lineColor: '#FFFFFF',
          })),
        ],
      },
    ],
    margin: [0, 4, 0, 12],
  } as Content;
}

export function scoreColor(score: number): string {
  if (score >= 80) return '#2E7D32';
  if (score >= 60) return '#9E9D24';
  if (score >= 40) return '#EF6C00';
  return '#C62828';
}
