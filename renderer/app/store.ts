import { create } from 'zustand';
import { createDirectorySlice, type DirectorySlice } from '../customers/directory-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createStatusSlice, type StatusSlice } from './status-slice';

/** One store made of feature slices; components read it through selectors. */
export type AppState = StatusSlice & SettingsSlice & DirectorySlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createStatusSlice(...a),
  ...createSettingsSlice(...a),
  ...createDirectorySlice(...a),
}));
