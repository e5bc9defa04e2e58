import { z } from 'zod';
import { defineChannel } from './channel';
import { fileHandle, recentId } from './files';

const passphrase = z.string().min(1, 'the passphrase must not be empty').max(1024);

export const workspaceStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('locked'), path: z.string(), name: z.string().nullable(), reason: z.enum(['user', 'idle']) }),
  z.object({
    state: z.literal('open'),
    path: z.string(),
    name: z.string().nullable(),
    workspaceId: z.string(),
    remembered: z.boolean(),
    schemaVersion: z.number(),
    lastSeq: z.number(),
    fileBytes: z.number(),
    autoLockMinutes: z.number(),
    recoveredTornTailBytes: z.number(),
    /** What the discarded unfinished save held, e.g. "commit 13: 412 of its 1056 bytes were written". */
    recoveredTornTail: z.string().nullable(),
  }),
]);
export type WorkspaceStatus = z.infer<typeof workspaceStatus>;

const recentEntry = z.object({
  /** What workspace.open and workspace.forgetRecent take: the core maps it to the file. */
  id: z.string(),
  path: z.string(),
  name: z.string().nullable(),
  lastOpenedAt: z.string(),
  exists: z.boolean(),
  remembered: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof recentEntry>;

const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  digest: z.string(),
  hash: z.string(),
  /** The entity in words ("Finding F-003 “…” in “Q4 review”"), or null when it is gone or unnamed. */
  entityName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** A change of this session as undo sees it; `refusal`: why it cannot be taken back. */
const changeView = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityName: z.string().nullable(),
  refusal: z.string().nullable(),
});
export type ChangeView = z.infer<typeof changeView>;

/** Which entries of the audit log to list or export: all given filters apply together. */
const auditFilter = {
  /** Exactly this actor ("Dana Reyes (app)"). */
  actor: z.string().max(200).optional(),
  /** Actions of this kind: the part before the first dot ("finding", "result"). */
  kind: z.string().max(60).optional(),
  /** Words to find in the action, the entity, its name or the actor (case-insensitive). */
  text: z.string().max(200).optional(),
  /** From and to this day (YYYY-MM-DD, inclusive). */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written YYYY-MM-DD.')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written YYYY-MM-DD.')
    .optional(),
};
export type AuditFilter = { actor?: string; kind?: string; text?: string; from?: string; to?: string };

