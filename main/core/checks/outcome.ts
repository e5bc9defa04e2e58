// Small constructors so every check states status and suggestion the same way.
import type { CheckOutcome, SuggestedControlStatus } from './types';

type Obs = Record<string, unknown>;

const suggestion: Record<'pass' | 'fail' | 'warn', SuggestedControlStatus> = {
  pass: 'met',
  warn: 'partially-met',
  fail: 'not-met',
};

export function verdict(status: 'pass' | 'fail' | 'warn', summary: string, remediation: string, observations: Obs): CheckOutcome {
  return { status, summary, remediation, observations, suggestedControlStatus: suggestion[status] };
}

/** The evidence could not be gathered: never a pass, and no suggested control status. */
export function couldNotVerify(summary: string, remediation: string, observations: Obs = {}): CheckOutcome {
  return { status: 'could-not-verify', summary, remediation, observations, suggestedControlStatus: null };
}
