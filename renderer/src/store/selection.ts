import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** Which assessment the Dashboard, Assessments and Findings screens are looking at. */
export interface SelectionSlice {
  assessmentId: string | null;
  selectAssessment(id: string | null): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  assessmentId: null,
  selectAssessment: (assessmentId) => set({ assessmentId }),
});
