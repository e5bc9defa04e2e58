// The tier rubric: which review depth a vendor needs, from what it holds or reaches and
// how much the business depends on it. docs/vendor-risk.md explains it for users; keep
// the two in step. Tier 1 is the most critical.
import type { TierExplanation, VendorCriticality, VendorDataType, VendorTier } from '../../contract/vendor';

interface Rule {
  tier: VendorTier;
  reason: string;
  applies(data: ReadonlySet<VendorDataType>, criticality: VendorCriticality): boolean;
}

// A breach or outage at a tier 1 vendor would hurt at once: it can act inside our
// systems, holds data whose loss is reportable and costly, or the business stops
// without it.
const RULES: readonly Rule[] = [
  { tier: 1, reason: 'criticality critical', applies: (_, c) => c === 'critical' },
  { tier: 1, reason: 'holds credentials or secrets', applies: (d) => d.has('credentials') },
  { tier: 1, reason: 'has access to production', applies: (d) => d.has('production-access') },
  { tier: 1, reason: 'holds special-category data (health, biometrics…)', applies: (d) => d.has('special-category') },
  { tier: 1, reason: 'holds payment data', applies: (d) => d.has('payment') },
  { tier: 1, reason: 'criticality high with personal data', applies: (d, c) => c === 'high' && d.has('personal') },
  // Tier 2: material, but the damage is bounded.
  { tier: 2, reason: 'criticality high', applies: (_, c) => c === 'high' },
  { tier: 2, reason: 'holds personal data', applies: (d) => d.has('personal') },
  { tier: 2, reason: 'reaches source code', applies: (d) => d.has('source-code') },
];

export function tierFor(dataTypes: readonly VendorDataType[], criticality: VendorCriticality): TierExplanation {
  const data = new Set(dataTypes);
  for (const tier of [1, 2] as const) {
    const reasons = RULES.filter((r) => r.tier === tier && r.applies(data, criticality)).map((r) => r.reason);
    if (reasons.length) return { tier, reasons };
  }
  const what = data.has('internal') ? 'only internal business data' : 'no sensitive data';
  return { tier: 3, reasons: [`criticality ${criticality}`, what] };
}

/** "Tier 1 because: holds credentials or secrets; criticality critical". */
export const explainTier = (e: TierExplanation) => `Tier ${e.tier} because: ${e.reasons.join('; ')}`;
