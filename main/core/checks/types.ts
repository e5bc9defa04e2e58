// What a live check is and what it returns. A check sees the network only through
// ctx.client (the egress-guarded client), and suggests, never sets, a control status.
import type { CredentialKind } from '../credentials/store';
import type { NetClient, WorkspaceCa } from '../net/client';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'could-not-verify' | 'error';
export type SuggestedControlStatus = 'met' | 'partially-met' | 'not-met';

export interface CheckInputSpec {
  name: string;
  label: string;
  required: boolean;
  description: string;
}

/** What the user (or the CLI) supplies for one run. */
export interface CheckInput {
  /** URL, host[:port] or domain, depending on the check. */
  target: string;
  /** PEM of a CA the user gave for this run (attest check --ca), trusted for any host. */
  caPem?: string;
  /** The workspace's CA (its settings or the saved target's): only for its hosts, never with a credential. */
  workspaceCa?: WorkspaceCa;
  credentialId?: string;
  /** Check-specific extras (e.g. org, ssoDomain). */
  params?: Record<string, string>;
}

export interface ResolverConfig {
  /** IP (or approved name) of the recursive resolver the DNS checks ask. */
  server: string;
  port: number;
}

export interface CheckContext {
  client: NetClient;
  input: CheckInput;
  resolver: ResolverConfig;
  signal: AbortSignal;
  now: () => Date;
}

/** What a check's run() returns; the runner adds identity and timing. */
export interface CheckOutcome {
  status: CheckStatus;
  summary: string;
  remediation: string;
  observations: Record<string, unknown>;
  suggestedControlStatus: SuggestedControlStatus | null;
}

export interface CheckDefinition {
  id: string;
  title: string;
  description: string;
  category: 'web' | 'tls' | 'dns' | 'saas';
  /** Catalogue control ids this check can evidence. */
  controls: string[];
  inputs: CheckInputSpec[];
  /** The hosts a run with this input will contact (for approval before running). */
  hosts(input: CheckInput, resolver: ResolverConfig): string[];
  credential: { kinds: CredentialKind[]; required: boolean } | null;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

export interface CheckResult extends CheckOutcome {
  checkId: string;
  title: string;
  target: string;
  controls: string[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Set when the status is error or could-not-verify because of an AttestError. */
  errorCode: string | null;
  /** The unapproved host, so the UI can ask for approval (HOST_NOT_APPROVED only). */
  hostToApprove: string | null;
}
