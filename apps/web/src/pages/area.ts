import type { RouteObject } from 'react-router';
import type { Access } from '../auth/access';

/**
 * One area of the app (a folder under pages/): its menu entry and its routes. The menu shows only the
 * areas `allowed` says the session may use, and their routes answer "not available" to the others,
 * so what the ACL denies is not shown.
 */
export interface Area {
  /** The menu entry's text. */
  label: string;
  /** Where the menu entry leads; the area's routes live under it. */
  path: string;
  allowed(access: Access): boolean;
  /** Paths relative to the root, e.g. `portal/payments`. */
  routes: RouteObject[];
}
