// What the app just told the user, and taking changes back: a single toast for the whole
// window (announced, never stealing focus), and undo, which the core does for every kind
// of change (workspace.undo): Ctrl+Z takes back the newest change of the session, a
// toast's Undo exactly the change it reported. Screens reach both through api/write.ts.
import type { StateCreator } from 'zustand';
import type { ChangeView } from '../../../main/contract/workspace';
import { ApiError, call } from '../api/client';
import type { ToastMessage } from '../components/Toast';
import { changeWords } from '../lib/change-words';
import type { AppState } from './index';

export interface NoticeSlice {
  toast: ToastMessage | null;
  say(toast: Omit<ToastMessage, 'id'>): void;
  dismissToast(): void;
  /**
   * Takes back the newest change of this session (Ctrl+Z), or, with `expectSeq`, exactly
   * the change that reached that commit number if it is still the newest (a toast's Undo).
   */
  undoLast(expectSeq?: number): Promise<void>;
  /** Moves on every undo: a screen holding its own copy of workspace rows reloads. */
  undoCount: number;
}

/** "finding changed: Finding F-003 “Backups” in “Q4 review”". */
export const describeChange = (c: ChangeView): string => `${changeWords(c.action)}${c.entityName ? `: ${c.entityName}` : ''}`;

let toastIds = 0;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => ({
  toast: null,
  say: (toast) => set({ toast: { ...toast, id: ++toastIds } }),
  dismissToast: () => set({ toast: null }),
  undoCount: 0,
  undoLast: async (expectSeq) => {
    try {
      const r = await get().mutate(() => call('workspace.undo', expectSeq === undefined ? {} : { expectSeq }));
      set((s) => ({ undoCount: s.undoCount + 1 }));
      get().say({ text: `Undone: ${describeChange(r.undone)}.`, tone: 'ok' });
    } catch (error) {
      const nothing = error instanceof ApiError && error.code === 'NOTHING_TO_UNDO';
      get().say({ text: error instanceof Error ? error.message : String(error), tone: nothing ? 'ok' : 'error' });
    }
  },
});
