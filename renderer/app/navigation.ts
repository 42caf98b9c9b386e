import type { FluentIcon } from '@fluentui/react-icons';
import { Organization24Regular } from '@fluentui/react-icons';
import {
  CalendarLtr24Regular,
  TaskListLtr24Regular,
  TextBulletListSquare24Regular,
} from '@fluentui/react-icons';

/** The sidebar: one entry per top-level view, in the order a BRM works through them. */
export interface NavEntry {
  path: string;
  label: string;
  icon: FluentIcon;
}

export const NAVIGATION: readonly NavEntry[] = [
  { path: '/units', label: 'Business units', icon: Organization24Regular },
  { path: '/meetings', label: 'Meetings', icon: CalendarLtr24Regular },
  { path: '/actions', label: 'Actions', icon: TaskListLtr24Regular },
  { path: '/templates', label: 'Agenda templates', icon: TextBulletListSquare24Regular },
];
