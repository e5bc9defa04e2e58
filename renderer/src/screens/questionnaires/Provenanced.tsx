// An answer's text with a short mark when it is not the vendor's own: carried forward
// from an earlier cycle (needs review) or corrected by the analyst.
import type { AnswerSource } from './types';

const MARKS: Record<AnswerSource, string | null> = {
  vendor: null,
  carried: 'carried forward, needs review',
  analyst: 'corrected by the analyst',
};

export function Provenanced({ text, source }: { text: string; source: AnswerSource | null | undefined }) {
  const mark = source ? MARKS[source] : null;
  return (
    <>
      {text || '—'}
      {mark ? <span className="muted small provenance-mark"> ({mark})</span> : null}
    </>
  );
}
