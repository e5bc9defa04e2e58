// DNS checks: SPF, DMARC, CAA and DNSSEC records, asked of a configurable recursive
// resolver over the guarded client (our own wire codec, so DS/DNSKEY/CAA work).
import { hostsOrNone } from '../hosts';
import { AttestError } from '../../errors';
import { Rcode, RecordType, type DnsMessage, type DnsRecord } from '../../net/dns-wire';
import { verdict } from '../outcome';
import type { CheckContext, CheckDefinition, CheckInput, CheckInputSpec, ResolverConfig } from '../types';

const baseline = (code: string) => `platform-baseline:${code}`;

export function dnsDomain(input: CheckInput): string {
  const raw = input.target.trim().toLowerCase();
  let domain = raw;
  if (/^[a-z]+:\/\//.test(raw)) {
    try {
      domain = new URL(raw).hostname;
    } catch {
      domain = '';
    }
  }
  domain = domain.replace(/\.$/, '');
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(domain)) {
    throw new AttestError('INVALID_TARGET', `"${input.target}" is not a domain name; enter it as example.com.`);
  }
  return domain;
}

/** params.resolver ("ip" or "ip:port") overrides the workspace's resolver. */
export function resolverFor(input: CheckInput, fallback: ResolverConfig): ResolverConfig {
  const r = input.params?.resolver?.trim();
  if (!r) return fallback;
  let host = r;
  let port = '53';
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(r);
  if (bracketed) [host, port] = [bracketed[1]!, bracketed[2] ?? '53'];
  else if ((r.match(/:/g) ?? []).length === 1) [host = '', port = ''] = r.split(':');
  if (!host || !/^\d{1,5}$/.test(port)) {
    throw new AttestError('INVALID_RESOLVER', `"${r}" is not a resolver address; enter it as 192.0.2.53 or 192.0.2.53:5353.`);
  }
  return { server: host, port: Number(port) };
}

const dnsInputs: CheckInputSpec[] = [
  { name: 'target', label: 'Domain', required: true, description: 'The domain to look up, e.g. example.com.' },
  {
    name: 'resolver',
    label: 'Resolver',
    required: false,
    description: 'Recursive resolver as ip or ip:port (default: the workspace setting).',
  },
];

async function query(ctx: CheckContext, name: string, type: number): Promise<{ records: DnsRecord[]; message: DnsMessage }> {
  const resolver = resolverFor(ctx.input, ctx.resolver);
  const message = await ctx.client.dnsQuery({ server: resolver.server, port: resolver.port, name, type });
  if (message.truncated) {
    throw new AttestError('DNS_TRUNCATED', `The answer for ${name} was truncated by the resolver; Attest does not retry over TCP yet.`);
  }
  if (message.rcode !== Rcode.NOERROR && message.rcode !== Rcode.NXDOMAIN) {
    throw new AttestError('DNS_FAILURE', `The resolver could not answer for ${name} (response code ${message.rcode}).`);
  }
  return { records: message.answers.filter((a) => a.type === type), message };
}

const txt = (r: DnsRecord) => (r.data.kind === 'txt' ? r.data.strings.join('') : '');

function dnsCheck(spec: Omit<CheckDefinition, 'category' | 'inputs' | 'hosts' | 'credential'>): CheckDefinition {
  return {
    ...spec,
    category: 'dns',
    inputs: dnsInputs,
    hosts: hostsOrNone((input, resolver) => [resolverFor(input, resolver).server]),
    credential: null,
  };
}

export const spfCheck = dnsCheck({
  id: 'dns.spf',
  title: 'SPF record',
  description: 'One SPF record that ends in -all or ~all, so other servers cannot send mail as the domain.',
  controls: [],
  async run(ctx) {
    const domain = dnsDomain(ctx.input);
    const { records } = await query(ctx, domain, RecordType.TXT);
    const spf = records.map(txt).filter((t) => /^v=spf1(\s|$)/i.test(t));
    const obs = { domain, spf };
    const fix = 'Publish exactly one TXT record "v=spf1 <your senders> -all".';
    if (spf.length === 0) return verdict('fail', `${domain} publishes no SPF record.`, fix, obs);
    if (spf.length > 1)
      return verdict('fail', `${domain} publishes ${spf.length} SPF records; receivers treat that as an error.`, fix, obs);
    const all = /(^|\s)([-~?+]?)all(\s|$)/i.exec(spf[0]!);
    const qualifier = all ? all[2] || '+' : null;
    const withAll = { ...obs, allQualifier: qualifier };
    if (qualifier === '-') return verdict('pass', 'SPF ends in -all (hard fail for other senders).', 'None needed.', withAll);
    if (qualifier === '~')
      return verdict('pass', 'SPF ends in ~all (soft fail for other senders).', 'Consider -all once every sender is listed.', withAll);
    if (qualifier === '+') return verdict('fail', 'SPF ends in +all, which lets anyone send as the domain.', fix, withAll);
    return verdict(
      'warn',
      qualifier === '?' ? 'SPF ends in ?all (neutral), which protects nothing.' : 'SPF has no "all" mechanism.',
      fix,
      withAll,
    );
  },
});

export function parseTags(record: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of record.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim().toLowerCase()] = part.slice(i + 1).trim();
  }
  return out;
}

