import { existsSync } from 'node:fs';
import { describeEntity, exportAudit, listAudit } from './audit-log';
import type { HandlerMap } from '../dispatcher';
import type { CoreDeps } from '../deps';
import { AttestError } from '../errors';
import { defaultWorkspaceFolder } from '../files/dialogs';
import { recentIdOf } from './preferences';

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
  | 'workspace.undo'
  | 'workspace.verify'
  | 'audit.list'
  | 'audit.export';

export function sessionHandlers({ session, ready, files }: CoreDeps): Pick<HandlerMap, SessionChannels> {
  const recent = async () => {
    await ready;
    const prefs = await session.prefs.read();
    return {
      recent: await Promise.all(
        prefs.recent.map(async (r) => ({
          id: recentIdOf(r.path),
          path: r.path,
          name: r.name,
          lastOpenedAt: r.lastOpenedAt,
          exists: existsSync(r.path),
          remembered: await session.isRemembered(r.workspaceId),
        })),
      ),
      suggestedFolder: defaultWorkspaceFolder(),
    };
  };
  /** The file of a recent entry: the renderer names it by id only. */
  const recentPath = async (id: string) => {
    await ready;
    const entry = (await session.prefs.read()).recent.find((r) => recentIdOf(r.path) === id);
    if (!entry)
      throw new AttestError('RECENT_NOT_FOUND', 'That workspace is no longer in the recent list; open it with “Open another file”.');
    return entry.path;
  };
  return {
    'workspace.status': () => session.status(),
    'workspace.create': (r, context) =>
      files.use(r.handle, 'save:workspace', (path) => session.create(path, r.name, r.passphrase, r.remember, context.actor)),
    'workspace.open': async (r) => {
      const open = (path: string) => session.open(path, r.passphrase ? { passphrase: r.passphrase } : undefined, r.remember, r.acceptOlder);
      return r.handle ? files.use(r.handle, 'open:workspace', open) : open(await recentPath(r.recent!));
    },
    'workspace.unlock': (r) => session.unlock(r.passphrase, r.acceptOlder),
    'workspace.lock': () => session.lock('user'),
    'workspace.close': () => session.close(),
    'workspace.touch': () => ({ state: session.touch() }),
    'workspace.recent': recent,
    'workspace.forgetRecent': async (r) => {
      const path = await recentPath(r.id);
      await session.prefs.update((p) => ({ ...p, recent: p.recent.filter((x) => x.path !== path) }));
      return recent();
    },
    'workspace.changePassphrase': (r) => session.changePassphrase(r.current, r.next),
    'workspace.passphraseProgress': () => {
      const p = session.passphraseProgress();
      return p ? { running: true, ...p } : { running: false, phase: 'done' as const, doneBytes: 0, totalBytes: 0 };
    },
    'workspace.remember': (r) => session.setRemembered(r.remember),
    'workspace.setAutoLock': (r) => session.setAutoLock(r.minutes),
    'workspace.undo': async (r, context) => {
      const ws = session.workspace();
      // Named before the undo: an undone creation takes the name with it.
      const before = ws.lastChange();
      const name = before ? describeEntity(ws, before.entity) : null;
      const { undone } = await ws.undo(context.actor, r.expectSeq);
      const next = ws.lastChange();
      return {
        undone: { ...undone, entityName: name },
        next: next ? { ...next, entityName: describeEntity(ws, next.entity) } : null,
      };
    },
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
