import { hasCapability } from '../../auth/access';
import type { Area } from '../area';
import { PortalAccessPage } from './portal-access-page';

export const portalAccessArea: Area = {
  label: 'Portal access',
  path: 'portal-access',
  allowed: (access) => hasCapability(access, 'portal_access_admin'),
  routes: [{ path: 'portal-access', element: <PortalAccessPage /> }],
};
