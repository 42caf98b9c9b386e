import type { RouteObject } from 'react-router';
import { ActionRegisterView } from '../actions/action-register-view';
import { AgreementsView } from '../agreements/agreements-view';
import { BackupsView } from '../backups/backups-view';
import { CustomersView } from '../customers/customers-view';
import { DashboardView } from '../dashboard/dashboard-view';
import { DecisionsView } from '../decisions/decisions-view';
import { FeedbackView } from '../feedback/feedback-view';
import { MaturityView } from '../maturity/maturity-view';
import { MeetingRoute } from '../meetings/meeting-page';
import { MeetingsView } from '../meetings/meetings-view';
import { OutcomesView } from '../outcomes/outcomes-view';
import { TemplatesView } from '../meetings/templates-view';
import { ReportsView } from '../review-pack/reports-view';
import { ReviewPackView } from '../review-pack/review-pack-view';
import { WatchView } from '../review-pack/watch-view';
import { SatisfactionView } from '../satisfaction/satisfaction-view';
import { SettingsView } from '../settings/settings-view';
import { TeamView } from '../team/team-view';
import { TimeView } from '../time/time-view';

/** Every view of the app. Each feature owns its component; this list only places it. */
export const ROUTES: RouteObject[] = [
  { index: true, element: <DashboardView /> },
  { path: 'units', element: <CustomersView /> },
  { path: 'units/:unitId', element: <CustomersView /> },
  { path: 'meetings', element: <MeetingsView /> },
  { path: 'meetings/plan', element: <MeetingsView /> },
  { path: 'meetings/:meetingId', element: <MeetingRoute /> },
  { path: 'actions', element: <ActionRegisterView /> },
  { path: 'review-pack', element: <ReviewPackView /> },
  { path: 'review-pack/:unitId', element: <ReviewPackView /> },
  { path: 'agreements', element: <AgreementsView /> },
  { path: 'decisions', element: <DecisionsView /> },
  { path: 'outcomes', element: <OutcomesView /> },
  { path: 'feedback', element: <FeedbackView /> },
  { path: 'satisfaction', element: <SatisfactionView /> },
  { path: 'technology-watch', element: <WatchView /> },
  { path: 'reports', element: <ReportsView /> },
  { path: 'maturity', element: <MaturityView /> },
  { path: 'time', element: <TimeView /> },
  { path: 'templates', element: <TemplatesView /> },
  { path: 'backups', element: <BackupsView /> },
  { path: 'settings', element: <SettingsView /> },
  { path: 'team', element: <TeamView /> },
];
