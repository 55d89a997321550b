import type { Area } from './area';
import { accessArea } from './access/access-area';
import { businessUnitsArea } from './business-units/business-units-area';
import { portalArea } from './portal/portal-area';
import { ticketsArea } from './tickets/tickets-area';
import { usersArea } from './users/users-area';

/** Every area, in menu order; the first one the session may use is the start page. */
export const AREAS: Area[] = [
  portalArea,
  ticketsArea,
  usersArea,
  businessUnitsArea,
  accessArea,
];
