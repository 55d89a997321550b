import type { Area } from '../area';
import { AccessPage } from './access-page';

/** Everybody may ask about their own access (GET /api/acl/explain is @Authenticated()). */
export const accessArea: Area = {
  label: 'My access',
  path: 'access',
  allowed: () => true,
  routes: [{ path: 'access', element: <AccessPage /> }],
};
