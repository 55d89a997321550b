import { hasCapability } from '../../auth/access';
import type { Area } from '../area';
import { UserSecurityPage } from './user-security-page';

/** Tickets' User Security, for holders of identity's `ticket_user_security`. */
export const userSecurityArea: Area = {
  label: 'User Security',
  path: 'user-security',
  allowed: (access) => hasCapability(access, 'ticket_user_security'),
  routes: [{ path: 'user-security', element: <UserSecurityPage /> }],
};
