// Where the command palette (Ctrl+K) asked to go: the screen is set at once, and the
// screen that shows the target takes it (and clears it) when it is on screen.
import type { StateCreator } from 'zustand';
import type { AppState } from './index';
import type { ScreenId } from './navigation';

export type JumpTarget =
  | { kind: 'screen'; screen: ScreenId }
  | { kind: 'assessment'; assessmentId: string }
  | { kind: 'control'; assessmentId: string; catalogueId: string; controlId: string }
  | { kind: 'finding'; assessmentId: string | null; findingId: string }
  | { kind: 'vendor'; vendorId: string }
  | { kind: 'questionnaire'; vendorId: string; questionnaireId: string };

export interface JumpSlice {
  jump: JumpTarget | null;
  jumpTo(target: JumpTarget): void;
  /** The pending target when it is of this kind (and clears it), else null. */
  takeJump<K extends JumpTarget['kind']>(kind: K): Extract<JumpTarget, { kind: K }> | null;
}

const SCREEN_OF: Record<Exclude<JumpTarget['kind'], 'screen'>, ScreenId> = {
  assessment: 'assessments',
  control: 'assessments',
  finding: 'findings',
  vendor: 'vendors',
  questionnaire: 'vendors',
};

export const createJumpSlice: StateCreator<AppState, [], [], JumpSlice> = (set, get) => ({
  jump: null,
  jumpTo: (target) => {
    if (target.kind === 'screen') {
      set({ jump: null, screen: target.screen });
      return;
    }
    if (target.kind === 'assessment') {
      set({ jump: null, screen: 'assessments', assessmentId: target.assessmentId });
      return;
    }
    const assessmentId = 'assessmentId' in target ? target.assessmentId : undefined;
    // A finding is shown in a list that holds it: its assessment's, or (a vendor's) all findings.
    const scope =
      target.kind === 'finding' ? { findingScope: assessmentId ? { kind: 'assessment' as const } : { kind: 'all' as const } } : {};
    set({ jump: target, screen: SCREEN_OF[target.kind], ...(assessmentId ? { assessmentId } : {}), ...scope });
  },
  takeJump: (kind) => {
    const j = get().jump;
    if (!j || j.kind !== kind) return null;
    set({ jump: null });
    return j as never;
  },
});
