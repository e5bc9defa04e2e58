// GitHub organisations through the REST API: the two-factor requirement (and members
// without 2FA), and organisation settings. Fields visible only to owners that come back
// missing make the result "could not verify", never "pass".
import { AttestError } from '../../errors';
import type { CheckInput } from '../types';
import { couldNotVerify, verdict } from '../outcome';
import type { CheckContext, CheckDefinition, CheckInputSpec } from '../types';
import { hostsOrNone } from '../hosts';
import { baseUrl, getJson, isObject, MAX_PAGES } from './api';

const githubHeaders = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };

/** target: an org name, or a URL ending in /orgs/<org> (api.github.com or GHES /api/v3). */
export function githubTarget(input: CheckInput): { api: URL; org: string } {
  const raw = input.target.trim();
  const m = /^(.*)\/orgs\/([^/?#]+)\/?$/.exec(raw);
  if (m?.[1] && m[2]) return { api: baseUrl(m[1]), org: decodeURIComponent(m[2]) };
  const org = input.params?.org ?? raw;
  if (!/^[A-Za-z0-9-]+$/.test(org))
    throw new AttestError('INVALID_TARGET', `"${raw}" is not an organisation; enter its name or https://api.github.com/orgs/<name>.`);
  return { api: baseUrl(input.params?.baseUrl ?? 'https://api.github.com'), org };
}

const inputs: CheckInputSpec[] = [
  {
    name: 'target',
    label: 'Organisation',
    required: true,
    description: 'Name, or https://api.github.com/orgs/<name> (GitHub Enterprise Server: https://<host>/api/v3/orgs/<name>).',
  },
];

const hosts = hostsOrNone((input: CheckInput) => [githubTarget(input).api.hostname]);

async function getOrg(ctx: CheckContext): Promise<{ api: URL; org: string; data: Record<string, unknown> }> {
  const { api, org } = githubTarget(ctx.input);
  const { json } = await getJson(ctx, `${api.toString().replace(/\/$/, '')}/orgs/${encodeURIComponent(org)}`, githubHeaders);
  if (!isObject(json)) throw new AttestError('API_MALFORMED', `${api.host} did not answer with an organisation object.`);
  return { api, org, data: json };
}

export function nextLink(headers: Record<string, string[]>): string | null {
  for (const value of headers.link ?? []) {
    for (const part of value.split(',')) {
      const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
      if (m?.[1]) return m[1];
    }
  }
  return null;
}

export const githubTwoFactorCheck: CheckDefinition = {
  id: 'saas.github.org-2fa',
  title: 'GitHub organisation requires two-factor authentication',
  description: 'Reads two_factor_requirement_enabled on the organisation and lists members without 2FA (owner-only data).',
  category: 'saas',
  controls: ['platform-baseline:S.A.3'],
  inputs,
  hosts,
  credential: { kinds: ['bearer'], required: true },
  async run(ctx) {
    const { api, org, data } = await getOrg(ctx);
    const required = data.two_factor_requirement_enabled;
    let without: string[] | null = [];
    let membersNote: string | null = null;
    try {
      let url: string | null =
        `${api.toString().replace(/\/$/, '')}/orgs/${encodeURIComponent(org)}/members?filter=2fa_disabled&per_page=100`;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const res = await getJson(ctx, url, githubHeaders);
        if (!Array.isArray(res.json)) throw new AttestError('API_MALFORMED', 'The members list is not an array.');
        for (const m of res.json) if (isObject(m) && typeof m.login === 'string') without.push(m.login);
        const next = nextLink(res.headers);
        url = next && new URL(next).host === api.host ? next : null; // never follow paging off the API host
      }
    } catch (err) {
      if (!(err instanceof AttestError)) throw err;
      without = null;
      membersNote = err.message;
    }
    const obs = { org, twoFactorRequirementEnabled: required ?? null, membersWithout2fa: without, membersNote };
    if (typeof required !== 'boolean') {
      return couldNotVerify(
        `GitHub did not show whether ${org} requires 2FA (the field is visible to organisation owners only).`,
        'Use a token of an organisation owner with the read:org scope.',
        obs,
      );
    }
    if (!required) {
      return verdict(
        'fail',
        `${org} does not require two-factor authentication${without ? `; ${without.length} member(s) have none` : ''}.`,
        'Turn on "Require two-factor authentication" in the organisation security settings.',
        obs,
      );
    }
    if (without && without.length > 0)
      return verdict(
        'warn',
        `${org} requires 2FA, yet ${without.length} member(s) are listed without it.`,
        'Review the listed members.',
        obs,
      );
    return verdict(
      'pass',
      `${org} requires two-factor authentication${without ? ' and no member is without it' : ''}.`,
      'None needed.',
      obs,
    );
  },
};

export const githubSettingsCheck: CheckDefinition = {
  id: 'saas.github.org-settings',
  title: 'GitHub organisation settings',
  description:
    'Base repository permission, public repository creation, web commit sign-off, and Dependabot alerts and secret scanning for new repositories.',
  category: 'saas',
  controls: ['platform-baseline:S.A.1', 'platform-baseline:S.A.17'],
  inputs,
  hosts,
  credential: { kinds: ['bearer'], required: true },
  async run(ctx) {
    const { org, data } = await getOrg(ctx);
    const settings = {
      default_repository_permission: data.default_repository_permission,
      members_can_create_public_repositories: data.members_can_create_public_repositories,
      web_commit_signoff_required: data.web_commit_signoff_required,
      dependabot_alerts_enabled_for_new_repositories: data.dependabot_alerts_enabled_for_new_repositories,
      secret_scanning_enabled_for_new_repositories: data.secret_scanning_enabled_for_new_repositories,
    };
    const obs = { org, settings };
    if (settings.default_repository_permission === undefined || settings.members_can_create_public_repositories === undefined) {
      return couldNotVerify(
        `GitHub did not show the settings of ${org} (they are visible to organisation owners only).`,
        'Use a token of an organisation owner with the admin:org or read:org scope.',
        obs,
      );
    }
    const serious: string[] = [];
    const minor: string[] = [];
    if (!['none', 'read'].includes(String(settings.default_repository_permission)))
      serious.push(`every member gets "${String(settings.default_repository_permission)}" on all repositories`);
    if (settings.members_can_create_public_repositories !== false) serious.push('members can create public repositories');
    if (settings.web_commit_signoff_required !== true) minor.push('web commit sign-off is not required');
    if (settings.dependabot_alerts_enabled_for_new_repositories !== true) minor.push('Dependabot alerts are not on for new repositories');
    if (settings.secret_scanning_enabled_for_new_repositories !== true) minor.push('secret scanning is not on for new repositories');
    const fix =
      'Set the base permission to Read or None, restrict public repository creation, and turn on Dependabot alerts and secret scanning for new repositories.';
    if (serious.length > 0) return verdict('fail', `${org}: ${[...serious, ...minor].join('; ')}.`, fix, obs);
    if (minor.length > 0) return verdict('warn', `${org}: access defaults are restrictive, but ${minor.join('; ')}.`, fix, obs);
    return verdict(
      'pass',
      `${org}: restrictive base permission, no public repository creation, sign-off, Dependabot and secret scanning on.`,
      'None needed.',
      obs,
    );
  },
};
