// The words the questionnaire screens show for the contract's values. The records are typed
// against the contract, so a value added there fails the type check here until it has a label.
import type { Conclusion, QuestionType, QuestionnaireSummary, TemplateSummary } from './types';
import { formatScore } from '../../../../main/contract/vocabulary';

export const TYPE_LABELS: Record<QuestionType, string> = {
  yesno: 'Yes / no / partial',
  single: 'One choice',
  multi: 'Several choices',
  text: 'Text',
  number: 'Number',
  date: 'Date',
  file: 'File',
};
export const QUESTION_TYPE_LIST = Object.keys(TYPE_LABELS) as QuestionType[];

export const YESNO_LABELS: Record<string, string> = { yes: 'Yes', no: 'No', partial: 'Partial', na: 'Not applicable' };
export const YESNO_LIST = ['yes', 'no', 'partial', 'na'];

export const ORIGIN_LABELS: Record<TemplateSummary['origin'], string> = {
  builtin: 'Built-in',
  vsaq: 'VSAQ import',
  imported: 'Imported file',
  custom: 'Custom',
};

export const STATE_LABELS: Record<QuestionnaireSummary['state'], string> = {
  draft: 'Draft',
  sent: 'Sent',
  answered: 'Answered',
  concluded: 'Concluded',
};

export const CONCLUSION_LABELS: Record<Conclusion, string> = {
  approve: 'Approve',
  'approve-with-conditions': 'Approve with conditions',
  reject: 'Reject',
};
export const CONCLUSION_LIST = Object.keys(CONCLUSION_LABELS) as Conclusion[];

export const score = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatScore(n));
