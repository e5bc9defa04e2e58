// A change in words for the toast ("finding added", "vendor certification removed"), from
// the audit action the core names it by ("finding.create", "vendor.certification.remove").
const DOMAINS: Record<string, string> = {
  result: 'control status',
  finding: 'finding',
  evidence: 'evidence',
  assessment: 'assessment',
  catalog: 'catalogue',
  vendor: 'vendor',
  template: 'questionnaire template',
  questionnaire: 'questionnaire',
  check: 'live check',
  settings: 'settings',
  signing: 'signing',
  blob: 'file',
  report: 'report',
  workspace: 'workspace',
};

const VERBS: Record<string, string> = {
  create: 'added',
  add: 'added',
  generate: 'made',
  remove: 'removed',
  restore: 'restored',
  update: 'changed',
  edit: 'edited',
  bulk: 'changed for several',
  set: 'set',
  import: 'imported',
  export: 'exported',
  conclude: 'concluded',
  decide: 'decided',
  run: 'run',
  link: 'linked',
  override: 'overridden',
  clear: 'cleared',
  revoke: 'revoked',
  score: 'scored',
  install: 'installed',
  review: 'sent for review',
  final: 'finalised',
  reopen: 'reopened',
  correct: 'corrected',
};

export function changeWords(action: string): string {
  const [domain = '', ...rest] = action.split('.');
  const subject = DOMAINS[domain] ?? domain;
  // "result.not-met", "finding.status.remediated": a status set.
  if (domain === 'result' && rest.length === 1 && !VERBS[rest[0]!]) return 'control status set';
  const verbAt = rest.findIndex((part) => VERBS[part]);
  if (verbAt < 0) return `${subject} changed`;
  const middle = rest.slice(0, verbAt).join(' ');
  return `${subject}${middle ? ` ${middle}` : ''} ${VERBS[rest[verbAt]!]}`;
}
