import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export const screens = [
  { id: 'home', label: 'Home', shortcut: '0' },
  { id: 'dashboard', label: 'Dashboard', shortcut: '1' },
  { id: 'assessments', label: 'Assessments', shortcut: '2' },
  { id: 'findings', label: 'Findings', shortcut: '3' },
  { id: 'catalogues', label: 'Catalogues', shortcut: '4' },
  { id: 'vendors', label: 'Vendors', shortcut: '5' },
  // Ten digits, eleven screens: questionnaires are reached from Vendors or the sidebar.
  { id: 'questionnaires', label: 'Questionnaires', shortcut: null },
  { id: 'checks', label: 'Checks', shortcut: '6' },
  { id: 'reports', label: 'Reports', shortcut: '7' },
  { id: 'audit', label: 'Audit log', shortcut: '8' },
  { id: 'settings', label: 'Settings', shortcut: '9' },
] as const satisfies readonly { id: string; label: string; shortcut: string | null }[];

export type ScreenId = (typeof screens)[number]['id'];

export interface NavigationSlice {
  screen: ScreenId;
  navigate(screen: ScreenId): void;
  /** The sidebar shows icons only (narrow windows); remembered on this device. */
  sidebarCollapsed: boolean;
  toggleSidebar(): void;
}

const SIDEBAR_KEY = 'attest.sidebarCollapsed';

/** The user's choice, or (never chosen) collapsed in a narrow window, where room is short. */
function storedCollapsed(): boolean {
  try {
    const stored = window.localStorage.getItem(SIDEBAR_KEY);
    if (stored !== null) return stored === '1';
  } catch {
    // storage unavailable: fall back to the window's width
  }
  return window.innerWidth < 1100;
}

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => ({
  screen: 'home',
  navigate: (screen) => set({ screen }),
  sidebarCollapsed: storedCollapsed(),
  toggleSidebar: () => {
    const next = !get().sidebarCollapsed;
    set({ sidebarCollapsed: next });
    try {
      window.localStorage.setItem(SIDEBAR_KEY, next ? '1' : '0');
    } catch {
      // storage unavailable: the choice lasts this session only
    }
  },
});
