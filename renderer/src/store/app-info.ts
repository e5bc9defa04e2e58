import type { StateCreator } from 'zustand';
import type { ResponseOf } from '../../../main/contract/ipc';
import { call } from '../api/client';
import type { AppState } from './index';

export interface AppInfoSlice {
  appInfo: ResponseOf<'app.info'> | null;
  appInfoError: string | null;
  loadAppInfo(): Promise<void>;
}

export const createAppInfoSlice: StateCreator<AppState, [], [], AppInfoSlice> = (set) => ({
  appInfo: null,
  appInfoError: null,
  loadAppInfo: async () => {
    try {
      set({ appInfo: await call('app.info', {}), appInfoError: null });
    } catch (error) {
      set({ appInfoError: error instanceof Error ? error.message : String(error) });
    }
  },
});