export const workspaceChannels = {
  'workspace.status': defineChannel({
    effect: 'read',
    summary: 'Whether a workspace is open, locked or none, and its vital facts.',
    request: z.object({}).strict(),
    response: workspaceStatus,
  }),
  'workspace.create': defineChannel({
    effect: 'write',
    summary: 'Create a new encrypted workspace file (chosen with dialog.save, purpose workspace) and open it.',
    request: z
      .object({
        handle: fileHandle,
        name: z.string().trim().min(1, 'a name is required').max(200),
        passphrase,
        remember: z.boolean().default(false),
      })
      .strict(),
    response: workspaceStatus,
  }),
  'workspace.open': defineChannel({
    effect: 'write',
    summary:
      'Open a workspace (a handle from dialog.open, purpose workspace, or a recent id) with its passphrase, or with the key remembered on this device. A file older than this device last saw is refused (WORKSPACE_ROLLED_BACK) unless acceptOlder.',
    request: z
      .object({
        handle: fileHandle.optional(),
        recent: recentId.optional(),
        passphrase: passphrase.optional(),
        remember: z.boolean().default(false),
        acceptOlder: z.boolean().default(false),
      })
      .strict()
      .refine(
        (r) => (r.handle === undefined) !== (r.recent === undefined),
        'give either handle (from dialog.open) or recent (an id from workspace.recent)',
      ),
    response: workspaceStatus,
  }),
  'workspace.unlock': defineChannel({
    effect: 'write',
    summary: 'Reopen the locked workspace with its passphrase.',
    request: z.object({ passphrase: passphrase.optional(), acceptOlder: z.boolean().default(false) }).strict(),
    response: workspaceStatus,
  }),
  'workspace.lock': defineChannel({
    effect: 'write',
    summary: 'Lock the open workspace: keys are wiped from memory until the passphrase is given again.',
    request: z.object({}).strict(),
    response: workspaceStatus,
  }),
  'workspace.close': defineChannel({
    effect: 'write',
    summary: 'Close the open or locked workspace.',
    request: z.object({}).strict(),
    response: workspaceStatus,
  }),
  'workspace.touch': defineChannel({
    effect: 'read',
    summary: 'Tell the auto-lock timer that the user is active.',
    request: z.object({}).strict(),
    response: z.object({ state: z.enum(['none', 'locked', 'open']) }),
  }),
  'workspace.recent': defineChannel({
    effect: 'read',
    summary: 'Recently opened workspaces and the suggested folder for new ones.',
    request: z.object({}).strict(),
    response: z.object({ recent: z.array(recentEntry), suggestedFolder: z.string() }),
  }),
  'workspace.forgetRecent': defineChannel({
    effect: 'write',
    summary: 'Remove a file from the recent list by its id (the file itself is untouched).',
    request: z.object({ id: recentId }).strict(),
    response: z.object({ recent: z.array(recentEntry), suggestedFolder: z.string() }),
  }),
  'workspace.changePassphrase': defineChannel({
    effect: 'write',
    summary:
      'Change the passphrase of the open workspace: re-encrypts it under a new data key and swaps the new file in (poll workspace.passphraseProgress meanwhile).',
    request: z.object({ current: passphrase, next: passphrase }).strict(),
    response: workspaceStatus,
  }),
  'workspace.passphraseProgress': defineChannel({
    effect: 'read',
    summary: 'How far a running passphrase change has re-encrypted the workspace.',
    request: z.object({}).strict(),
    response: z.object({
      running: z.boolean(),
      phase: z.enum(['encrypting', 'swapping', 'done']),
      doneBytes: z.number(),
      totalBytes: z.number(),
    }),
  }),
  'workspace.remember': defineChannel({
    effect: 'write',
    summary: 'Remember the open workspace on this device (its key goes to the OS keychain), or forget it.',
    request: z.object({ remember: z.boolean() }).strict(),
    response: workspaceStatus,
  }),
  'workspace.setAutoLock': defineChannel({
    effect: 'write',
    summary: 'Set the inactivity time after which the workspace locks itself.',
    request: z
      .object({
        minutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
      })
      .strict(),
    response: workspaceStatus,
  }),
  'workspace.undo': defineChannel({
    effect: 'write',
    summary:
      'Take back the newest change of this session (any kind) as a new audited change. expectSeq: only if that change is still the newest (UNDO_STALE otherwise).',
    request: z.object({ expectSeq: z.number().int().positive().optional() }).strict(),
    response: z.object({ undone: changeView, next: changeView.nullable() }),
  }),
  'workspace.verify': defineChannel({
    effect: 'read',
    summary: 'Re-read the workspace file from disk and check every record and the audit chain.',
    request: z.object({ passphrase: passphrase.optional() }).strict(),
    response: z.object({
      ok: z.boolean(),
      commits: z.number(),
      blobs: z.number(),
      auditEntries: z.number(),
      firstBrokenEntry: z.object({ seq: z.number(), reason: z.string() }).nullable(),
      /** The file is older than (or differs from) what this device last saw. */
      rollback: z
        .object({ missingCommits: z.number().nullable(), seenSeq: z.number(), seenAt: z.string(), fileSeq: z.number() })
        .nullable(),
      problems: z.array(z.string()),
    }),
  }),
  'audit.list': defineChannel({
    effect: 'read',
    summary: 'Entries of the audit log, newest first, with their entities named; filtered by actor, kind of action, words and days.',
    request: z
      .object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100), ...auditFilter })
      .strict(),
    response: z.object({
      total: z.number(),
      entries: z.array(auditEntry),
      /** Every actor and every kind of action in the whole log, for the filters. */
      actors: z.array(z.string()),
      kinds: z.array(z.string()),
    }),
  }),
  'audit.export': defineChannel({
    effect: 'read',
    summary: 'The audit log entries a filter selects, as CSV (formula-safe), newest first.',
    request: z.object(auditFilter).strict(),
    response: z.object({ name: z.string(), mediaType: z.string(), dataBase64: z.string(), entries: z.number() }),
  }),
};
