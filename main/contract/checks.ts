// Channels of credentials (metadata only), the egress policy, live-check targets and runs.
// A credential's value goes in through credential.create/replace and never comes out:
// no response schema here has a field that could carry it.
import { z } from 'zod';
import { id } from './primitives';
import { defineChannel, type ChannelDef } from './channel';

const host = z.string().trim().min(1).max(253);
const CHECK_STATUSES = ['pass', 'fail', 'warn', 'could-not-verify', 'error'] as const;
const SUGGESTED = ['met', 'partially-met', 'not-met'] as const;

export const credentialKinds = ['bearer', 'basic', 'header'] as const;

export const credentialMeta = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(credentialKinds),
  headerName: z.string().nullable(),
  hosts: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CredentialMeta = z.infer<typeof credentialMeta>;

/** The credential value: a header value cannot hold line breaks; 16 KiB is far above any token. */
const secretValue = z.string().min(1, 'the value is empty').max(16_384, 'the value is longer than 16 KiB');

export const egressPolicyView = z.object({
  liveChecksEnabled: z.boolean(),
  allowedHosts: z.array(z.string()),
  resolver: z.object({ server: z.string(), port: z.number() }),
  /** PEM of a private CA trusted, in addition to the system roots, for customCaHosts only and never with a credential. */
  customCa: z.string().nullable(),
  customCaHosts: z.array(z.string()),
  customCaSubject: z.string().nullable(),
});
export type EgressPolicyView = z.infer<typeof egressPolicyView>;

export const checkInfo = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(['web', 'tls', 'dns', 'saas']),
  /** "catalogue:control" ids this check evidences (its own list and the catalogues' checks: lists). */
  controls: z.array(z.string()),
  inputs: z.array(z.object({ name: z.string(), label: z.string(), required: z.boolean(), description: z.string() })),
  credential: z.object({ kinds: z.array(z.enum(credentialKinds)), required: z.boolean() }).nullable(),
});
export type CheckInfo = z.infer<typeof checkInfo>;

export const checkTargetView = z.object({
  id: z.string(),
  assessmentId: z.string(),
  checkId: z.string(),
  checkTitle: z.string(),
  target: z.string(),
  inputs: z.record(z.string(), z.string()),
  credentialId: z.string().nullable(),
  credentialLabel: z.string().nullable(),
  createdAt: z.string(),
});
export type CheckTargetView = z.infer<typeof checkTargetView>;