export const dmarcCheck = dnsCheck({
  id: 'dns.dmarc',
  title: 'DMARC policy',
  description: 'A DMARC record at _dmarc.<domain> with policy quarantine or reject.',
  controls: [],
  async run(ctx) {
    const domain = dnsDomain(ctx.input);
    const { records } = await query(ctx, `_dmarc.${domain}`, RecordType.TXT);
    const dmarc = records.map(txt).filter((t) => /^v=DMARC1\s*(;|$)/i.test(t));
    const fix = `Publish a TXT record at _dmarc.${domain}: "v=DMARC1; p=reject; rua=mailto:…" (start with quarantine if needed).`;
    if (dmarc.length !== 1) {
      return verdict(
        'fail',
        dmarc.length === 0
          ? `${domain} publishes no DMARC record.`
          : `${domain} publishes several DMARC records; receivers ignore them all.`,
        fix,
        { domain, dmarc },
      );
    }
    const tags = parseTags(dmarc[0]!);
    const policy = (tags.p ?? '').toLowerCase();
    const pct = tags.pct === undefined ? 100 : Number(tags.pct);
    const obs = { domain, dmarc, policy, subdomainPolicy: tags.sp ?? null, pct, reporting: tags.rua ?? null };
    if (policy === 'reject' && pct === 100) return verdict('pass', 'DMARC policy is reject for all mail.', 'None needed.', obs);
    if (policy === 'quarantine' && pct === 100)
      return verdict('pass', 'DMARC policy is quarantine for all mail.', 'Consider p=reject.', obs);
    if (policy === 'reject' || policy === 'quarantine')
      return verdict('warn', `DMARC policy ${policy} applies to only ${pct}% of mail.`, 'Raise pct to 100.', obs);
    if (policy === 'none') return verdict('warn', 'DMARC is in monitoring mode (p=none): spoofed mail is still delivered.', fix, obs);
    return verdict('fail', 'The DMARC record has no valid policy (p=).', fix, obs);
  },
});

export const caaCheck = dnsCheck({
  id: 'dns.caa',
  title: 'CAA records',
  description:
    'CAA records name the certificate authorities allowed to issue for the domain (looked up the way CAs do, climbing to parent domains).',
  controls: [baseline('S.N.1')],
  async run(ctx) {
    const domain = dnsDomain(ctx.input);
    const labels = domain.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const name = labels.slice(i).join('.');
      const { records } = await query(ctx, name, RecordType.CAA);
      const caa = records.flatMap((r) => (r.data.kind === 'caa' ? [{ flags: r.data.flags, tag: r.data.tag, value: r.data.value }] : []));
      if (caa.length > 0) {
        const issuers = caa.filter((c) => c.tag === 'issue' || c.tag === 'issuewild').map((c) => c.value);
        const obs = { domain, foundAt: name, caa };
        if (issuers.length === 0)
          return verdict(
            'warn',
            `CAA at ${name} has no issue/issuewild entry, so any CA may issue.`,
            'Add CAA issue records for your CAs.',
            obs,
          );
        return verdict('pass', `CAA at ${name} limits issuance to: ${[...new Set(issuers)].join(', ')}.`, 'None needed.', obs);
      }
    }
    return verdict(
      'fail',
      `Neither ${domain} nor its parents publish CAA records, so any CA may issue certificates for it.`,
      `Publish CAA records, e.g. ${domain}. CAA 0 issue "letsencrypt.org".`,
      { domain, caa: [] },
    );
  },
});

export const dnssecCheck = dnsCheck({
  id: 'dns.dnssec',
  title: 'DNSSEC (DS and DNSKEY)',
  description: 'The zone is signed (DNSKEY present) and the parent holds a DS record for it, completing the chain of trust.',
  controls: [baseline('S.N.11')],
  async run(ctx) {
    const domain = dnsDomain(ctx.input);
    const ds = await query(ctx, domain, RecordType.DS);
    const keys = await query(ctx, domain, RecordType.DNSKEY);
    const obs = {
      domain,
      ds: ds.records.map((r) => r.data),
      dnskey: keys.records.map((r) => (r.data.kind === 'dnskey' ? { flags: r.data.flags, algorithm: r.data.algorithm } : r.data)),
      resolverValidated: keys.message.authenticated,
    };
    const fix = 'Sign the zone at your DNS provider and publish its DS record at the registrar.';
    if (ds.records.length > 0 && keys.records.length > 0) {
      return verdict(
        'pass',
        `${domain} is signed (${keys.records.length} DNSKEY) and delegated securely (${ds.records.length} DS).`,
        'None needed.',
        obs,
      );
    }
    if (keys.records.length > 0)
      return verdict('fail', `${domain} is signed but the parent zone has no DS record, so no resolver validates it.`, fix, obs);
    if (ds.records.length > 0)
      return verdict('fail', `The parent holds a DS record for ${domain} but the zone serves no DNSKEY: validation fails.`, fix, obs);
    return verdict('fail', `${domain} does not use DNSSEC.`, fix, obs);
  },
});

export const dnsChecks: CheckDefinition[] = [spfCheck, dmarcCheck, caaCheck, dnssecCheck];
