// TLS checks: which protocol versions the server accepts (one handshake per version),
// and the certificate it presents (trust chain, host name, validity, days to expiry).
import { hostsOrNone } from '../hosts';
import type tls from 'node:tls';
import { AttestError } from '../../errors';
import type { TlsProbeResult } from '../../net/client';
import { couldNotVerify, verdict } from '../outcome';
import type { CheckDefinition, CheckInput, CheckInputSpec } from '../types';

const baseline = (code: string) => `platform-baseline:${code}`;

export function tlsTarget(input: CheckInput): { host: string; port: number } {
  const raw = input.target.trim();
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) };
  } catch {
    throw new AttestError('INVALID_TARGET', `"${raw}" is not a host, host:port or https URL.`);
  }
}

const tlsInputs: CheckInputSpec[] = [
  { name: 'target', label: 'Host', required: true, description: 'host, host:port or https:// URL (port 443 by default).' },
  { name: 'caPem', label: 'Custom CA', required: false, description: 'PEM of a private CA to trust in addition to the system roots.' },
];

const versions: tls.SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Client-side refusals: this machine cannot offer the version, so nothing is learned. */
const localInability = /NO_PROTOCOLS_AVAILABLE|NO_CIPHERS_AVAILABLE|UNSUPPORTED_PROTOCOL/;

export const protocolsCheck: CheckDefinition = {
  id: 'tls.protocols',
  title: 'TLS protocol versions accepted',
  description: 'Tries a handshake with each of TLS 1.0, 1.1, 1.2 and 1.3; accepting 1.0 or 1.1 fails the check.',
  category: 'tls',
  controls: [baseline('S.N.1')],
  inputs: tlsInputs,
  hosts: hostsOrNone((input) => [tlsTarget(input).host]),
  credential: null,
  async run(ctx) {
    const { host, port } = tlsTarget(ctx.input);
    const results: Record<string, { accepted: boolean | null; detail: string }> = {};
    for (const v of versions) {
      const probe: TlsProbeResult = await ctx.client.tlsProbe({
        host,
        port,
        minVersion: v,
        maxVersion: v,
        caPem: ctx.input.caPem,
        workspaceCa: ctx.input.workspaceCa,
      });
      if (probe.accepted) results[v] = { accepted: true, detail: probe.cipher ?? '' };
      else if (localInability.test(probe.reason) && (v === 'TLSv1' || v === 'TLSv1.1')) {
        results[v] = { accepted: null, detail: `this machine's TLS library cannot offer ${v} (${probe.reason})` };
      } else results[v] = { accepted: false, detail: probe.reason };
    }
    const accepted = versions.filter((v) => results[v]?.accepted === true);
    const untested = versions.filter((v) => results[v]?.accepted === null);
    const obs = { host, port, versions: results };
    const legacy = accepted.filter((v) => v === 'TLSv1' || v === 'TLSv1.1');
    const fix = 'Disable TLS 1.0 and 1.1 on the server and offer TLS 1.2 and 1.3 only.';
    if (legacy.length > 0) return verdict('fail', `The server accepts obsolete ${legacy.join(' and ')}.`, fix, obs);
    if (accepted.length === 0) {
      return couldNotVerify('No TLS handshake succeeded with any version.', 'Check that the host and port serve TLS.', obs);
    }
    if (untested.length > 0) {
      return couldNotVerify(
        `The server accepts ${accepted.join(', ')}, but ${untested.join(' and ')} could not be tested from this machine.`,
        'Run the check from a machine whose TLS library can still offer the old versions.',
        obs,
      );
    }
    return verdict('pass', `The server accepts only ${accepted.join(' and ')}.`, 'None needed.', obs);
  },
};

const DAY = 86_400_000;

export const certificateCheck: CheckDefinition = {
  id: 'tls.certificate',
  title: 'TLS certificate (trust, host name, expiry)',
  description:
    'Checks that the certificate chains to the system roots or the given CA, matches the host name, is in its validity period, and how many days remain.',
  category: 'tls',
  controls: [baseline('S.N.1')],
  inputs: [...tlsInputs, { name: 'warnDays', label: 'Warn when fewer days remain', required: false, description: 'Default 30.' }],
  hosts: protocolsCheck.hosts,
  credential: null,
  async run(ctx) {
    const { host, port } = tlsTarget(ctx.input);
    const probe = await ctx.client.tlsProbe({ host, port, caPem: ctx.input.caPem, workspaceCa: ctx.input.workspaceCa });
    if (!probe.accepted) {
      return couldNotVerify(
        `No TLS handshake with ${host}:${port} succeeded: ${probe.reason}.`,
        'Check that the host and port serve TLS.',
        { host, port },
      );
    }
    const leaf = probe.chain[0];
    if (!leaf) return couldNotVerify('The server presented no certificate.', 'Check the server configuration.', { host, port });
    const now = ctx.now().getTime();
    const notBefore = Date.parse(leaf.validFrom);
    const notAfter = Date.parse(leaf.validTo);
    const daysToExpiry = Math.floor((notAfter - now) / DAY);
    const warnDays = Number(ctx.input.params?.warnDays ?? 30);
    const obs = {
      host,
      port,
      protocol: probe.protocol,
      chainTrusted: probe.chainTrusted,
      chainError: probe.chainError,
      hostnameMatches: probe.hostnameMatches,
      hostnameError: probe.hostnameError,
      daysToExpiry,
      chain: probe.chain,
      customCa: ctx.input.caPem !== undefined || ctx.input.workspaceCa !== undefined,
    };
    const problems: string[] = [];
    if (now > notAfter) problems.push(`it expired on ${leaf.validTo.slice(0, 10)}`);
    if (now < notBefore) problems.push(`it is not valid before ${leaf.validFrom.slice(0, 10)}`);
    if (!probe.chainTrusted && now <= notAfter && now >= notBefore)
      problems.push(`it does not chain to a trusted CA (${probe.chainError ?? 'unknown reason'})`);
    if (!probe.hostnameMatches) problems.push(`it is not issued for ${host}`);
    if (problems.length > 0) {
      return verdict(
        'fail',
        `The certificate is not acceptable: ${problems.join('; ')}.`,
        'Install a certificate for this host name from a trusted CA, and renew it before it expires.',
        obs,
      );
    }
    if (daysToExpiry < warnDays) {
      return verdict(
        'warn',
        `The certificate is valid but expires in ${daysToExpiry} days.`,
        'Renew the certificate (automate renewal).',
        obs,
      );
    }
    return verdict('pass', `The certificate is trusted, matches ${host} and has ${daysToExpiry} days left.`, 'None needed.', obs);
  },
};

export const tlsChecks: CheckDefinition[] = [protocolsCheck, certificateCheck];
