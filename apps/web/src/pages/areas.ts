import type { Area } from './area';
import { businessUnitsArea } from './business-units/business-units-area';
import { portalArea } from './portal/portal-area';
import { usersArea } from './users/users-area';

/** Every area, in menu order; the first one the session may use is the start page. */
export const AREAS: Area[] = [
  portalArea,
  usersArea,
  businessUnitsArea,
];
