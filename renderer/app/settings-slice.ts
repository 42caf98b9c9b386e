import type { StateCreator } from 'zustand';
import { defaultSettings, type Settings, type SettingsFields } from '../../shared/domain/system';
import { api } from '../platform/workbook-api';
import type { AppState } from './store';

export interface SettingsSlice {
  settings: Settings;
  theme: Settings['theme'];
  loadSettings: () => Promise<void>;
  saveSettings: (fields: SettingsFields) => Promise<void>;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: defaultSettings(),
  theme: 'system',
  loadSettings: async () => {
    const settings = await api.getSettings({});
    set({ settings, theme: settings.theme });
  },
  saveSettings: async (fields) => {
    const settings = await api.updateSettings({ fields });
    set({ settings, theme: settings.theme });
  },
});
