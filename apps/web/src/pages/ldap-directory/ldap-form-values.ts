import type { LdapDirectory, LdapDirectoryBody } from './ldap-api';

/** The form's state: every input as text; pickers empty until chosen. */
export interface LdapFormValues {
  url: string;
  bindDn: string;
  /** Empty keeps the stored password. */
  bindPassword: string;
  baseDn: string;
  userFilter: string;
  attributeMapping: { username: string; primaryEmail: string; firstName: string; lastName: string; emails: string; phone: string };
  roleMapping: { groupDn: string; roleId: string | null }[];
  ownerBusinessUnitId: string | null;
  defaultRoleIds: string[];
}

export const emptyLdapForm = (): LdapFormValues => ({
  url: '',
  bindDn: '',
  bindPassword: '',
  baseDn: '',
  userFilter: '(objectClass=inetOrgPerson)',
  attributeMapping: { username: 'uid', primaryEmail: 'mail', firstName: 'givenName', lastName: 'sn', emails: '', phone: '' },
  roleMapping: [],
  ownerBusinessUnitId: null,
  defaultRoleIds: [],
});

export const ldapFormOf = (directory: LdapDirectory | null): LdapFormValues =>
  directory
    ? {
        url: directory.url,
        bindDn: directory.bindDn,
        bindPassword: '',
        baseDn: directory.baseDn,
        userFilter: directory.userFilter,
        attributeMapping: { ...directory.attributeMapping, emails: directory.attributeMapping.emails ?? '', phone: directory.attributeMapping.phone ?? '' },
        roleMapping: directory.roleMapping,
        ownerBusinessUnitId: directory.ownerBusinessUnitId,
        defaultRoleIds: directory.defaultRoleIds,
      }
    : emptyLdapForm();

/**
 * The PUT (and unsaved "Test connection") body. An empty password and empty optional attributes are
 * left out; an unpicked role or unit goes as '' so the API's 400 names its field.
 */
export function ldapBody(values: LdapFormValues): LdapDirectoryBody {
  const { emails, phone, ...required } = values.attributeMapping;
  return {
    url: values.url.trim(),
    bindDn: values.bindDn.trim(),
    ...(values.bindPassword ? { bindPassword: values.bindPassword } : {}),
    baseDn: values.baseDn.trim(),
    userFilter: values.userFilter.trim(),
    attributeMapping: { ...required, ...(emails.trim() ? { emails: emails.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) },
    roleMapping: values.roleMapping.map((row) => ({ groupDn: row.groupDn.trim(), roleId: row.roleId ?? '' })),
    ownerBusinessUnitId: values.ownerBusinessUnitId ?? '',
    defaultRoleIds: values.defaultRoleIds,
  };
}
