// The workspace's signing identities and trusted certificates. A PKCS#12 is stored as a
// blob (it is encrypted by its passphrase and again by the workspace); its passphrase
// lives only in the OS keychain, under an account named after the workspace and the
// certificate, and never travels back through a response.
import { X509Certificate } from 'node:crypto';
import type { SigningIdentityView, TrustedCertificateView } from '../../contract/report';
import { AttestError } from '../errors';
import type { Keychain } from '../keychain/keychain';
import type { Workspace } from '../workspace';
import { describeCertificate, generateSelfSignedIdentity, importPkcs12, type SigningIdentity } from './identity';
import { normaliseFingerprint } from './verify';

export const P12_LIMIT = 1024 * 1024;

/** A keychain that holds nothing: for signing with a passphrase given for one use only. */
export const NO_KEYCHAIN: Keychain = {
  get: () => Promise.resolve(null),
  set: () => Promise.reject(new AttestError('KEYCHAIN_UNAVAILABLE', 'No keychain is available here.')),
  delete: () => Promise.resolve(false),
  accounts: () => Promise.resolve([]),
};

export const signingAccount = (workspaceId: string, fingerprint: string) => `signing.${workspaceId}.${normaliseFingerprint(fingerprint)}`;

interface IdentityRow {
  fingerprint: string;
  common_name: string;
  subject: string;
  not_after: string;
  p12_blob_id: string;
  origin: 'imported' | 'generated';
  added_at: string;
}

function identityRow(ws: Workspace, fingerprint: string): IdentityRow {
  const fp = normaliseFingerprint(fingerprint);
  const row = ws
    .query<IdentityRow>('SELECT * FROM signing_identities WHERE removed_at IS NULL')
    .find((r) => normaliseFingerprint(r.fingerprint) === fp);
  if (!row)
    throw new AttestError('SIGNING_IDENTITY_NOT_FOUND', `There is no signing identity with fingerprint ${fingerprint} in this workspace.`);
  return row;
}

export async function listIdentities(ws: Workspace, keychain: Keychain): Promise<SigningIdentityView[]> {
  const accounts = new Set(await keychain.accounts().catch(() => [] as string[]));
  const wsId = ws.info().workspaceId;
  return ws.query<IdentityRow>('SELECT * FROM signing_identities WHERE removed_at IS NULL ORDER BY added_at, fingerprint').map((r) => ({
    fingerprint: r.fingerprint,
    commonName: r.common_name,
    subject: r.subject,
    notAfter: r.not_after,
    origin: r.origin,
    addedAt: r.added_at,
    canSign: accounts.has(signingAccount(wsId, r.fingerprint)),
  }));
}

async function store(
  ws: Workspace,
  keychain: Keychain,
  identity: SigningIdentity,
  p12: Uint8Array,
  passphrase: string,
  origin: 'imported' | 'generated',
  actor: string,
  keepPassphrase = true,
): Promise<SigningIdentityView> {
  const existing = ws
    .query<{ fingerprint: string }>('SELECT fingerprint FROM signing_identities WHERE removed_at IS NULL')
    .some((r) => normaliseFingerprint(r.fingerprint) === normaliseFingerprint(identity.fingerprint));
  if (existing)
    throw new AttestError(
      'SIGNING_IDENTITY_EXISTS',
      `The identity "${identity.commonName}" (${identity.fingerprint}) is already in this workspace.`,
    );
  // Keychain first: if it is unavailable nothing is written to the workspace.
  if (keepPassphrase) await keychain.set(signingAccount(ws.info().workspaceId, identity.fingerprint), passphrase);
  const blob = await ws.putBlob(p12, { actor, name: `${identity.commonName}.p12`, mediaType: 'application/x-pkcs12' });
  const at = ws.now().toISOString();
  await ws.commit({
    actor,
    action: `signing.identity.${origin === 'generated' ? 'generate' : 'import'}`,
    entity: `signing-identity:${identity.fingerprint}`,
    statements: [
      // A removed identity with the same certificate comes back as a fresh row.
      { sql: 'DELETE FROM signing_identities WHERE fingerprint = ?', params: [identity.fingerprint] },
      {
        sql: `INSERT INTO signing_identities (fingerprint, common_name, subject, not_after, p12_blob_id, origin, added_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)`,
        params: [identity.fingerprint, identity.commonName, identity.subject, identity.notAfter, blob.id, origin, at],
      },
      {
        sql: 'INSERT OR IGNORE INTO blob_links (blob_id, entity) VALUES (?, ?)',
        params: [blob.id, `signing-identity:${identity.fingerprint}`],
      },
    ],
  });
  return (await listIdentities(ws, keychain)).find((i) => i.fingerprint === identity.fingerprint)!;
}

export async function importIdentity(
  ws: Workspace,
  keychain: Keychain,
  file: { name: string; dataBase64: string },
  passphrase: string,
  actor: string,
): Promise<SigningIdentityView> {
  const bytes = Buffer.from(file.dataBase64, 'base64');
  if (bytes.length === 0) throw new AttestError('SIGNING_P12_UNREADABLE', `"${file.name}" is empty; choose a .p12 or .pfx file.`);
  if (bytes.length > P12_LIMIT)
    throw new AttestError('SIGNING_P12_UNREADABLE', `"${file.name}" is larger than 1 MB; a signing identity is a few kilobytes.`);
  const identity = importPkcs12(bytes, passphrase);
  return store(ws, keychain, identity, bytes, passphrase, 'imported', actor);
}

