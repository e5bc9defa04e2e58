// Saved check targets of an assessment (table check_targets): which check, against what,
// with which extra inputs and which credential (by id; the value stays in the keychain).
import type { CheckTargetView } from '../../contract/checks';
import { assertEditable } from '../assessment/assessments';
import { newId } from '../ids';
import type { CredentialMetadata } from '../credentials/store';
import { AttestError } from '../errors';
import { withoutUserinfo } from '../net/userinfo';
import type { Workspace } from '../workspace';
import type { StoredEgress } from './egress';
import { hostsOrNone } from './hosts';
import { getCheck } from './registry';
import type { CheckDefinition, CheckInput } from './types';

interface TargetDbRow {
  id: string;
  assessment_id: string;
  check_id: string;
  target: string;
  inputs: string;
  credential_id: string | null;
  created_at: string;
}

export interface TargetFields {
  target: string;
  inputs: Record<string, string>;
  credentialId: string | null;
}

export function checkOrThrow(checkId: string): CheckDefinition {
  const check = getCheck(checkId);
  if (!check) throw new AttestError('UNKNOWN_CHECK', `There is no live check called "${checkId.slice(0, 80)}"; see the list of checks.`);
  return check;
}

const parseInputs = (raw: string): Record<string, string> => {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
};

function toView(r: TargetDbRow, credentials: readonly CredentialMetadata[]): CheckTargetView {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    checkId: r.check_id,
    checkTitle: getCheck(r.check_id)?.title ?? r.check_id,
    target: r.target,
    inputs: parseInputs(r.inputs),
    credentialId: r.credential_id,
    credentialLabel: credentials.find((c) => c.id === r.credential_id)?.label ?? null,
    createdAt: r.created_at,
  };
}

export function listTargets(ws: Workspace, assessmentId: string, credentials: readonly CredentialMetadata[]): CheckTargetView[] {
  return ws
    .query<TargetDbRow>('SELECT * FROM check_targets WHERE assessment_id = ? AND removed_at IS NULL ORDER BY created_at, id', [
      assessmentId,
    ])
    .map((r) => toView(r, credentials));
}

export function targetRow(ws: Workspace, id: string): TargetDbRow {
  const r = ws.query<TargetDbRow>('SELECT * FROM check_targets WHERE id = ? AND removed_at IS NULL', [id])[0];
  if (!r) throw new AttestError('TARGET_NOT_FOUND', 'That check target no longer exists; reload the list.');
  return r;
}

/**
 * The input a run of this saved target gets. A CA saved with the target is trusted for the
 * hosts this target contacts; otherwise the workspace's CA for the hosts it was set for.
 * Both came with the workspace, so the client never uses either with a credential.
 */
export function inputOf(r: TargetDbRow, egress: Pick<StoredEgress, 'customCa' | 'customCaHosts' | 'resolver'>): CheckInput {
  const { caPem, ...params } = parseInputs(r.inputs);
  const input: CheckInput = { target: r.target, credentialId: r.credential_id ?? undefined, params };
  if (caPem?.trim()) {
    const check = getCheck(r.check_id);
    const hosts = check ? hostsOrNone((i: CheckInput) => check.hosts(i, egress.resolver))(input) : [];
    input.workspaceCa = { pem: caPem, hosts };
  } else if (egress.customCa) {
    input.workspaceCa = { pem: egress.customCa, hosts: egress.customCaHosts };
  }
  return input;
}

function validate(check: CheckDefinition, f: TargetFields, credentials: readonly CredentialMetadata[]): void {
  const known = new Set(check.inputs.map((i) => i.name));
  for (const name of Object.keys(f.inputs)) {
    if (!known.has(name) && name !== 'resolver') {
      throw new AttestError('INVALID_INPUT', `The check "${check.title}" has no input called "${name.slice(0, 64)}".`);
    }
  }
  if (f.credentialId) {
    if (!check.credential) throw new AttestError('CREDENTIAL_NOT_USED', `The check "${check.title}" does not use a credential.`);
    const meta = credentials.find((c) => c.id === f.credentialId);
    if (!meta) throw new AttestError('CREDENTIAL_NOT_FOUND', 'That credential no longer exists; choose another or add it again.');
    if (!check.credential.kinds.includes(meta.kind)) {
      throw new AttestError(
        'CREDENTIAL_KIND',
        `The check "${check.title}" needs a ${check.credential.kinds.join(' or ')} credential, not ${meta.kind}.`,
      );
    }
  } else if (check.credential?.required) {
    throw new AttestError('CREDENTIAL_REQUIRED', `The check "${check.title}" needs a credential; add one first, then choose it here.`);
  }
}

export async function addTarget(
  ws: Workspace,
  assessmentId: string,
  checkId: string,
  f: TargetFields,
  credentials: readonly CredentialMetadata[],
  actor: string,
): Promise<CheckTargetView> {
  assertEditable(ws, assessmentId);
  const check = checkOrThrow(checkId);
  validate(check, f, credentials);
  const id = newId('tgt');
  await ws.commit({
    actor,
    action: 'check.target.add',
    entity: `check-target:${id}`,
    statements: [
      {
        sql: 'INSERT INTO check_targets (id, assessment_id, check_id, target, inputs, credential_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        params: [
          id,
          assessmentId,
          check.id,
          withoutUserinfo(f.target.trim()),
          JSON.stringify(f.inputs),
          f.credentialId,
          ws.now().toISOString(),
        ],
      },
    ],
  });
  return toView(targetRow(ws, id), credentials);
}

export async function updateTarget(ws: Workspace, id: string, f: TargetFields, credentials: readonly CredentialMetadata[], actor: string) {
  const r = targetRow(ws, id);
  assertEditable(ws, r.assessment_id);
  validate(checkOrThrow(r.check_id), f, credentials);
  await ws.commit({
    actor,
    action: 'check.target.update',
    entity: `check-target:${id}`,
    statements: [
      {
        sql: 'UPDATE check_targets SET target = ?, inputs = ?, credential_id = ? WHERE id = ?',
        params: [withoutUserinfo(f.target.trim()), JSON.stringify(f.inputs), f.credentialId, id],
      },
    ],
  });
  return toView(targetRow(ws, id), credentials);
}

export async function removeTarget(ws: Workspace, id: string, actor: string): Promise<void> {
  const r = targetRow(ws, id);
  assertEditable(ws, r.assessment_id);
  await ws.commit({
    actor,
    action: 'check.target.remove',
    entity: `check-target:${id}`,
    statements: [{ sql: 'UPDATE check_targets SET removed_at = ? WHERE id = ?', params: [ws.now().toISOString(), id] }],
  });
}
