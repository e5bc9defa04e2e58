// The workspace's egress policy: offline unless live checks are on, and then only to
// hosts the user approved. Every network path in the client asks this module first,
// before any DNS lookup or socket, so a refused destination never sees a packet.
import { isIP } from 'node:net';
import { AttestError } from '../errors';
import { isInternalAddress } from './addresses';

export { isInternalAddress } from './addresses';

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
 * Checks an address a name resolved to before any socket is opened to it. An internal
 * address is reached only when it is approved itself, so an approved public name cannot
 * be re-pointed at an internal service by its DNS (rebinding).
 */
export function assertResolvedAddressAllowed(policy: EgressPolicy, host: string, address: string): void {
  if (isIP(normalizeHost(host))) return; // an approved IP literal was approved as itself
  if (isInternalAddress(address) && !isHostApproved(policy, address)) {
    throw new AttestError(
      'DESTINATION_ADDRESS_BLOCKED',
      `The host "${normalizeHost(host)}" resolved to the internal address ${address}, which is not approved, so it was not contacted. Approve that address too if the host really lives on an internal network.`,
    );
  }
}
