import { formatScore } from '../../../../main/contract/vocabulary';

// How scores read on the Dashboard. The core rounds a score to one decimal (0–100), or
// gives null when no applicable control has been assessed yet.
export const scoreText = (score: number | null) => (score === null ? '—' : formatScore(score));

/** The change between two scores, with an arrow that does not rely on colour. */
export function deltaText(from: number | null, to: number | null): { text: string; trend: 'up' | 'down' | 'same' | 'none' } {
  if (from === null || to === null) return { text: 'not comparable', trend: 'none' };
  const d = Math.round((to - from) * 10) / 10;
  if (d > 0) return { text: `▲ +${d}`, trend: 'up' };
  if (d < 0) return { text: `▼ −${Math.abs(d)}`, trend: 'down' };
  return { text: 'no change', trend: 'same' };
}

export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);
