import type { Area } from './area';
import { portalArea } from './portal/portal-area';
import { portalAccessArea } from './portal-access/portal-access-area';
import { rolesArea } from './roles/roles-area';
import { userSecurityArea } from './user-security/user-security-area';

/** Every area, in menu order; the first one the session may use is the start page. */
export const AREAS: Area[] = [portalArea, rolesArea, userSecurityArea, portalAccessArea];