export async function generateIdentity(
  ws: Workspace,
  keychain: Keychain,
  input: { commonName: string; organisation: string; passphrase: string },
  actor: string,
  opts: { keepPassphrase?: boolean } = {},
): Promise<{ view: SigningIdentityView; identity: SigningIdentity }> {
  const { identity, p12 } = generateSelfSignedIdentity({ ...input, now: ws.now() });
  const view = await store(ws, keychain, identity, p12, input.passphrase, 'generated', actor, opts.keepPassphrase ?? true);
  return { view, identity };
}

export async function removeIdentity(ws: Workspace, keychain: Keychain, fingerprint: string, actor: string): Promise<string> {
  const row = identityRow(ws, fingerprint);
  await ws.commit({
    actor,
    action: 'signing.identity.remove',
    entity: `signing-identity:${row.fingerprint}`,
    irreversible: 'its remembered passphrase has left the keychain',
    statements: [
      { sql: 'UPDATE signing_identities SET removed_at = ? WHERE fingerprint = ?', params: [ws.now().toISOString(), row.fingerprint] },
    ],
  });
  await keychain.delete(signingAccount(ws.info().workspaceId, row.fingerprint)).catch(() => false);
  return row.fingerprint;
}

/** Opens an identity for signing with the passphrase from the keychain (or one given for this use only). */
export async function unlockIdentity(
  ws: Workspace,
  keychain: Keychain,
  fingerprint: string,
  passphrase?: string,
): Promise<SigningIdentity> {
  const row = identityRow(ws, fingerprint);
  const secret = passphrase ?? (await keychain.get(signingAccount(ws.info().workspaceId, row.fingerprint)));
  if (secret === null)
    throw new AttestError(
      'SIGNING_PASSPHRASE_MISSING',
      `The passphrase of "${row.common_name}" is not in this computer's keychain. Import the identity again on this computer to sign with it.`,
    );
  return importPkcs12(await ws.getBlob(row.p12_blob_id), secret);
}

/**
 * The workspace's own identities as pinned fingerprints, so a report it signed verifies as
 * trusted here. (The certificate sits inside the PKCS#12; its fingerprint pins it.)
 */
export function identityPins(ws: Workspace): string[] {
  return ws.query<{ fingerprint: string }>('SELECT fingerprint FROM signing_identities WHERE removed_at IS NULL').map((r) => r.fingerprint);
}

// ---- trusted certificates -----------------------------------------------------------

interface TrustRow {
  fingerprint: string;
  label: string;
  pem: string;
  added_at: string;
}

function trustView(r: TrustRow): TrustedCertificateView {
  const x = new X509Certificate(r.pem);
  const d = describeCertificate(new Uint8Array(x.raw));
  return { fingerprint: r.fingerprint, label: r.label, commonName: d.commonName, notAfter: d.notAfter, addedAt: r.added_at };
}

export function listTrusted(ws: Workspace): TrustedCertificateView[] {
  return ws.query<TrustRow>('SELECT * FROM trusted_certificates WHERE removed_at IS NULL ORDER BY added_at, fingerprint').map(trustView);
}

export function trustedPems(ws: Workspace): string[] {
  return ws.query<{ pem: string }>('SELECT pem FROM trusted_certificates WHERE removed_at IS NULL').map((r) => r.pem);
}

/** Reads one certificate from PEM text or DER bytes. */
export function parseCertificateFile(bytes: Buffer, name: string): X509Certificate {
  const text = bytes.toString('latin1');
  try {
    const pem = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(text)?.[0];
    return new X509Certificate(pem ?? bytes);
  } catch (cause) {
    throw new AttestError(
      'CERTIFICATE_UNREADABLE',
      `"${name}" is not an X.509 certificate (PEM or DER). Export the signer's certificate and try again.`,
      { cause },
    );
  }
}

export async function addTrusted(
  ws: Workspace,
  file: { name: string; dataBase64: string },
  label: string | undefined,
  actor: string,
): Promise<TrustedCertificateView> {
  const x = parseCertificateFile(Buffer.from(file.dataBase64, 'base64'), file.name);
  const fp = x.fingerprint256;
  if (listTrusted(ws).some((t) => normaliseFingerprint(t.fingerprint) === normaliseFingerprint(fp)))
    throw new AttestError('CERTIFICATE_ALREADY_TRUSTED', `The certificate ${fp} is already trusted in this workspace.`);
  const d = describeCertificate(new Uint8Array(x.raw));
  await ws.commit({
    actor,
    action: 'signing.trust.add',
    entity: `trusted-certificate:${fp}`,
    statements: [
      { sql: 'DELETE FROM trusted_certificates WHERE fingerprint = ?', params: [fp] },
      {
        sql: 'INSERT INTO trusted_certificates (fingerprint, label, pem, added_at) VALUES (?, ?, ?, ?)',
        params: [fp, label?.trim() || d.commonName, x.toString(), ws.now().toISOString()],
      },
    ],
  });
  return listTrusted(ws).find((t) => t.fingerprint === fp)!;
}

export async function removeTrusted(ws: Workspace, fingerprint: string, actor: string): Promise<string> {
  const row = ws
    .query<TrustRow>('SELECT * FROM trusted_certificates WHERE removed_at IS NULL')
    .find((r) => normaliseFingerprint(r.fingerprint) === normaliseFingerprint(fingerprint));
  if (!row) throw new AttestError('CERTIFICATE_NOT_FOUND', `No trusted certificate has the fingerprint ${fingerprint}.`);
  await ws.commit({
    actor,
    action: 'signing.trust.remove',
    entity: `trusted-certificate:${row.fingerprint}`,
    statements: [
      { sql: 'UPDATE trusted_certificates SET removed_at = ? WHERE fingerprint = ?', params: [ws.now().toISOString(), row.fingerprint] },
    ],
  });
  return row.fingerprint;
}
