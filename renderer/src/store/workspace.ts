// The open workspace as the UI sees it: its status, the recent list, and a save state
// that only says "saved" once every change the user made has been acknowledged by the
// core (which acknowledges only after the change is on disk).
import type { StateCreator } from 'zustand';
import type { RecentWorkspace, WorkspaceStatus } from '../../../main/contract/workspace';
import { ApiError, call, onCommitSeq } from '../api/client';
import { queryCache } from '../api/query';
import type { AppState } from './index';

export interface SaveState {
  pending: number;
  lastSavedAt: string | null;
  error: string | null;
}

export interface WorkspaceSlice {
  status: WorkspaceStatus;
  recent: RecentWorkspace[];
  suggestedFolder: string;
  save: SaveState;
  refreshStatus(): Promise<void>;
  loadRecent(): Promise<void>;
  /** Recent entries and files are named by id and handle: the renderer never names a path. */
  forgetRecent(id: string): Promise<void>;
  createWorkspace(input: { handle: string; name: string; passphrase: string; remember: boolean }): Promise<void>;
  /** acceptOlder: the user confirmed opening a file older than this device last saw. */
  openWorkspace(
    input: ({ handle: string } | { recent: string }) & { passphrase?: string; remember: boolean; acceptOlder?: boolean },
  ): Promise<void>;
  unlockWorkspace(passphrase: string, acceptOlder?: boolean): Promise<void>;
  lockWorkspace(): Promise<void>;
  closeWorkspace(): Promise<void>;
  /** Runs a call that changes the workspace, tracking it in the save state. */
  mutate<T>(run: () => Promise<T>): Promise<T>;
}

/**
 * Whether the screens show a workspace: open, or locked with the screen kept behind the
 * unlock screen (hidden and inert) so drafts and the active row survive the lock.
 */
export const workspaceShown = (s: { status: WorkspaceStatus }): boolean => s.status.state !== 'none';

/** What a failed call means for the session: a lock elsewhere (idle) moves the UI to unlock. */
export function isLockedError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'SESSION_LOCKED';
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => {
  // Every write answers with the sequence number it reached: keep the status's in step.
  onCommitSeq((seq) => set((s) => (s.status.state === 'open' && seq > s.status.lastSeq ? { status: { ...s.status, lastSeq: seq } } : {})));
  const adopt = (status: WorkspaceStatus) => {
    // Another workspace: nothing read from the previous one applies.
    queryCache.reset(status.state === 'open' ? status.lastSeq : 0);
    // The chosen assessment, vendor and findings scope belong to the workspace they were chosen in.
    const before = get().status;
    const same = before.state !== 'none' && status.state !== 'none' && before.path === status.path;
    if (!same) set({ assessmentId: null, findingScope: { kind: 'assessment' }, vendorId: null, vendorTab: 'profile' });
    set({
      status,
      save: { pending: 0, lastSavedAt: status.state === 'open' ? new Date().toISOString() : null, error: null },
    });
    if (status.state === 'open') get().navigate('home');
    void get().loadRecent();
  };
  // A failed open or create changed nothing in the core (the current workspace stays
  // open), but the status is read again so the frame shows the core's real state.
  const failedCallShowsRealState = async <T>(pending: Promise<T>): Promise<T> => {
    try {
      return await pending;
    } catch (error) {
      await get()
        .refreshStatus()
        .catch(() => undefined);
      throw error;
    }
  };
  return {
    status: { state: 'none' },
    recent: [],
    suggestedFolder: '',
    save: { pending: 0, lastSavedAt: null, error: null },
    refreshStatus: async () => {
      const status = await call('workspace.status', {});
      set({ status });
      // Commits this window did not make (a job, the CLI's import) make older reads stale too.
      if (status.state === 'open') queryCache.committed(status.lastSeq);
    },
    loadRecent: async () => {
      const { recent, suggestedFolder } = await call('workspace.recent', {});
      set({ recent, suggestedFolder });
    },
    forgetRecent: async (id) => {
      const { recent } = await call('workspace.forgetRecent', { id });
      set({ recent });
    },
    createWorkspace: async (input) => adopt(await failedCallShowsRealState(call('workspace.create', input))),
    openWorkspace: async (input) => adopt(await failedCallShowsRealState(call('workspace.open', input))),
    unlockWorkspace: async (passphrase, acceptOlder = false) => {
      const status = await call('workspace.unlock', { passphrase, acceptOlder });
      // Back where the user was: the screens kept their state (drafts, the active row)
      // behind the unlock screen; what they show is read again.
      set({ status, save: { pending: 0, lastSavedAt: new Date().toISOString(), error: null } });
      if (status.state === 'open') queryCache.committed(status.lastSeq);
      queryCache.staleAll();
    },
    lockWorkspace: async () => {
      set({ status: await call('workspace.lock', {}) });
    },
    closeWorkspace: async () => {
      set({ status: await call('workspace.close', {}) });
      queryCache.reset();
      await get().loadRecent();
    },
    mutate: async (run) => {
      set((s) => ({ save: { ...s.save, pending: s.save.pending + 1 } }));
      try {
        // The write's answer carries its commit's sequence number, which moves
        // status.lastSeq (see adoptCommitSeq): screens that show saved data reload from
        // it, with no second call. A change on disk is never rolled back here.
        const result = await run();
        set((s) => ({ save: { pending: s.save.pending - 1, lastSavedAt: new Date().toISOString(), error: null } }));
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        set((s) => ({ save: { ...s.save, pending: s.save.pending - 1, error: message } }));
        if (isLockedError(error)) await get().refreshStatus();
        throw error;
      }
    },
  };
};
