import { hasCapability } from '../../auth/access';
import type { Area } from '../area';
import { LdapDirectoryPage } from './ldap-directory-page';

/** The organization's LDAP directory: only for sessions holding the capability the routes ask for. */
export const ldapDirectoryArea: Area = {
  label: 'LDAP directory',
  path: 'ldap-directory',
  allowed: (access) => hasCapability(access, 'ldap_directories'),
  routes: [{ path: 'ldap-directory', element: <LdapDirectoryPage /> }],
};
