// Words for check outcomes and suggestions, shared by the progress list and the results.
import type { CheckRunView } from '../../../../main/contract/checks';

export const STATUS_WORDS: Record<CheckRunView['status'], string> = {
  pass: 'Pass',
  fail: 'Fail',
  warn: 'Warning',
  'could-not-verify': 'Could not verify',
  error: 'Error',
};

export const SUGGESTION_WORDS: Record<NonNullable<CheckRunView['suggestedStatus']>, string> = {
  met: 'Met',
  'partially-met': 'Partially met',
  'not-met': 'Not met',
};

export { formatDateTime as when } from '../../lib/dates';