export const checkRunView = z.object({
  id: z.string(),
  assessmentId: z.string(),
  targetId: z.string().nullable(),
  checkId: z.string(),
  title: z.string(),
  target: z.string(),
  status: z.enum(CHECK_STATUSES),
  summary: z.string(),
  remediation: z.string(),
  suggestedStatus: z.enum(SUGGESTED).nullable(),
  controls: z.array(z.object({ catalogueId: z.string(), controlId: z.string() })),
  errorCode: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  runBy: z.string(),
  decision: z.enum(['accepted', 'rejected']).nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type CheckRunView = z.infer<typeof checkRunView>;

export const runProgressView = z.object({
  runId: z.string(),
  assessmentId: z.string(),
  state: z.enum(['running', 'finished', 'cancelled']),
  done: z.number(),
  total: z.number(),
  items: z.array(
    z.object({
      targetId: z.string(),
      checkId: z.string(),
      title: z.string(),
      target: z.string(),
      state: z.enum(['queued', 'running', 'done']),
      status: z.enum(CHECK_STATUSES).nullable(),
      checkRunId: z.string().nullable(),
    }),
  ),
});
export type RunProgressView = z.infer<typeof runProgressView>;

const targetFields = {
  checkId: z.string().min(1).max(80),
  target: z.string().trim().min(1, 'a target is required').max(2048),
  inputs: z.record(z.string().max(64), z.string().max(4096)).default({}),
  credentialId: id.nullable().default(null),
};

export const checkChannels = {
  'credential.list': defineChannel({
    effect: 'read',
    summary: 'Saved credentials: label, kind, header name and bound hosts (never a value).',
    request: z.object({}).strict(),
    response: z.object({ credentials: z.array(credentialMeta) }),
  }),
  'credential.create': defineChannel({
    effect: 'write',
    summary: 'Save a credential in the OS keychain, bound to the hosts it may be sent to; the value is never returned.',
    request: z
      .object({
        label: z.string().trim().min(1, 'a label is required').max(200),
        kind: z.enum(credentialKinds),
        headerName: z.string().trim().max(100).optional(),
        hosts: z.array(host).min(1, 'at least one host is required').max(50),
        value: secretValue,
      })
      .strict(),
    response: credentialMeta,
  }),
  'credential.replace': defineChannel({
    effect: 'write',
    summary: 'Replace the value of a credential (label, kind and hosts stay).',
    request: z.object({ id, value: secretValue }).strict(),
    response: credentialMeta,
  }),
  'credential.delete': defineChannel({
    effect: 'write',
    summary: 'Delete a credential from the OS keychain.',
    request: z.object({ id }).strict(),
    response: z.object({ deleted: z.string() }),
  }),
  'credential.test': defineChannel({
    effect: 'read',
    summary: 'Send one harmless GET with the credential to one of its hosts (needs live checks on and the host approved).',
    request: z
      .object({
        id,
        host: host.optional(),
        port: z.number().int().min(1).max(65535).default(443),
        path: z.string().max(512).regex(/^\//, 'a path starts with /').default('/'),
      })
      .strict(),
    response: z.object({ host: z.string(), status: z.number(), ok: z.boolean(), message: z.string() }),
  }),
  'policy.get': defineChannel({
    effect: 'read',
    summary: "The workspace's egress policy: live checks on or off, approved hosts, resolver, custom CA.",
    request: z.object({}).strict(),
    response: egressPolicyView,
  }),
  'policy.setEnabled': defineChannel({
    effect: 'write',
    summary: 'Turn live checks on or off for this workspace (off: nothing is sent over the network).',
    request: z.object({ enabled: z.boolean() }).strict(),
    response: egressPolicyView,
  }),
  'policy.approveHosts': defineChannel({
    effect: 'write',
    summary: 'Approve hosts (names or IP addresses, no wildcards) that checks may contact.',
    request: z.object({ hosts: z.array(host).min(1).max(200) }).strict(),
    response: egressPolicyView,
  }),
  'policy.revokeHost': defineChannel({
    effect: 'write',
    summary: 'Remove a host from the approved list.',
    request: z.object({ host }).strict(),
    response: egressPolicyView,
  }),
  'policy.setResolver': defineChannel({
    effect: 'write',
    summary: 'The DNS resolver (IP address and port) the DNS checks ask; it must be approved too.',
    request: z.object({ server: host, port: z.number().int().min(1).max(65535).default(53) }).strict(),
    response: egressPolicyView,
  }),
  'policy.setCustomCa': defineChannel({
    effect: 'write',
    summary: 'Trust a private CA (PEM) for the named hosts only (never with a credential), or clear it with null.',
    request: z.object({ pem: z.string().max(65_536).nullable(), hosts: z.array(host).max(100).default([]) }).strict(),
    response: egressPolicyView,
  }),
  'check.list': defineChannel({
    effect: 'read',
    summary: 'Every live check with its inputs, credential needs and the controls it evidences.',
    request: z.object({}).strict(),
    response: z.object({ checks: z.array(checkInfo) }),
  }),
  'check.targets': defineChannel({
    effect: 'read',
    summary: 'The saved check targets of an assessment.',
    request: z.object({ assessmentId: id }).strict(),
    response: z.object({ targets: z.array(checkTargetView) }),
  }),
  'check.addTarget': defineChannel({
    effect: 'write',
    summary: 'Save a target for a check on an assessment (check, target, inputs, credential).',
    request: z.object({ assessmentId: id, ...targetFields }).strict(),
    response: checkTargetView,
  }),
  'check.updateTarget': defineChannel({
    effect: 'write',
    summary: "Change a saved target's address, inputs or credential.",
    request: z.object({ id, target: targetFields.target, inputs: targetFields.inputs, credentialId: targetFields.credentialId }).strict(),
    response: checkTargetView,
  }),
  'check.removeTarget': defineChannel({
    effect: 'write',
    summary: 'Remove a saved target (its past runs stay).',
    request: z.object({ id }).strict(),
    response: z.object({ removed: z.string() }),
  }),
  'check.hosts': defineChannel({
    effect: 'read',
    summary: 'The hosts a run of these targets would contact, and which of them still need approval.',
    request: z.object({ assessmentId: id, targetIds: z.array(id).max(500).optional() }).strict(),
    response: z.object({ liveChecksEnabled: z.boolean(), hosts: z.array(z.string()), unapproved: z.array(z.string()) }),
  }),
  'check.run': defineChannel({
    effect: 'job',
    summary: 'Start a run of some (or all) targets of an assessment; answers at once with a run id (poll check.progress).',
    request: z.object({ assessmentId: id, targetIds: z.array(id).max(500).optional() }).strict(),
    response: runProgressView,
  }),
  'check.progress': defineChannel({
    effect: 'job',
    summary: 'Progress of a run: n of m done, and the state of each target.',
    request: z.object({ runId: id }).strict(),
    response: runProgressView,
  }),
  'check.cancel': defineChannel({
    effect: 'job',
    summary: 'Cancel a run; checks in flight stop and are recorded as cancelled.',
    request: z.object({ runId: id }).strict(),
    response: runProgressView,
  }),
  'check.results': defineChannel({
    effect: 'read',
    summary: 'Stored runs of an assessment, newest first (re-runs of a check on a target are its history).',
    request: z.object({ assessmentId: id }).strict(),
    response: z.object({ runs: z.array(checkRunView) }),
  }),
  'check.result': defineChannel({
    effect: 'read',
    summary: 'One stored run with its redacted observations as JSON text.',
    request: z.object({ id }).strict(),
    response: checkRunView.extend({ observations: z.string(), inputs: z.record(z.string(), z.string()) }),
  }),
  'check.decide': defineChannel({
    effect: 'write',
    summary: "Accept (sets the controls' status, citing the run) or reject the suggested control status of a run.",
    request: z.object({ id, decision: z.enum(['accept', 'reject']), note: z.string().max(5000).default('') }).strict(),
    response: checkRunView,
  }),
} satisfies Record<string, ChannelDef>;
