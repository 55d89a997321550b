import { canSee } from '../../auth/access';
import type { Area } from '../area';
import { BusinessUnitsPage } from './business-units-page';

/** The business-unit trees of the organizations (OroCRM System > User Management > Business Units). */
export const businessUnitsArea: Area = {
  label: 'Business units',
  path: 'business-units',
  allowed: (access) => canSee(access, 'BusinessUnit'),
  routes: [{ path: 'business-units', element: <BusinessUnitsPage /> }],
};
