// The workspace's egress policy, kept in the settings table under `net.egress`: live
// checks on or off (off for every new workspace), the approved hosts, the DNS resolver
// and an optional custom CA with the hosts it is for. Every change is one audited commit.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { EgressPolicyView } from '../../contract/checks';
import { AttestError } from '../errors';
import { normalizeHost, type EgressPolicy } from '../net/policy';
import type { Workspace } from '../workspace';
import { defaultResolver } from './runner';
import type { ResolverConfig } from './types';

export const EGRESS_KEY = 'net.egress';

export interface StoredEgress {
  liveChecksEnabled: boolean;
  allowedHosts: string[];
  resolver: ResolverConfig;
  customCa: string | null;
  /** The only hosts the custom CA is trusted for; a CA stored without them is trusted for none. */
  customCaHosts: string[];
}

const offline: StoredEgress = { liveChecksEnabled: false, allowedHosts: [], resolver: defaultResolver, customCa: null, customCaHosts: [] };
const hostPattern = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

export function readEgress(ws: Workspace): StoredEgress {
  const raw = ws.query<{ value: string }>('SELECT value FROM settings WHERE key = ?', [EGRESS_KEY])[0]?.value;
  if (!raw) return { ...offline, allowedHosts: [], customCaHosts: [] };
  try {
    const v = JSON.parse(raw) as Partial<StoredEgress>;
    return {
      // Anything but an explicit true is off: a damaged setting never turns egress on.
      liveChecksEnabled: v.liveChecksEnabled === true,
      allowedHosts: Array.isArray(v.allowedHosts) ? v.allowedHosts.filter((h): h is string => typeof h === 'string') : [],
      resolver: v.resolver && typeof v.resolver.server === 'string' && typeof v.resolver.port === 'number' ? v.resolver : defaultResolver,
      customCa: typeof v.customCa === 'string' ? v.customCa : null,
      customCaHosts: Array.isArray(v.customCaHosts) ? v.customCaHosts.filter((h): h is string => typeof h === 'string') : [],
    };
  } catch {
    return { ...offline, allowedHosts: [], customCaHosts: [] };
  }
}

export function egressPolicy(stored: StoredEgress): EgressPolicy {
  return { liveChecksEnabled: stored.liveChecksEnabled, allowedHosts: stored.allowedHosts };
}

function caSubject(pem: string | null): string | null {
  if (!pem) return null;
  try {
    return new X509Certificate(pem).subject.replace(/\n/g, ', ');
  } catch {
    return null;
  }
}

export function egressView(stored: StoredEgress): EgressPolicyView {
  return {
    ...stored,
    allowedHosts: [...stored.allowedHosts],
    customCaHosts: [...stored.customCaHosts],
    customCaSubject: caSubject(stored.customCa),
  };
}

/** A host the user may approve: a plain name or an IP literal, never a wildcard or URL. */
export function cleanHost(input: string): string {
  let h = input.trim();
  // Accept a pasted URL and keep only its host, which is what gets approved.
  if (/^[a-z]+:\/\//i.test(h)) {
    try {
      h = new URL(h).hostname;
    } catch {
      // fall through to the checks below
    }
  }
  h = normalizeHost(h);
  if (isIP(h)) return h;
  if (!hostPattern.test(h)) {
    throw new AttestError(
      'INVALID_HOST',
      `"${input.trim().slice(0, 100)}" is not a host name or IP address; enter a name like api.example.com, without wildcards or paths.`,
    );
  }
  return h;
}

async function save(ws: Workspace, next: StoredEgress, action: string, actor: string): Promise<EgressPolicyView> {
  await ws.commit({
    actor,
    action,
    entity: 'settings:net.egress',
    statements: [
      {
        sql: 'INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)',
        params: [EGRESS_KEY, JSON.stringify(next), ws.now().toISOString()],
      },
    ],
  });
  return egressView(readEgress(ws));
}

export const setLiveChecks = (ws: Workspace, enabled: boolean, actor: string) =>
  save(ws, { ...readEgress(ws), liveChecksEnabled: enabled }, enabled ? 'policy.live-checks-on' : 'policy.live-checks-off', actor);

export function approveHosts(ws: Workspace, hosts: string[], actor: string) {
  const current = readEgress(ws);
  const added = hosts.map(cleanHost);
  const allowedHosts = [...new Set([...current.allowedHosts, ...added])].sort();
  return save(ws, { ...current, allowedHosts }, 'policy.approve-hosts', actor);
}

export function revokeHost(ws: Workspace, host: string, actor: string) {
  const current = readEgress(ws);
  const h = normalizeHost(host);
  if (!current.allowedHosts.includes(h)) throw new AttestError('HOST_NOT_FOUND', `"${h}" is not on the approved list.`);
  return save(ws, { ...current, allowedHosts: current.allowedHosts.filter((a) => a !== h) }, 'policy.revoke-host', actor);
}

export function setResolver(ws: Workspace, server: string, port: number, actor: string) {
  const h = cleanHost(server);
  if (!isIP(h)) throw new AttestError('INVALID_RESOLVER', 'Give the resolver as an IP address, such as 1.1.1.1 or 127.0.0.1.');
  return save(ws, { ...readEgress(ws), resolver: { server: h, port } }, 'policy.resolver', actor);
}

/**
 * Trusts a private CA for the named hosts only (never for a request carrying a
 * credential: see WorkspaceCa in net/client), or clears it with null.
 */
export function setCustomCa(ws: Workspace, pem: string | null, hosts: readonly string[], actor: string) {
  let clean: string | null = null;
  let forHosts: string[] = [];
  if (pem !== null && pem.trim()) {
    clean = pem.trim();
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(clean);
    } catch {
      throw new AttestError(
        'INVALID_CA',
        'The custom CA is not a PEM certificate; paste the block from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
      );
    }
    if (!cert.ca)
      throw new AttestError(
        'INVALID_CA',
        'That certificate is not a CA certificate (its basic constraints do not allow it to issue others).',
      );
    forHosts = [...new Set(hosts.map(cleanHost))].sort();
    if (forHosts.length === 0) {
      throw new AttestError('INVALID_CA', 'Name the hosts this CA issues certificates for; it is trusted for those hosts only.');
    }
  }
  return save(
    ws,
    { ...readEgress(ws), customCa: clean, customCaHosts: forHosts },
    clean ? 'policy.custom-ca' : 'policy.custom-ca-cleared',
    actor,
  );
}
