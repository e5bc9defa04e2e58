// Fake Tines, Retool and GitHub endpoints on 127.0.0.1 (HTTPS, test CA), answering in
// the documented response shapes. The first path segment picks a behaviour, so one
// server covers good tenants, weak ones, 401/403, malformed JSON, huge bodies and stalls.
// Some variants echo the Authorization header back, to prove the result scrubs it.
import type http from 'node:http';
import type { TestPki } from './pki';
import { startHttps, type RunningServer } from './servers';

const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

function tinesUser(i: number, admin: boolean, lastSeenDaysAgo: number) {
  return {
    id: i,
    scim_uid: i % 2 === 0 ? `scim-${i}` : null,
    email: `user${i}@corp.test`,
    admin,
    tenant_permissions: admin ? ['TENANT_OWNER'] : [],
    is_active: true,
    created_at: iso(400),
    updated_at: iso(10),
    first_name: 'U',
    last_name: String(i),
    last_seen: iso(lastSeenDaysAgo),
    team_memberships: [{ team_id: 1, team_name: 'Sec', role: 'EDITOR' }],
  };
}

function retoolUser(i: number, email: string, admin: boolean, idleDays: number) {
  return {
    id: `u${i}`,
    legacy_id: i,
    email,
    active: true,
    created_at: iso(300),
    last_active: iso(idleDays),
    first_name: 'R',
    last_name: String(i),
    metadata: {},
    is_admin: admin,
    user_type: 'default',
  };
}

export interface SaasFake extends RunningServer {
  /** Authorization headers received, in order. */
  authSeen: (string | null)[];
}

/** The certificate names api.test and other.test, and 127.0.0.1 (for tests through the core, which resolves names for real). */
export async function startSaasFake(pki: TestPki, expectedToken: string): Promise<SaasFake> {
  const authSeen: (string | null)[] = [];
  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

  const server = await startHttps(
    pki.leaf({ commonName: 'api.test', dnsNames: ['api.test', 'other.test'], ips: ['127.0.0.1'] }),
    (req, res) => {
      const auth = req.headers.authorization ?? null;
      authSeen.push(auth);
      const url = new URL(req.url ?? '/', 'https://api.test');
      const [variant = '', ...rest] = url.pathname.split('/').filter(Boolean);
      const path = `/${rest.join('/')}`;
      if (auth !== `Bearer ${expectedToken}`) return json(res, 401, { error: 'unauthorized' });
      switch (variant) {
        case 'denied':
          // A server that quotes the credential back in its error body and a header.
          res.setHeader('x-echo-auth', auth);
          return json(res, 403, { message: `token ${auth} lacks scope` });
        case 'malformed':
          return res.writeHead(200, { 'content-type': 'application/json' }).end(`{"admin/users": [ ${auth}`);
        case 'huge': {
          res.writeHead(200, { 'content-type': 'application/json' });
          const chunk = Buffer.alloc(256 * 1024, 0x20);
          let n = 0;
          const pump = () => {
            while (n < 40 && res.write(chunk)) n++;
            if (n < 40) res.once('drain', pump);
            else res.end();
          };
          res.on('error', () => undefined);
          return pump();
        }
        case 'stall':
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.write('{');
        case 'redirect-away':
          return res.writeHead(302, { location: `https://other.test:${server.port}/tines-good${path}${url.search}` }).end();
        case 'tines-good':
        case 'tines-crowded': {
          if (path !== '/api/v1/admin/users') return json(res, 404, {});
          const page = Number(url.searchParams.get('page') ?? '1');
          const crowded = variant === 'tines-crowded';
          const users =
            page === 1
              ? [tinesUser(1, true, 1), tinesUser(2, crowded, 2), tinesUser(3, false, 3)]
              : [tinesUser(4, crowded, 4), tinesUser(5, crowded, crowded ? 200 : 5), tinesUser(6, false, 6)];
          // Echoes the caller's token in a field a careless check might copy into evidence.
          return json(res, 200, {
            'admin/users': users,
            meta: { current_page: page, next_page: page === 1 ? 2 : null, per_page: 3, count: 6, debug_auth: auth },
          });
        }
        case 'retool': {
          if (path !== '/api/v2/users') return json(res, 404, {});
          const first = !url.searchParams.get('next_token');
          const data = first
            ? [retoolUser(1, 'a@corp.test', true, 1), retoolUser(2, 'b@corp.test', false, 3)]
            : [retoolUser(3, 'c@corp.test', false, 5), retoolUser(4, `contractor@gmail.test`, false, 120)];
          return json(res, 200, { success: true, data, total_count: 4, next_token: first ? 'tok2' : '', has_more: first });
        }
        case 'gh': {
          const m = /^\/orgs\/([^/]+)(\/members)?$/.exec(path);
          if (!m) return json(res, 404, { message: 'Not Found' });
          const org = m[1]!;
          if (m[2]) {
            if (org === 'hidden') return json(res, 403, { message: 'Must be an owner' });
            if (url.searchParams.get('page') === '2') return json(res, 200, org === 'weak' ? [{ login: 'carol' }] : []);
            return json(res, 200, org === 'weak' ? [{ login: 'alice' }, { login: 'bob' }] : [], {
              link: org === 'weak' ? `<https://api.test:${server.port}/gh/orgs/weak/members?filter=2fa_disabled&page=2>; rel="next"` : '',
            });
          }
          if (org === 'hidden') return json(res, 200, { login: 'hidden', id: 3, name: 'Hidden' });
          const strong = org === 'strong';
          return json(res, 200, {
            login: org,
            id: 1,
            two_factor_requirement_enabled: strong,
            default_repository_permission: strong ? 'read' : 'admin',
            members_can_create_public_repositories: !strong,
            web_commit_signoff_required: strong,
            dependabot_alerts_enabled_for_new_repositories: strong,
            secret_scanning_enabled_for_new_repositories: strong,
          });
        }
        default:
          return json(res, 404, { message: 'Not Found' });
      }
    },
  );
  return { ...server, authSeen };
}
