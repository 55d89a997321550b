import type { Area } from '../area';
import { RoleEditorPage } from './role-editor-page';
import { roleRights } from './role-rights';
import { RolesPage } from './roles-page';
import { CRM_ROLES, TICKETS_ROLES } from './roles-api';

/** Identity's roles (Role VIEW) and tickets' roles (`ticket_user_security`), edited as the permission grid. */
export const rolesArea: Area = {
  label: 'Roles',
  path: 'roles',
  allowed: (access) => roleRights(access, CRM_ROLES).view || roleRights(access, TICKETS_ROLES).view,
  routes: [
    { path: 'roles', element: <RolesPage /> },
    { path: 'roles/new', element: <RoleEditorPage kind={CRM_ROLES} /> },
    { path: 'roles/tickets/new', element: <RoleEditorPage kind={TICKETS_ROLES} /> },
    { path: 'roles/tickets/:id', element: <RoleEditorPage kind={TICKETS_ROLES} /> },
    { path: 'roles/:id', element: <RoleEditorPage kind={CRM_ROLES} /> },
  ],
};
