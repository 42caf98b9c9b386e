import { Navigate, type RouteObject } from 'react-router';
import { BackupsView } from '../backups/backups-view';
import { CustomersView } from '../customers/customers-view';

/** Every view of the app. Each feature owns its component; this list only places it. */
export const ROUTES: RouteObject[] = [
  { index: true, element: <Navigate to="/units" replace /> },
  { path: 'units', element: <CustomersView /> },
  { path: 'units/:unitId', element: <CustomersView /> },
  { path: 'backups', element: <BackupsView /> },
];
