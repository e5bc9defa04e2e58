// Retool: users outside the SSO domain, admin count and idle users, from GET /users of
// the Retool API v2. The users endpoint does not expose two-factor status: the result says so.
import { AttestError } from '../../errors';
import { couldNotVerify, verdict } from '../outcome';
import type { CheckDefinition } from '../types';
import { hostsOrNone } from '../hosts';
import { baseUrl, daysSince, getJson, isObject, malformed, MAX_PAGES } from './api';

export const retoolSsoCheck: CheckDefinition = {
  id: 'saas.retool.sso',
  title: 'Retool: users under SSO, admins and idle accounts',
  description:
    'Lists Retool users through the API: active users whose email is outside the SSO domain(s), how many admins, and active users idle for long.',
  category: 'saas',
  controls: ['platform-baseline:S.A.2', 'platform-baseline:S.A.4'],
  inputs: [
    { name: 'target', label: 'API base URL', required: true, description: 'https://api.retool.com/api/v2 or https://<instance>/api/v2' },
    { name: 'ssoDomain', label: 'SSO email domain(s)', required: true, description: 'Comma-separated, e.g. example.com' },
    { name: 'maxAdmins', label: 'Most admins expected', required: false, description: 'Default 3.' },
    { name: 'staleDays', label: 'Days idle before a user counts as dormant', required: false, description: 'Default 90.' },
  ],
  hosts: hostsOrNone((input) => [baseUrl(input.target).hostname]),
  credential: { kinds: ['bearer'], required: true },
  async run(ctx) {
    const base = baseUrl(ctx.input.target, '/api/v2');
    const domains = (ctx.input.params?.ssoDomain ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean);
    if (domains.length === 0) throw new AttestError('INVALID_INPUT', 'Enter the SSO email domain(s) so users outside them can be found.');
    const maxAdmins = Number(ctx.input.params?.maxAdmins ?? 3);
    const staleDays = Number(ctx.input.params?.staleDays ?? 90);
    const now = ctx.now();
    const users: { email: string; active: boolean; admin: boolean; idleDays: number | null }[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const url = new URL(`${base.pathname}/users`, base);
      if (token) url.searchParams.set('next_token', token);
      const { json } = await getJson(ctx, url.toString());
      if (!isObject(json) || !Array.isArray(json.data)) throw malformed(base.host, 'a "data" list of users');
      if (json.success === false) throw malformed(base.host, 'success');
      for (const u of json.data) {
        if (!isObject(u)) continue;
        users.push({
          email: typeof u.email === 'string' ? u.email.toLowerCase() : '',
          active: u.active !== false,
          admin: u.is_admin === true,
          idleDays: daysSince(u.last_active, now),
        });
      }
      pages++;
      token = json.has_more === true && typeof json.next_token === 'string' && json.next_token ? json.next_token : null;
    } while (token && pages < MAX_PAGES);
    if (users.length === 0) return couldNotVerify(`${base.host} returned no users.`, 'Check that the token has the "Users > Read" scope.');
    const active = users.filter((u) => u.active);
    const outside = active.filter((u) => !domains.some((d) => u.email.endsWith(`@${d}`)));
    const admins = active.filter((u) => u.admin);
    const idle = active.filter((u) => u.idleDays === null || u.idleDays > staleDays);
    const obs = {
      instance: base.host,
      users: users.length,
      activeUsers: active.length,
      ssoDomains: domains,
      usersOutsideSsoDomain: outside.map((u) => u.email),
      admins: admins.map((u) => u.email),
      idleActiveUsers: idle.map((u) => ({ email: u.email, daysIdle: u.idleDays })),
      twoFactor: 'not exposed by the Retool users API; not verified',
      pagesRead: pages,
      truncated: token !== null,
    };
    const note = ' Two-factor status is not exposed by the users API and was not verified.';
    if (outside.length > 0) {
      return verdict(
        'fail',
        `${outside.length} active user(s) have emails outside ${domains.join(', ')} and may sign in without SSO.${note}`,
        'Enforce SSO for the organisation, and remove or convert accounts outside the SSO domain.',
        obs,
      );
    }
    const issues: string[] = [];
    if (admins.length > maxAdmins) issues.push(`${admins.length} admins (more than ${maxAdmins})`);
    if (idle.length > 0) issues.push(`${idle.length} active user(s) idle for over ${staleDays} days`);
    if (issues.length > 0)
      return verdict(
        'warn',
        `All active users are in the SSO domain, but: ${issues.join('; ')}.${note}`,
        'Reduce admins and disable idle users.',
        obs,
      );
    return verdict(
      'pass',
      `All ${active.length} active users are in the SSO domain; ${admins.length} admin(s).${note}`,
      'None needed.',
      obs,
    );
  },
};
