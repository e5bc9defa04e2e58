// An answer as the questionnaire screens show it: option labels and Yes/No words, and
// where it came from in words (the vendor, an earlier cycle, the analyst).
import { YESNO_LABELS } from './labels';
import type { AnswerView, Question } from './types';

export function answerShown(q: Question | undefined, value: AnswerView['value'] | null): string {
  if (value === null || value === '') return '';
  const label = (v: string) => (q?.type === 'yesno' ? (YESNO_LABELS[v] ?? v) : (q?.options.find((o) => o.id === v)?.label ?? v));
  return Array.isArray(value) ? value.map(label).join('; ') : typeof value === 'number' ? String(value) : label(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** "Vendor", "Carried forward from 2025, needs review", "Corrected by Dana (app)" or "Confirmed by …" when the value stayed. */
export function sourceLabel(a: AnswerView, fromCycle: string | null): string {
  switch (a.source) {
    case 'vendor':
      return 'Vendor';
    case 'carried':
      return `Carried forward${fromCycle ? ` from ${fromCycle}` : ''}, needs review`;
    case 'analyst':
      return a.original && a.original.source === 'carried' && same(a.original.value, a.value) && a.original.comment === a.comment
        ? `Confirmed by ${a.updatedBy}`
        : `Corrected by ${a.updatedBy}`;
  }
}
