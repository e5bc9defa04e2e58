// Where an answer came from, in words, for the exported workbook and the answers CSV:
// the vendor's own answer says nothing; the others say who stands behind them.
import type { AnswerView } from '../../contract/questionnaire';

export function provenanceText(a: Pick<AnswerView, 'source' | 'updatedBy' | 'updatedAt'>, fromCycle: string | null): string {
  switch (a.source) {
    case 'vendor':
      return '';
    case 'carried':
      return `Carried forward from ${fromCycle ? `cycle ${fromCycle}` : 'an earlier cycle'}, needs review`;
    case 'analyst':
      return `Corrected by ${a.updatedBy} on ${a.updatedAt.slice(0, 10)}`;
  }
}
