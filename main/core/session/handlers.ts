import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { exportAudit, listAudit } from './audit-log';
import type { HandlerMap } from '../dispatcher';
import type { CoreDeps } from '../deps';

type SessionChannels =
  | 'workspace.status'
  | 'workspace.create'
  | 'workspace.open'
  | 'workspace.unlock'
  | 'workspace.lock'
  | 'workspace.close'
  | 'workspace.touch'
  | 'workspace.recent'
  | 'workspace.forgetRecent'
  | 'workspace.changePassphrase'
  | 'workspace.passphraseProgress'
  | 'workspace.remember'
  | 'workspace.setAutoLock'
  | 'workspace.verify'
  | 'audit.list'
  | 'audit.export';

export function sessionHandlers({ session, ready }: CoreDeps): Pick<HandlerMap, SessionChannels> {
  const recent = async () => {
    await ready;
    const prefs = await session.prefs.read();
    return {
      recent: await Promise.all(
        prefs.recent.map(async (r) => ({
          path: r.path,
          name: r.name,
          lastOpenedAt: r.lastOpenedAt,
          exists: existsSync(r.path),
          remembered: await session.isRemembered(r.workspaceId),
        })),
      ),
      suggestedFolder: join(homedir(), 'Attest'),
    };
  };
  return {
    'workspace.status': () => session.status(),
    'workspace.create': (r, context) => session.create(r.path, r.name, r.passphrase, r.remember, context.actor),
    'workspace.open': (r) => session.open(r.path, r.passphrase ? { passphrase: r.passphrase } : undefined, r.remember, r.acceptOlder),
    'workspace.unlock': (r) => session.unlock(r.passphrase, r.acceptOlder),
    'workspace.lock': () => session.lock('user'),
    'workspace.close': () => session.close(),
    'workspace.touch': () => ({ state: session.touch() }),
    'workspace.recent': recent,
    'workspace.forgetRecent': async (r) => {
      await session.prefs.update((p) => ({ ...p, recent: p.recent.filter((x) => x.path !== r.path) }));
      return recent();
    },
    'workspace.changePassphrase': (r) => session.changePassphrase(r.current, r.next),
    'workspace.passphraseProgress': () => {
      const p = session.passphraseProgress();
      return p ? { running: true, ...p } : { running: false, phase: 'done' as const, doneBytes: 0, totalBytes: 0 };
    },
    'workspace.remember': (r) => session.setRemembered(r.remember),
    'workspace.setAutoLock': (r) => session.setAutoLock(r.minutes),
    'workspace.verify': async (r) => {
      const report = await session.verify(r.passphrase);
      return {
        ok: report.ok,
        commits: report.records.commits,
        blobs: report.records.blobs,
        auditEntries: report.auditEntries,
        firstBrokenEntry: report.firstBrokenEntry,
        rollback: report.rollback,
        problems: report.problems,
      };
    },
    'audit.list': (r) => listAudit(session.workspace(), r),
    'audit.export': (r) => {
      const ws = session.workspace();
      return exportAudit(ws, r, ws.info().name);
    },
  };
}

