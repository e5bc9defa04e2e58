// IPC handlers of credentials, the egress policy and live checks. Credential values
// enter through credential.create/replace and go straight to the store (the keychain);
// only the net client gets them back, as a header for a bound, approved host.
import type { CoreDeps } from '../deps';
import { assertEditable } from '../assessment/assessments';
import { loadBuiltinCatalogues, type LoadedCatalogue } from '../catalog/loader';
import { createCredentialStore, type CredentialMetadata } from '../credentials/store';
import type { HandlerMap } from '../dispatcher';
import { AttestError } from '../errors';
import { createNetClient } from '../net/client';
import { isHostApproved, normalizeHost } from '../net/policy';
import type { Workspace } from '../workspace';
import { assessmentControlsFor, controlIds } from './controls';
import { approveHosts, egressPolicy, egressView, readEgress, revokeHost, setCustomCa, setLiveChecks, setResolver } from './egress';
import { createRunManager, type PlannedJob } from './jobs';
import { allChecks, getCheck } from './registry';
import { decideRun, getRun, listRuns } from './runs';
import { addTarget, checkOrThrow, inputOf, listTargets, removeTarget, targetRow, updateTarget } from './targets';

type CheckChannels =
  | 'credential.list'
  | 'credential.create'
  | 'credential.replace'
  | 'credential.delete'
  | 'credential.test'
  | 'policy.get'
  | 'policy.setEnabled'
  | 'policy.approveHosts'
  | 'policy.revokeHost'
  | 'policy.setResolver'
  | 'policy.setCustomCa'
  | 'check.list'
  | 'check.targets'
  | 'check.addTarget'
  | 'check.updateTarget'
  | 'check.removeTarget'
  | 'check.hosts'
  | 'check.run'
  | 'check.progress'
  | 'check.cancel'
  | 'check.results'
  | 'check.result'
  | 'check.decide';

const titleOf = (checkId: string) => getCheck(checkId)?.title ?? checkId;

/** Records a credential change in the workspace's audit log: metadata only, never a value. */
async function auditCredential(
  ws: Workspace,
  action: string,
  meta: Pick<CredentialMetadata, 'id' | 'label' | 'kind' | 'hosts'>,
  actor: string,
) {
  await ws.commit({
    actor,
    action,
    entity: `credential:${meta.id}`,
    statements: [
      {
        sql: 'INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)',
        params: [
          'credentials.last-change',
          JSON.stringify({ action, id: meta.id, label: meta.label, kind: meta.kind, hosts: meta.hosts }),
          ws.now().toISOString(),
        ],
      },
    ],
  });
}

/** The jobs a run of these targets would be, and the hosts they contact. */
function plan(ws: Workspace, assessmentId: string, targetIds: string[] | undefined, credentials: readonly CredentialMetadata[]) {
  const stored = readEgress(ws);
  const rows = targetIds
    ? [...new Set(targetIds)].map((id) => {
        const r = targetRow(ws, id);
        if (r.assessment_id !== assessmentId) throw new AttestError('TARGET_NOT_FOUND', 'That check target belongs to another assessment.');
        return r;
      })
    : listTargets(ws, assessmentId, credentials).map((t) => targetRow(ws, t.id));
  const jobs: PlannedJob[] = rows.map((r) => {
    const check = checkOrThrow(r.check_id);
    const input = inputOf(r, stored);
    return {
      targetId: r.id,
      checkId: check.id,
      title: check.title,
      input,
      stored: { params: input.params ?? {}, credentialId: input.credentialId ?? null, customCa: input.workspaceCa !== undefined },
      controls: assessmentControlsFor(ws, assessmentId, check),
    };
  });
  const hosts = new Set<string>();
  for (const j of jobs) for (const h of getCheck(j.checkId)!.hosts(j.input, stored.resolver)) hosts.add(normalizeHost(h));
  const all = [...hosts].sort();
  const policy = egressPolicy(stored);
  return { stored, policy, jobs, hosts: all, unapproved: all.filter((h) => !isHostApproved(policy, h)) };
}

