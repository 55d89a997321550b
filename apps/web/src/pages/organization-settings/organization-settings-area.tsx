import { Access } from '../../auth/access';
import type { Area } from '../area';
import { OrganizationSettingsPage } from './organization-settings-page';

/** Organization EDIT at some level: the API refuses the configuration's PUT without it. */
export const mayEditOrganization = (access: Access): boolean => {
  const organization = access.permissions.entities.find((e) => e.entity === 'Organization' && e.source === 'identity');
  const level = organization?.levels.EDIT;
  return organization?.state === 'ENABLED' && level !== undefined && level !== 'NONE';
};

/** The settings of the session's organization: the layer between the system defaults and the roles. */
export const organizationSettingsArea: Area = {
  label: 'Organization settings',
  path: 'organization-settings',
  allowed: mayEditOrganization,
  routes: [{ path: 'organization-settings', element: <OrganizationSettingsPage /> }],
};
