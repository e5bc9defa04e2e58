// One zustand store built from slices (the zustand docs' slices pattern): each domain
// adds its slice file here and its type to AppState.
import { create } from 'zustand';
import { createAppInfoSlice, type AppInfoSlice } from './app-info';
import { createJumpSlice, type JumpSlice } from './jump';
import { createNavigationSlice, type NavigationSlice } from './navigation';
import { createNoticeSlice, type NoticeSlice } from './notice';
import { createSelectionSlice, type SelectionSlice } from './selection';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace';

export type AppState = NavigationSlice & AppInfoSlice & WorkspaceSlice & SelectionSlice & NoticeSlice & JumpSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createAppInfoSlice(...args),
  ...createWorkspaceSlice(...args),
  ...createSelectionSlice(...args),
  ...createNoticeSlice(...args),
  ...createJumpSlice(...args),
}));
