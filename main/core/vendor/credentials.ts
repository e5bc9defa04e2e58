// Credentials the organisation issued to a vendor: a record of what exists and until
// when (label, system, dates), never the secret itself. Text that looks like a secret
// value is refused, so one pasted by mistake does not end up in the registry.
import type { CredentialFields, CredentialView } from '../../contract/vendor';
import { newId } from '../ids';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { todayOf } from '../time/clock';
import { activeVendor, vendorEntity } from './vendor-record';

interface CredentialDbRow {
  id: string;
  vendor_id: string;
  label: string;
  system: string;
  issued_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  notes: string;
}

const SECRET_SHAPES: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
  /\b(?:ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{20,}/, // GitHub tokens
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/, // Slack tokens
  /\bsk_(?:live|test)_[A-Za-z0-9]{16,}/, // Stripe keys
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, // JSON web tokens
];

// A long unbroken run of letters and digits mixed (base64 or hex key material); words
// joined by hyphens or underscores are names, not keys.
const keyMaterial = (value: string) => (value.match(/[A-Za-z0-9+/=]{32,}/g) ?? []).some((run) => /\d/.test(run) && /[A-Za-z]/.test(run));

export function looksLikeSecret(value: string): boolean {
  return SECRET_SHAPES.some((re) => re.test(value)) || keyMaterial(value);
}

function checkFields(f: CredentialFields) {
  for (const [field, value] of [
    ['label', f.label],
    ['system', f.system],
    ['notes', f.notes],
  ] as const) {
    if (looksLikeSecret(value)) {
      throw new AttestError(
        'SECRET_VALUE_REFUSED',
        `The ${field} looks like a secret value. Record only what the credential is (label, system, dates); keep the value itself out of Attest.`,
      );
    }
  }
  if (f.issuedAt && f.expiresAt && f.expiresAt < f.issuedAt) {
    throw new AttestError('INVALID_PERIOD', `The credential expires (${f.expiresAt}) before it was issued (${f.issuedAt}).`);
  }
}

const toView = (r: CredentialDbRow): CredentialView => ({
  id: r.id,
  label: r.label,
  system: r.system,
  issuedAt: r.issued_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  notes: r.notes,
});

function record(ws: Workspace, id: string): CredentialDbRow {
  const r = ws.query<CredentialDbRow>('SELECT * FROM vendor_credentials WHERE id = ?', [id])[0];
  if (!r) throw new AttestError('CREDENTIAL_NOT_FOUND', `There is no issued credential "${id}".`);
  return r;
}

export function credentialsOf(ws: Workspace, vendorId: string): CredentialView[] {
  return ws
    .query<CredentialDbRow>('SELECT * FROM vendor_credentials WHERE vendor_id = ? ORDER BY revoked_at IS NOT NULL, lower(label), id', [
      vendorId,
    ])
    .map(toView);
}

export async function addCredential(ws: Workspace, vendorId: string, f: CredentialFields, actor: string): Promise<CredentialView> {
  activeVendor(ws, vendorId);
  checkFields(f);
  const id = newId('vcr');
  await ws.commit({
    actor,
    action: 'vendor.credential.add',
    entity: `${vendorEntity(vendorId)}/credential:${id}`,
    statements: [
      {
        sql: 'INSERT INTO vendor_credentials (id, vendor_id, label, system, issued_at, expires_at, notes) VALUES (?, ?, ?, ?, ?, ?, ?)',
        params: [id, vendorId, f.label, f.system, f.issuedAt, f.expiresAt, f.notes],
      },
    ],
  });
  return toView(record(ws, id));
}

export async function updateCredential(ws: Workspace, id: string, f: CredentialFields, actor: string): Promise<CredentialView> {
  const r = record(ws, id);
  activeVendor(ws, r.vendor_id);
  checkFields(f);
  await ws.commit({
    actor,
    action: 'vendor.credential.update',
    entity: `${vendorEntity(r.vendor_id)}/credential:${id}`,
    statements: [
      {
        sql: 'UPDATE vendor_credentials SET label = ?, system = ?, issued_at = ?, expires_at = ?, notes = ? WHERE id = ?',
        params: [f.label, f.system, f.issuedAt, f.expiresAt, f.notes, id],
      },
    ],
  });
  return toView(record(ws, id));
}

export async function revokeCredential(ws: Workspace, id: string, revokedAt: string | undefined, actor: string): Promise<CredentialView> {
  const r = record(ws, id);
  activeVendor(ws, r.vendor_id);
  if (r.revoked_at) throw new AttestError('CREDENTIAL_REVOKED', `"${r.label}" was already revoked on ${r.revoked_at}.`);
  await ws.commit({
    actor,
    action: 'vendor.credential.revoke',
    entity: `${vendorEntity(r.vendor_id)}/credential:${id}`,
    statements: [{ sql: 'UPDATE vendor_credentials SET revoked_at = ? WHERE id = ?', params: [revokedAt ?? todayOf(ws), id] }],
  });
  return toView(record(ws, id));
}
