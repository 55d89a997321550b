import type { Area } from './area';
import { portalArea } from './portal/portal-area';

/** Every area, in menu order; the first one the session may use is the start page. */
export const AREAS: Area[] = [portalArea];
