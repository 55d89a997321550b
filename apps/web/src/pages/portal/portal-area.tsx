import type { Area } from '../area';
import { ModulesPage } from './modules-page';
import { PaymentsPage } from './payments-page';
import { PortalHomePage } from './portal-home-page';
import { ServiceRequestPage } from './service-request-page';
import { ServiceRequestsPage } from './service-requests-page';

/** Everybody has the portal; each feature page checks the user's portal access itself. */
export const portalArea: Area = {
  label: 'Client portal',
  path: 'portal',
  allowed: () => true,
  routes: [
    { path: 'portal', element: <PortalHomePage /> },
    { path: 'portal/service-requests', element: <ServiceRequestsPage /> },
    { path: 'portal/service-requests/:id', element: <ServiceRequestPage /> },
    { path: 'portal/payments', element: <PaymentsPage /> },
    { path: 'portal/modules', element: <ModulesPage /> },
  ],
};
