import type { StateCreator } from 'zustand';
import { setDisplayLocale } from '../../shared/domain/date-format';
import { defaultSettings, type Settings, type SettingsFields } from '../../shared/domain/system';
import { api } from '../platform/workbook-api';
import type { AppState } from './store';

export interface SettingsSlice {
  settings: Settings;
  theme: Settings['theme'];
  loadSettings: () => Promise<void>;
  saveSettings: (fields: SettingsFields) => Promise<void>;
}

/** Dates on screen follow the setting; the page's language too, so screen readers and spelling agree. */
function showLocale(setting: string) {
  document.documentElement.lang = setDisplayLocale(setting).locale;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: defaultSettings(),
  theme: 'system',
  loadSettings: async () => {
    const settings = await api.getSettings({});
    showLocale(settings.locale);
    set({ settings, theme: settings.theme });
  },
  saveSettings: async (fields) => {
    const settings = await api.updateSettings({ fields });
    showLocale(settings.locale);
    set({ settings, theme: settings.theme });
  },
});
