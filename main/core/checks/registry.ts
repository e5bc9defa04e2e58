// Every live check Attest ships, by id. Ids are stable: catalogues refer to them.
import { dnsChecks } from './dns/checks';
import { githubSettingsCheck, githubTwoFactorCheck } from './saas/github';
import { retoolSsoCheck } from './saas/retool';
import { tinesTenantCheck } from './saas/tines';
import { tlsChecks } from './tls/checks';
import type { CheckDefinition } from './types';
import { webChecks } from './web/checks';

export const allChecks: readonly CheckDefinition[] = [
  ...webChecks,
  ...tlsChecks,
  ...dnsChecks,
  tinesTenantCheck,
  retoolSsoCheck,
  githubTwoFactorCheck,
  githubSettingsCheck,
];

const byId = new Map(allChecks.map((c) => [c.id, c]));

export function getCheck(id: string): CheckDefinition | undefined {
  return byId.get(id);
}

/** Metadata safe to send anywhere (no functions). */
export function describeChecks() {
  return allChecks.map((c) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    category: c.category,
    controls: [...c.controls],
    inputs: c.inputs.map((i) => ({ ...i })),
    credential: c.credential ? { kinds: [...c.credential.kinds], required: c.credential.required } : null,
  }));
}