export function checkHandlers(deps: CoreDeps): Pick<HandlerMap, CheckChannels> {
  const ws = () => deps.library.workspace();
  const store = createCredentialStore(deps.keychain, () => new Date(deps.session.clock.now()));
  // Credentials live in the keychain. Without one, targets that name no credential still
  // work (with no credential labels); naming a credential says the keychain is missing.
  const credentialsFor = async (credentialId?: string | null): Promise<CredentialMetadata[]> => {
    try {
      return await store.list();
    } catch (e) {
      if (!credentialId && e instanceof AttestError && e.code === 'KEYCHAIN_UNAVAILABLE') return [];
      throw e;
    }
  };
  const runs = createRunManager(deps.jobs);
  let builtins: LoadedCatalogue[] | null = null;

  return {
    'credential.list': async () => ({ credentials: await store.list() }),
    'credential.create': async (r, c) => {
      const w = await ws();
      const meta = await store.create({ label: r.label, kind: r.kind, headerName: r.headerName, hosts: r.hosts, secret: r.value });
      try {
        await auditCredential(w, 'credential.create', meta, c.actor);
      } catch (err) {
        // Not recorded means not kept: the keychain entry goes too.
        await store.delete(meta.id).catch(() => undefined);
        throw err;
      }
      return meta;
    },
    'credential.replace': async (r, c) => {
      const w = await ws();
      const meta = await store.replace(r.id, r.value);
      await auditCredential(w, 'credential.replace', meta, c.actor);
      return meta;
    },
    'credential.delete': async (r, c) => {
      const w = await ws();
      const meta = await store.get(r.id);
      await store.delete(r.id);
      await auditCredential(w, 'credential.delete', meta, c.actor);
      return { deleted: r.id };
    },
    'credential.test': async (r) => {
      const w = await ws();
      const meta = await store.get(r.id);
      const host = normalizeHost(r.host ?? meta.hosts[0] ?? '');
      if (!meta.hosts.includes(host)) {
        throw new AttestError(
          'CREDENTIAL_HOST_NOT_BOUND',
          `The credential "${meta.label}" may only be sent to ${meta.hosts.join(', ')}, not to ${host}.`,
        );
      }
      const stored = readEgress(w);
      // No workspace CA here: a request carrying a credential trusts the system roots (and the device's CA) only.
      const client = createNetClient({ policy: egressPolicy(stored), credentials: store, deviceCaPem: deps.options.deviceCaPem });
      const res = await client.request({
        url: `https://${host.includes(':') ? `[${host}]` : host}${r.port === 443 ? '' : `:${r.port}`}${r.path}`,
        method: 'GET',
        credentialId: meta.id,
        followRedirects: false,
      });
      const ok = res.status < 400;
      const message = ok
        ? `${host} accepted the credential (HTTP ${res.status}).`
        : res.status === 401 || res.status === 403
          ? `${host} refused the credential (HTTP ${res.status}): check the value and its permissions.`
          : `${host} answered HTTP ${res.status}; try a path of its API that needs the credential.`;
      return { host, status: res.status, ok, message };
    },
    'policy.get': async () => egressView(readEgress(await ws())),
    'policy.setEnabled': async (r, c) => setLiveChecks(await ws(), r.enabled, c.actor),
    'policy.approveHosts': async (r, c) => approveHosts(await ws(), r.hosts, c.actor),
    'policy.revokeHost': async (r, c) => revokeHost(await ws(), r.host, c.actor),
    'policy.setResolver': async (r, c) => setResolver(await ws(), r.server, r.port, c.actor),
    'policy.setCustomCa': async (r, c) => setCustomCa(await ws(), r.pem, r.hosts, c.actor),
    'check.list': () => {
      // The built-in catalogues say which controls cite each check; no workspace needed.
      builtins ??= loadBuiltinCatalogues(deps.options.catalogueDir);
      const catalogues = builtins.map((b) => b.catalogue);
      return {
        checks: allChecks.map((check) => ({
          id: check.id,
          title: check.title,
          description: check.description,
          category: check.category,
          controls: controlIds(catalogues, check),
          inputs: check.inputs.map((i) => ({ ...i })),
          credential: check.credential ? { kinds: [...check.credential.kinds], required: check.credential.required } : null,
        })),
      };
    },
    'check.targets': async (r) => ({ targets: listTargets(await ws(), r.assessmentId, await credentialsFor()) }),
    'check.addTarget': async (r, c) =>
      addTarget(
        await ws(),
        r.assessmentId,
        r.checkId,
        { target: r.target, inputs: r.inputs, credentialId: r.credentialId },
        await credentialsFor(r.credentialId),
        c.actor,
      ),
    'check.updateTarget': async (r, c) =>
      updateTarget(
        await ws(),
        r.id,
        { target: r.target, inputs: r.inputs, credentialId: r.credentialId },
        await credentialsFor(r.credentialId),
        c.actor,
      ),
    'check.removeTarget': async (r, c) => {
      await removeTarget(await ws(), r.id, c.actor);
      return { removed: r.id };
    },
    'check.hosts': async (r) => {
      const p = plan(await ws(), r.assessmentId, r.targetIds, await credentialsFor());
      return { liveChecksEnabled: p.stored.liveChecksEnabled, hosts: p.hosts, unapproved: p.unapproved };
    },
    'check.run': async (r, c) => {
      const w = await ws();
      assertEditable(w, r.assessmentId);
      const p = plan(w, r.assessmentId, r.targetIds, await credentialsFor());
      if (!p.stored.liveChecksEnabled) {
        throw new AttestError(
          'LIVE_CHECKS_DISABLED',
          'Live checks are turned off for this workspace, so nothing was sent over the network. Turn them on in the Checks screen to run checks.',
        );
      }
      if (p.jobs.length === 0) throw new AttestError('NO_TARGETS', 'There is nothing to run: add a target first.');
      if (p.unapproved.length > 0) {
        throw new AttestError('HOSTS_NOT_APPROVED', `Approve these hosts first (nothing was contacted): ${p.unapproved.join(', ')}.`, {
          details: { hosts: p.unapproved },
        });
      }
      return runs.start({
        ws: w,
        assessmentId: r.assessmentId,
        jobs: p.jobs,
        policy: p.policy,
        resolver: p.stored.resolver,
        credentials: store,
        deviceCaPem: deps.options.deviceCaPem,
        actor: c.actor,
      });
    },
    'check.progress': (r) => runs.progress(r.runId),
    'check.cancel': (r) => runs.cancel(r.runId),
    'check.results': async (r) => ({ runs: listRuns(await ws(), r.assessmentId, titleOf) }),
    'check.result': async (r) => getRun(await ws(), r.id, titleOf),
    'check.decide': async (r, c) => decideRun(await ws(), r.id, r.decision, r.note, c.actor, titleOf),
  };
}
