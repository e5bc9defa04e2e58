// What the app just told the user, and the one change it can take back: a single toast
// for the whole window (announced, never stealing focus) and the last undoable write,
// offered as the toast's Undo and on Ctrl+Z. Screens reach both through api/write.ts.
import type { StateCreator } from 'zustand';
import type { ToastMessage } from '../components/Toast';
import type { AppState } from './index';

export interface UndoableChange {
  /** What Undo takes back, e.g. "Status of AC-2". */
  label: string;
  run(): Promise<unknown>;
}

export interface NoticeSlice {
  toast: ToastMessage | null;
  say(toast: Omit<ToastMessage, 'id'>): void;
  dismissToast(): void;
  lastUndo: UndoableChange | null;
  offerUndo(change: UndoableChange | null): void;
  /** Takes back the last undoable change (Ctrl+Z); false when there is none. */
  undoLast(): Promise<boolean>;
}

let toastIds = 0;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => ({
  toast: null,
  say: (toast) => set({ toast: { ...toast, id: ++toastIds } }),
  dismissToast: () => set({ toast: null }),
  lastUndo: null,
  offerUndo: (change) => set({ lastUndo: change }),
  undoLast: async () => {
    const change = get().lastUndo;
    if (!change) return false;
    // Taken once: a second Ctrl+Z must not undo the undo.
    set({ lastUndo: null });
    try {
      await get().mutate(change.run);
      get().say({ text: `Undone: ${change.label}.`, tone: 'ok' });
    } catch (error) {
      get().say({ text: `Could not undo ${change.label}: ${error instanceof Error ? error.message : String(error)}`, tone: 'error' });
    }
    return true;
  },
});
