import type { FluentIcon } from '@fluentui/react-icons';
import { History24Regular, Organization24Regular } from '@fluentui/react-icons';

/** The sidebar: one entry per top-level view, in the order a BRM works through them. */
export interface NavEntry {
  path: string;
  label: string;
  icon: FluentIcon;
}

export const NAVIGATION: readonly NavEntry[] = [
  { path: '/units', label: 'Business units', icon: Organization24Regular },
  { path: '/backups', label: 'Backups', icon: History24Regular },
];
