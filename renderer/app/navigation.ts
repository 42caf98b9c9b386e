import type { FluentIcon } from '@fluentui/react-icons';
import {
  Board24Regular,
  Gavel24Regular,
  Trophy24Regular,
  CalendarLtr24Regular,
  ClipboardDataBar24Regular,
  Clock24Regular,
  DataTrending24Regular,
  DocumentSignature24Regular,
  DocumentText24Regular,
  EmojiSmileSlight24Regular,
  History24Regular,
  Lightbulb24Regular,
  Organization24Regular,
  People24Regular,
  PersonFeedback24Regular,
  Settings24Regular,
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
  { path: '/', label: 'Dashboard', icon: Board24Regular },
  { path: '/units', label: 'Business units', icon: Organization24Regular },
  { path: '/meetings', label: 'Meetings', icon: CalendarLtr24Regular },
  { path: '/actions', label: 'Actions', icon: TaskListLtr24Regular },
  { path: '/review-pack', label: 'Review pack', icon: ClipboardDataBar24Regular },
  { path: '/agreements', label: 'Agreements', icon: DocumentSignature24Regular },
  { path: '/decisions', label: 'Decisions', icon: Gavel24Regular },
  { path: '/outcomes', label: 'Value realisation', icon: Trophy24Regular },
  { path: '/feedback', label: 'Complaints & compliments', icon: PersonFeedback24Regular },
  { path: '/satisfaction', label: 'Satisfaction', icon: EmojiSmileSlight24Regular },
  { path: '/technology-watch', label: 'Technology watch', icon: Lightbulb24Regular },
  { path: '/reports', label: 'Reports', icon: DocumentText24Regular },
  { path: '/maturity', label: 'Relationship maturity', icon: DataTrending24Regular },
  { path: '/time', label: 'My time', icon: Clock24Regular },
  { path: '/templates', label: 'Agenda templates', icon: TextBulletListSquare24Regular },
  { path: '/backups', label: 'Backups', icon: History24Regular },
  { path: '/settings', label: 'Settings', icon: Settings24Regular },
  { path: '/team', label: 'Team', icon: People24Regular },
];
