// Tines tenant: tenant owners and dormant users, from GET /api/v1/admin/users (tenant
// owners only; see the reference in the issue). Counting is done on the documented shape.
import { couldNotVerify, verdict } from '../outcome';
import type { CheckDefinition } from '../types';
import { hostsOrNone } from '../hosts';
import { baseUrl, daysSince, getJson, isObject, malformed, MAX_PAGES } from './api';

interface TinesUser {
  email: string;
  admin: boolean;
  active: boolean;
  scim: boolean;
  lastSeenDays: number | null;
}

export const tinesTenantCheck: CheckDefinition = {
  id: 'saas.tines.tenant',
  title: 'Tines tenant: owners and dormant users',
  description:
    'Lists the tenant users through the admin API: how many tenant owners, which active users have not been seen for a long time, and how many are SCIM-provisioned.',
  category: 'saas',
  controls: ['platform-baseline:S.A.1', 'platform-baseline:S.A.4'],
  inputs: [
    { name: 'target', label: 'Tenant URL', required: true, description: 'e.g. https://your-tenant.tines.com' },
    { name: 'maxOwners', label: 'Most tenant owners expected', required: false, description: 'Default 3.' },
    { name: 'staleDays', label: 'Days unseen before a user counts as dormant', required: false, description: 'Default 90.' },
  ],
  hosts: hostsOrNone((input) => [baseUrl(input.target).hostname]),
  credential: { kinds: ['bearer'], required: true },
  async run(ctx) {
    const base = baseUrl(ctx.input.target);
    const maxOwners = Number(ctx.input.params?.maxOwners ?? 3);
    const staleDays = Number(ctx.input.params?.staleDays ?? 90);
    const now = ctx.now();
    const users: TinesUser[] = [];
    let page: number | null = 1;
    let pages = 0;
    while (page !== null && pages < MAX_PAGES) {
      const url = new URL(`${base.pathname}/api/v1/admin/users`, base);
      url.search = new URLSearchParams({ per_page: '100', page: String(page), include: 'team_memberships' }).toString();
      const { json } = await getJson(ctx, url.toString());
      const list = isObject(json) ? json['admin/users'] : undefined;
      if (!Array.isArray(list)) throw malformed(base.host, 'the "admin/users" list');
      for (const u of list) {
        if (!isObject(u)) continue;
        users.push({
          email: typeof u.email === 'string' ? u.email : '(no email)',
          admin: u.admin === true,
          active: u.is_active !== false,
          scim: u.scim_uid !== null && u.scim_uid !== undefined,
          lastSeenDays: daysSince(u.last_seen, now),
        });
      }
      pages++;
      const meta = isObject(json) && isObject(json.meta) ? json.meta : {};
      const next = meta.next_page ?? meta.next_page_number;
      page = typeof next === 'number' ? next : typeof next === 'string' && /^\d+$/.test(next) ? Number(next) : null;
    }
    if (users.length === 0)
      return couldNotVerify(
        `${base.host} returned no users, so the tenant could not be judged.`,
        'Check that the API key belongs to a tenant owner.',
      );
    const owners = users.filter((u) => u.admin);
    const dormant = users.filter((u) => u.active && (u.lastSeenDays === null || u.lastSeenDays > staleDays));
    const obs = {
      tenant: base.host,
      users: users.length,
      tenantOwners: owners.map((u) => u.email),
      dormantActiveUsers: dormant.map((u) => ({ email: u.email, daysSinceSeen: u.lastSeenDays })),
      scimProvisionedShare: Math.round((users.filter((u) => u.scim).length / users.length) * 100) / 100,
      pagesRead: pages,
      truncated: page !== null,
    };
    const issues: string[] = [];
    if (owners.length > maxOwners) issues.push(`${owners.length} tenant owners (more than ${maxOwners})`);
    if (dormant.length > 0) issues.push(`${dormant.length} active user(s) not seen for over ${staleDays} days`);
    if (issues.length === 0) {
      return verdict('pass', `${owners.length} tenant owner(s) among ${users.length} users; no dormant active users.`, 'None needed.', obs);
    }
    return verdict(
      'warn',
      `Tines tenant: ${issues.join('; ')}.`,
      'Keep tenant owners to the few who administer the tenant, and deactivate users who no longer sign in (ideally through SCIM).',
      obs,
    );
  },
};
