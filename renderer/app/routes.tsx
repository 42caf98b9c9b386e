import { Navigate, type RouteObject } from 'react-router';
import { ActionRegisterView } from '../actions/action-register-view';
import { CustomersView } from '../customers/customers-view';
import { MeetingRoute } from '../meetings/meeting-page';
import { MeetingsView } from '../meetings/meetings-view';
import { TemplatesView } from '../meetings/templates-view';

/** Every view of the app. Each feature owns its component; this list only places it. */
export const ROUTES: RouteObject[] = [
  { index: true, element: <Navigate to="/units" replace /> },
  { path: 'units', element: <CustomersView /> },
  { path: 'units/:unitId', element: <CustomersView /> },
  { path: 'meetings', element: <MeetingsView /> },
  { path: 'meetings/:meetingId', element: <MeetingRoute /> },
  { path: 'actions', element: <ActionRegisterView /> },
  { path: 'templates', element: <TemplatesView /> },
];
