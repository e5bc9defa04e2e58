// The workspace's egress policy: offline unless live checks are on, and then only to
// hosts the user approved. Every network path in the client asks this module first,
// before any DNS lookup or socket, so a refused destination never sees a packet.
import { isIP } from 'node:net';
import { AttestError } from '../errors';

export interface EgressPolicy {
  /** False (the default for every workspace) means no lookup and no connection at all. */
  liveChecksEnabled: boolean;
  /** Approved host names or IP literals, lower case; no wildcards. */
  allowedHosts: readonly string[];
}

export const offlinePolicy: EgressPolicy = { liveChecksEnabled: false, allowedHosts: [] };

/** Lower-cases, drops a trailing dot and IPv6 brackets so comparisons are exact. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

export function isHostApproved(policy: EgressPolicy, host: string): boolean {
  const h = normalizeHost(host);
  return policy.allowedHosts.some((a) => normalizeHost(a) === h);
}

/** Throws unless the policy lets a connection to `host` be attempted at all. */
export function assertHostAllowed(policy: EgressPolicy, host: string): void {
  if (!policy.liveChecksEnabled) {
    throw new AttestError(
      'LIVE_CHECKS_DISABLED',
      'Live checks are turned off for this workspace, so nothing was sent over the network. Turn on live checks in the workspace settings to run this check.',
    );
  }
  if (!isHostApproved(policy, host)) {
    throw new HostNotApprovedError(normalizeHost(host));
  }
}

/** Carries the host so the UI can offer to approve exactly that destination. */
export class HostNotApprovedError extends AttestError {
  constructor(readonly host: string) {
    super(
      'HOST_NOT_APPROVED',
      `The host "${host}" is not on this workspace's approved list, so it was not contacted. Approve it in the live-check settings and run the check again.`,
      { details: { hosts: [host] } },
    );
  }
}

/**
 * Internal-network addresses (loopback, private, link-local, CGNAT, unique-local,
 * unspecified, multicast). A name that resolves to one of these is reached only when the
 * address itself is approved too, so an approved public name cannot be re-pointed at an
 * internal service by its DNS (rebinding).
 */
export function isInternalAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return isInternalV4(address);
  if (kind === 6) {
    const a = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (mapped?.[1]) return isInternalV4(mapped[1]);
    return (
      a === '::1' || a === '::' || a.startsWith('fc') || a.startsWith('fd') || /^fe[89ab]/.test(a) || a.startsWith('ff')
    );
  }
  return true; // not an address at all: treat as internal, i.e. refuse unless approved
}

function isInternalV4(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

export function isLoopbackAddress(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith('127.');
  const a = address.toLowerCase();
  return a === '::1' || /^::ffff:127\./.test(a);
}

/** Checks an address a name resolved to before any socket is opened to it. */
export function assertResolvedAddressAllowed(policy: EgressPolicy, host: string, address: string): void {
  if (isIP(normalizeHost(host))) return; // an approved IP literal was approved as itself
  if (isInternalAddress(address) && !isHostApproved(policy, address)) {
    throw new AttestError(
      'DESTINATION_ADDRESS_BLOCKED',
      `The host "${normalizeHost(host)}" resolved to the internal address ${address}, which is not approved, so it was not contacted. Approve that address too if the host really lives on an internal network.`,
    );
  }
}
