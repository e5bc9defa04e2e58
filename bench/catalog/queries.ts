// The searches the benchmark times: words an assessor types (whole words, prefixes, control
// ids), alone and with the filters of the Catalogues and Assessment screens.
import type { RequestOf } from '../../main/contract/ipc';

const WORDS = [
  'mfa',
  'multi-factor authentication',
  'encryption at rest',
  'access review',
  'audit log',
  'backup',
  'incident response plan',
  'vulnerability scan',
  'password',
  'least privilege',
  'session timeout',
  'tls',
  'key rotation',
  'vendor',
  'change control',
  'logging',
  'privileged',
  'remote access',
  'malware',
  'patch',
  'firewall',
  'baseline configuration',
  'account lockout',
  'separation of duties',
  'contingency plan',
  'ac-2',
  'S.A.3',
  'webhook',
  'secrets',
  'sso',
  'retention',
  'media sanitization',
  'supply chain',
  'boundary protection',
  'training',
  'physical access',
  'risk assessment',
  'configuration management',
  'monitor',
  'enc',
  'pat',
  'container',
  'ransomware',
  'SIEM',
  'data processing agreement',
  'system',
  'the organisation',
];
const STATUSES = ['not-assessed', 'met', 'partial', 'not-met'] as const;

export interface PlanInputs {
  catalogueIds: string[];
  categories: { catalogueId: string; id: string }[];
  assessmentId: string;
}

/** n searches cycling through six kinds: text only (×2), + catalogue, + category, + assessment status, filters only. */
export function searchPlan(n: number, inputs: PlanInputs): RequestOf<'catalog.search'>[] {
  const plan: RequestOf<'catalog.search'>[] = [];
  for (let i = 0; i < n; i++) {
    const text = WORDS[(i * 7) % WORDS.length]!;
    const catalogueId = inputs.catalogueIds[i % inputs.catalogueIds.length]!;
    const category = inputs.categories[(i * 5) % inputs.categories.length]!;
    const status = STATUSES[i % STATUSES.length]!;
    switch (i % 6) {
      case 0:
      case 1:
        plan.push({ text, limit: 200 });
        break;
      case 2:
        plan.push({ text, catalogueId, limit: 200 });
        break;
      case 3:
        plan.push({ text: WORDS[(i * 3) % WORDS.length]!, catalogueId: category.catalogueId, category: category.id, limit: 200 });
        break;
      case 4:
        plan.push({ text, assessmentId: inputs.assessmentId, status, limit: 200 });
        break;
      default:
        plan.push(
          i % 12 === 5 ? { text: '', catalogueId, limit: 200 } : { text: '', assessmentId: inputs.assessmentId, status, limit: 200 },
        );
    }
  }
  return plan;
}
