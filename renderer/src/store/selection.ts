import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/**
 * Whose findings the Findings screen lists: the selected assessment, every assessment,
 * one vendor, every vendor, or all of them.
 */
export type FindingScope =
  { kind: 'assessment' } | { kind: 'assessments' } | { kind: 'vendor'; vendorId: string } | { kind: 'vendors' } | { kind: 'all' };

export const VENDOR_TABS = ['profile', 'assurance', 'documents', 'questionnaires', 'findings', 'history'] as const;
export type VendorTab = (typeof VENDOR_TABS)[number];

/** Which assessment the Dashboard, Assessments and Findings screens are looking at, and the other screens' places. */
export interface SelectionSlice {
  assessmentId: string | null;
  selectAssessment(id: string | null): void;
  findingScope: FindingScope;
  setFindingScope(scope: FindingScope): void;
  /** The vendor page shown on the Vendors screen (null: the registry) and its tab: the screen's route. */
  vendorId: string | null;
  vendorTab: VendorTab;
  openVendor(id: string | null, tab?: VendorTab): void;
  setVendorTab(tab: VendorTab): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  assessmentId: null,
  selectAssessment: (assessmentId) => set({ assessmentId }),
  findingScope: { kind: 'assessment' },
  setFindingScope: (findingScope) => set({ findingScope }),
  vendorId: null,
  vendorTab: 'profile',
  // Another vendor opens on its profile unless a tab is asked for; the same one keeps its tab.
  openVendor: (vendorId, tab) =>
    set((s) => ({ vendorId, vendorTab: tab ?? (vendorId !== null && vendorId === s.vendorId ? s.vendorTab : 'profile') })),
  setVendorTab: (vendorTab) => set({ vendorTab }),
});
