// Generated client catalogues for the benchmark: controls written the way companies write
// their own control sets (domain, title, requirement, guidance, weight, tags), varied by a
// seeded generator so every run indexes the same text.

import { seeded as random } from '../../test/unit/report/fixtures/engagement';

const DOMAINS: { name: string; code: string; subjects: string[]; actions: string[] }[] = [
  {
    name: 'Identity and access',
    code: 'IAM',
    subjects: [
      'privileged accounts',
      'service accounts',
      'contractor accounts',
      'shared mailboxes',
      'break-glass accounts',
      'single sign-on sessions',
    ],
    actions: [
      'reviewed by their owners',
      'protected with multi-factor authentication',
      'disabled when unused for 45 days',
      'granted through approved roles only',
      'limited to least privilege',
    ],
  },
  {
    name: 'Logging and monitoring',
    code: 'LOG',
    subjects: ['audit logs', 'authentication events', 'administrator actions', 'firewall denials', 'database queries on patient records'],
    actions: [
      'forwarded to the central SIEM',
      'kept for at least one year',
      'protected against deletion',
      'alerted on when unusual',
      'correlated with identity data',
    ],
  },
  {
    name: 'Data protection',
    code: 'DAT',
    subjects: ['patient records', 'backups', 'database snapshots', 'exported reports', 'encryption keys', 'removable media'],
    actions: [
      'encrypted at rest with AES-256',
      'encrypted in transit with TLS 1.2 or later',
      'classified and labelled',
      'deleted at the end of retention',
      'kept inside the approved regions',
    ],
  },
  {
    name: 'Network security',
    code: 'NET',
    subjects: ['internet-facing services', 'internal APIs', 'remote access connections', 'wireless networks', 'egress traffic'],
    actions: [
      'filtered by a web application firewall',
      'segmented from the corporate network',
      'denied by default',
      'monitored for intrusion attempts',
      'restricted to approved destinations',
    ],
  },
  {
    name: 'Vulnerability management',
    code: 'VUL',
    subjects: ['container images', 'operating systems', 'third-party libraries', 'network devices', 'laptops with production access'],
    actions: [
      'scanned for known vulnerabilities weekly',
      'patched within the agreed service levels',
      'tracked in the vulnerability register',
      'retested after remediation',
      'covered by penetration tests every year',
    ],
  },
  {
    name: 'Change management',
    code: 'CHG',
    subjects: ['infrastructure changes', 'application releases', 'firewall rule changes', 'emergency changes', 'configuration baselines'],
    actions: [
      'approved before deployment',
      'peer reviewed in a pull request',
      'recorded with a rollback plan',
      'tested in staging first',
      'compared against the baseline automatically',
    ],
  },
  {
    name: 'Incident response',
    code: 'INC',
    subjects: ['security incidents', 'suspected data breaches', 'phishing reports', 'ransomware scenarios', 'on-call escalations'],
    actions: [
      'triaged within one hour',
      'handled following the incident response plan',
      'rehearsed in a tabletop exercise twice a year',
      'reported to the privacy officer',
      'reviewed in a blameless post-mortem',
    ],
  },
  {
    name: 'Business continuity',
    code: 'BCP',
    subjects: ['critical services', 'recovery plans', 'offline backups', 'key suppliers', 'disaster recovery sites'],
    actions: [
      'restored in a test at least yearly',
      'documented with recovery time objectives',
      'kept in a separate account',
      'reviewed after each major change',
      'covered by a contingency plan',
    ],
  },
  {
    name: 'Third-party risk',
    code: 'TPR',
    subjects: ['software vendors', 'cloud providers', 'data processors', 'outsourced developers', 'payment partners'],
    actions: [
      'assessed with the security questionnaire',
      'bound by a data processing agreement',
      'reviewed annually',
      'monitored for breaches',
      'given unique credentials',
    ],
  },
  {
    name: 'Secure development',
    code: 'DEV',
    subjects: ['source code repositories', 'build pipelines', 'secrets in code', 'dependencies', 'release artefacts'],
    actions: [
      'scanned by static analysis on every change',
      'signed before release',
      'pinned by hash',
      'protected by branch protection rules',
      'kept free of hard-coded credentials',
    ],
  },
];
const FREQUENCIES = [
  'at least quarterly',
  'every month',
  'at least yearly',
  'after every significant change',
  'continuously',
  'before go-live',
];
const EVIDENCE = [
  'the configuration export',
  'a sample of 25 records',
  'the ticket history',
  'the policy document and its approval',
  'screenshots of the admin console',
  'the tool report for the period',
];
const TAGS = ['hipaa', 'soc2', 'iso27001', 'privacy', 'cloud', 'saas', 'critical-system', 'patient-data'];

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A CSV catalogue of `size` controls: Ref, Title, Requirement, Guidance, Domain, Weight, Tags. */
export function clientCatalogueCsv(seed: number, size: number): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const lines = ['Ref,Title,Requirement,Guidance,Domain,Weight,Tags'];
  for (let i = 1; i <= size; i++) {
    const d = pick(DOMAINS);
    const subject = pick(d.subjects);
    const action = pick(d.actions);
    const frequency = pick(FREQUENCIES);
    const title = `${cap(subject)} ${action}`;
    const statement = `The organisation ensures that all ${subject} are ${action}, and checks this ${frequency}. Exceptions are approved by the ${pick(['CISO', 'system owner', 'security council', 'data protection officer'])} and recorded with an expiry date.`;
    const guidance = `Review ${pick(EVIDENCE)} and ${pick(EVIDENCE)}. Confirm that ${subject} outside the standard process are rare and explained; ${pick(['note any manual steps', 'compare with the previous period', 'interview the owner', 'sample at least 10 items'])}.`;
    const tags = [pick(TAGS), pick(TAGS)].filter((t, k, all) => all.indexOf(t) === k).join(';');
    lines.push(
      [`${d.code}-${seed}-${String(i).padStart(4, '0')}`, title, statement, guidance, d.name, String(1 + Math.floor(rnd() * 5)), tags]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
