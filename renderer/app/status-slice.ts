import type { StateCreator } from 'zustand';
import type { WorkbookStatus } from '../../shared/domain/system';
import { api, onStorageStateChange } from '../platform/workbook-api';
import type { AppState } from './store';

export interface StatusSlice {
  status: WorkbookStatus | null;
  refreshStatus: () => Promise<void>;
  dismissNotice: (id: string) => Promise<void>;
}

export const createStatusSlice: StateCreator<AppState, [], [], StatusSlice> = (set, get) => {
  onStorageStateChange(
    () =>
      void get()
        .refreshStatus()
        .catch(() => undefined),
  );
  return {
    status: null,
    refreshStatus: async () => set({ status: await api.getStatus({}) }),
    dismissNotice: async (id) => set({ status: await api.dismissNotice({ id }) }),
  };
};
