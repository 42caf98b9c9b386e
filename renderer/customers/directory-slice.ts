import type { StateCreator } from 'zustand';
import type { BusinessUnit, Contact, Directory } from '../../shared/domain/customers';
import { api } from '../platform/workbook-api';
import type { AppState } from '../app/store';

/** The customer structure: small, used by every view, so it is loaded once and kept here. */
export interface DirectorySlice {
  directory: Directory;
  directoryLoaded: boolean;
  loadDirectory: () => Promise<void>;
  putUnit: (unit: BusinessUnit) => void;
  dropUnit: (id: string) => void;
  putContact: (contact: Contact) => void;
  dropContact: (id: string) => void;
}

const upsert = <T extends { id: string }>(list: readonly T[], record: T): T[] =>
  list.some((r) => r.id === record.id)
    ? list.map((r) => (r.id === record.id ? record : r))
    : [...list, record];

export const createDirectorySlice: StateCreator<AppState, [], [], DirectorySlice> = (set) => ({
  directory: { units: [], contacts: [] },
  directoryLoaded: false,
  loadDirectory: async () => set({ directory: await api.getDirectory({}), directoryLoaded: true }),
  putUnit: (unit) => set((s) => ({ directory: { ...s.directory, units: upsert(s.directory.units, unit) } })),
  dropUnit: (id) =>
    set((s) => ({
      directory: {
        units: s.directory.units.filter((u) => u.id !== id),
        contacts: s.directory.contacts.filter((c) => c.unitId !== id),
      },
    })),
  putContact: (contact) =>
    set((s) => ({ directory: { ...s.directory, contacts: upsert(s.directory.contacts, contact) } })),
  dropContact: (id) =>
    set((s) => ({
      directory: { ...s.directory, contacts: s.directory.contacts.filter((c) => c.id !== id) },
    })),
});
