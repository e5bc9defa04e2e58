// The credential store. Values live only in the OS keychain (one entry per credential);
// metadata (label, kind, bound hosts, created time; never a value) lives in one JSON
// index entry in the same keychain service, so the list survives without a workspace
// open. Nothing here returns a value: the network client asks for a ready header for one
// host and gets it only when that host is among the credential's bound hosts.
import { nowDate, systemClock } from '../time/clock';
import { randomUUID } from 'node:crypto';
import { AttestError } from '../errors';
import type { Keychain } from '../keychain/keychain';
import type { CredentialProvider } from '../net/client';
import { normalizeHost } from '../net/policy';

export type CredentialKind = 'bearer' | 'basic' | 'header';

export interface CredentialMetadata {
  id: string;
  label: string;
  kind: CredentialKind;
  /** For kind "header": the header the value is sent in (e.g. X-Api-Key). */
  headerName: string | null;
  /** Lower-case host names the value may be sent to; nowhere else. */
  hosts: string[];
  createdAt: string;
  updatedAt: string;
}

export interface NewCredential {
  label: string;
  kind: CredentialKind;
  headerName?: string;
  hosts: string[];
  /** bearer/header: the token; basic: "username:password". */
  secret: string;
}

export interface CredentialStore extends CredentialProvider {
  create(input: NewCredential): Promise<CredentialMetadata>;
  /** Replaces the value (and optionally label/hosts) keeping the id. */
  replace(id: string, secret: string, changes?: { label?: string; hosts?: string[] }): Promise<CredentialMetadata>;
  delete(id: string): Promise<boolean>;
  list(): Promise<CredentialMetadata[]>;
  get(id: string): Promise<CredentialMetadata>;
}

const INDEX_ACCOUNT = 'credentials.index.v1';
const valueAccount = (id: string) => `credential.${id}`;
const headerNamePattern = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const hostPattern = /^[a-z0-9.-]+$|^[0-9a-f:]+$/;

function invalid(message: string): AttestError {
  return new AttestError('INVALID_CREDENTIAL', message);
}

function cleanHosts(hosts: string[]): string[] {
  const out = [...new Set(hosts.map(normalizeHost).filter((h) => h.length > 0))];
  if (out.length === 0) throw invalid('A credential must be bound to at least one host it may be sent to.');
  for (const h of out) {
    if (!hostPattern.test(h) || h.includes('*'))
      throw invalid(`"${h}" is not a host name; enter a name like api.example.com, without wildcards.`);
  }
  return out.sort();
}

function checkSecret(kind: CredentialKind, secret: string): void {
  if (secret.length === 0) throw invalid('The credential value is empty.');
  if (/[\r\n\0]/.test(secret)) throw invalid('The credential value contains a line break or NUL, which cannot be sent in a header.');
  if (kind === 'basic' && !secret.includes(':')) throw invalid('A basic-auth value must be written as username:password.');
}

function headerFromSecret(meta: CredentialMetadata, secret: string): { name: string; value: string } {
  switch (meta.kind) {
    case 'bearer':
      return { name: 'authorization', value: `Bearer ${secret}` };
    case 'basic':
      return { name: 'authorization', value: `Basic ${Buffer.from(secret, 'utf8').toString('base64')}` };
    case 'header':
      return { name: (meta.headerName ?? '').toLowerCase(), value: secret };
  }
}

// `now` is the core's clock; a caller outside a core (a one-off CLI check) gets the system's.
export function createCredentialStore(keychain: Keychain, now: () => Date = () => nowDate(systemClock)): CredentialStore {
  // Index writes are serialised so two concurrent creates cannot lose an entry.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = queue.then(op, op);
    queue = run.catch(() => undefined);
    return run;
  };

  async function readIndex(): Promise<CredentialMetadata[]> {
    const raw = await keychain.get(INDEX_ACCOUNT);
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw) as { credentials?: CredentialMetadata[] };
      return Array.isArray(parsed.credentials) ? parsed.credentials : [];
    } catch {
      throw new AttestError(
        'CREDENTIAL_INDEX_CORRUPT',
        'The list of saved credentials in the OS keychain could not be read. Remove the "credentials.index.v1" entry of the Attest service and add the credentials again.',
      );
    }
  }

  const writeIndex = (list: CredentialMetadata[]) => keychain.set(INDEX_ACCOUNT, JSON.stringify({ version: 1, credentials: list }));

  async function find(id: string): Promise<CredentialMetadata> {
    const meta = (await readIndex()).find((c) => c.id === id);
    if (!meta) throw new AttestError('CREDENTIAL_NOT_FOUND', 'That credential no longer exists; choose another or add it again.');
    return meta;
  }

  return {
    create: (input) =>
      serial(async () => {
        const label = input.label.trim();
        if (!label) throw invalid('Give the credential a label so you can recognise it later.');
        if (input.kind === 'header' && !headerNamePattern.test(input.headerName ?? '')) {
          throw invalid('A custom-header credential needs a valid header name, such as X-Api-Key.');
        }
        checkSecret(input.kind, input.secret);
        const at = now().toISOString();
        const meta: CredentialMetadata = {
          id: randomUUID(),
          label,
          kind: input.kind,
          headerName: input.kind === 'header' ? (input.headerName ?? null) : null,
          hosts: cleanHosts(input.hosts),
          createdAt: at,
          updatedAt: at,
        };
        await keychain.set(valueAccount(meta.id), input.secret);
        await writeIndex([...(await readIndex()), meta]);
        return meta;
      }),

    replace: (id, secret, changes = {}) =>
      serial(async () => {
        const list = await readIndex();
        const meta = list.find((c) => c.id === id);
        if (!meta) throw new AttestError('CREDENTIAL_NOT_FOUND', 'That credential no longer exists; choose another or add it again.');
        checkSecret(meta.kind, secret);
        const updated: CredentialMetadata = {
          ...meta,
          label: changes.label?.trim() || meta.label,
          hosts: changes.hosts ? cleanHosts(changes.hosts) : meta.hosts,
          updatedAt: now().toISOString(),
        };
        await keychain.set(valueAccount(id), secret);
        await writeIndex(list.map((c) => (c.id === id ? updated : c)));
        return updated;
      }),

    delete: (id) =>
      serial(async () => {
        const list = await readIndex();
        const removedValue = await keychain.delete(valueAccount(id));
        if (!list.some((c) => c.id === id)) return removedValue;
        await writeIndex(list.filter((c) => c.id !== id));
        return true;
      }),

    list: async () => (await readIndex()).map((c) => ({ ...c, hosts: [...c.hosts] })),

    get: async (id) => ({ ...(await find(id)) }),

    async headerFor(id, host) {
      const meta = await find(id);
      const h = normalizeHost(host);
      if (!meta.hosts.includes(h)) {
        throw new AttestError(
          'CREDENTIAL_HOST_NOT_BOUND',
          `The credential "${meta.label}" may only be sent to ${meta.hosts.join(', ')}, not to ${h}, so it was not sent. Add the host to the credential if it belongs there.`,
        );
      }
      const secret = await keychain.get(valueAccount(id));
      if (secret === null) {
        throw new AttestError(
          'CREDENTIAL_VALUE_MISSING',
          `The value of the credential "${meta.label}" is missing from the OS keychain; enter it again.`,
        );
      }
      return { ...headerFromSecret(meta, secret), secret };
    },
  };
}
