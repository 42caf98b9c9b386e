import type { RouteObject } from 'react-router';
import { AgreementsView } from '../agreements/agreements-view';
import { CustomersView } from '../customers/customers-view';
import { DashboardView } from '../dashboard/dashboard-view';
import { FeedbackView } from '../feedback/feedback-view';
import { MaturityView } from '../maturity/maturity-view';
import { SatisfactionView } from '../satisfaction/satisfaction-view';
import { TimeView } from '../time/time-view';

/** Every view of the app. Each feature owns its component; this list only places it. */
export const ROUTES: RouteObject[] = [
  { index: true, element: <DashboardView /> },
  { path: 'units', element: <CustomersView /> },
  { path: 'units/:unitId', element: <CustomersView /> },
  { path: 'agreements', element: <AgreementsView /> },
  { path: 'feedback', element: <FeedbackView /> },
  { path: 'satisfaction', element: <SatisfactionView /> },
  { path: 'maturity', element: <MaturityView /> },
  { path: 'time', element: <TimeView /> },
];
