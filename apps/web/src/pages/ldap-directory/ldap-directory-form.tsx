import { Button, Fieldset, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useMemo, useState } from 'react';
import { ApiError, asApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { PasswordField } from '../../components/password-field';
import { fieldError, FormError } from '../../forms/field-errors';
import type { UserChoices } from '../users/users-api';
import { userKeys } from '../users/users-api';
import { ConnectionTestResult } from './connection-test';
import { ConnectionTest, LdapDirectory, ldapKeys, ldapPath } from './ldap-api';
import { ldapBody, ldapFormOf, LdapFormValues } from './ldap-form-values';
import { RoleMappingRows } from './role-mapping-rows';

type Mapping = LdapFormValues['attributeMapping'];

/** Every input's API field name: a refusal naming one shows beside it, the rest above the buttons. */
const FIELDS = [
  'url', 'bindDn', 'bindPassword', 'baseDn', 'userFilter', 'roleMapping', 'ownerBusinessUnitId', 'defaultRoleIds',
  ...['username', 'primaryEmail', 'firstName', 'lastName', 'emails', 'phone'].map((key) => `attributeMapping.${key}`),
];
const fieldsOf = (error: unknown): string[] => [...FIELDS, ...(error ? Object.keys(asApiError(error).fieldErrors).filter((f) => /^roleMapping\.\d+\./.test(f)) : [])];
/** "Test connection" sends the form as `directory`: its 400s name `directory.url` and so on, shown as the Save's are. */
const withoutPrefix = (error: unknown): unknown => {
  if (!error) return error;
  const problem = asApiError(error);
  if (!Array.isArray(problem.details)) return error;
  const details = (problem.details as { field: string; messages: string[] }[]).map((d) => ({ ...d, field: d.field.replace(/^directory\./, '') }));
  return new ApiError({ statusCode: problem.status, error: problem.name, message: problem.message, code: problem.code, details });
};

const MAPPING_LABELS: [keyof Mapping, string, boolean][] = [
  ['username', 'Username attribute', true],
  ['primaryEmail', 'Primary email attribute', true],
  ['firstName', 'First name attribute', true],
  ['lastName', 'Last name attribute', true],
  ['emails', 'More emails attribute', false],
  ['phone', 'Phone attribute', false],
];

interface Props {
  organizationId: string;
  directory: LdapDirectory | null;
  choices: UserChoices;
}

/** The directory's configuration: Save (PUT), Remove (DELETE), and "Test connection" of what the form holds. */
export function LdapDirectoryForm({ organizationId, directory, choices }: Props) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<LdapFormValues>(() => ldapFormOf(directory));
  const [confirmRemove, setConfirmRemove] = useState(false);
  const path = ldapPath(organizationId);
  const saved = (next: LdapDirectory | null) => {
    queryClient.setQueryData(ldapKeys.directory(organizationId), next);
    setValues(ldapFormOf(next));
  };
  const save = useMutation({ mutationFn: () => api.put<LdapDirectory>(path, ldapBody(values)), onSuccess: saved });
  const remove = useMutation({
    mutationFn: () => api.delete<unknown>(path),
    onSuccess: () => {
      setConfirmRemove(false);
      saved(null);
      // Its users are disabled.
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  const test = useMutation({ mutationFn: () => api.post<ConnectionTest>(`${path}/test`, { directory: ldapBody(values) }) });
  const error = useMemo(() => save.error ?? withoutPrefix(test.error), [save.error, test.error]);

  const text = (field: 'url' | 'bindDn' | 'baseDn' | 'userFilter') => ({
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: e.currentTarget.value }),
    error: fieldError(error, field),
    name: field,
  });
  const roles = choices.roles
    .filter((r) => r.organizationId === null || r.organizationId === organizationId)
    .map((r) => ({ value: r.id, label: r.label ? `${r.name} (${r.label})` : r.name }));
  const units = choices.units.filter((u) => u.organizationId === organizationId).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    test.reset();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="LDAP directory">
      <Stack>
        <Fieldset legend="Connection">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="URL" required placeholder="ldaps://ldap.example.org:636" autoComplete="off" {...text('url')} />
            <TextInput label="Bind DN" required placeholder="cn=reader,dc=example,dc=org" autoComplete="off" {...text('bindDn')} />
            <PasswordField
              label="Bind password"
              name="bindPassword"
              required={!directory}
              autoComplete="new-password"
              description={directory?.hasBindPassword ? 'Stored: leave empty to keep it.' : 'Never shown again once saved.'}
              value={values.bindPassword}
              onChange={(e) => setValues({ ...values, bindPassword: e.currentTarget.value })}
              error={fieldError(error, 'bindPassword')}
            />
            <TextInput label="Base DN" required placeholder="ou=people,dc=example,dc=org" autoComplete="off" {...text('baseDn')} />
            <TextInput label="User filter" required autoComplete="off" {...text('userFilter')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Attribute mapping">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {MAPPING_LABELS.map(([key, label, required]) => (
              <TextInput
                key={key}
                label={label}
                required={required}
                autoComplete="off"
                value={values.attributeMapping[key]}
                onChange={(e) => setValues({ ...values, attributeMapping: { ...values.attributeMapping, [key]: e.currentTarget.value } })}
                error={fieldError(error, `attributeMapping.${key}`)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Imported users">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Owner business unit"
                required
                searchable
                data={units}
                value={values.ownerBusinessUnitId}
                onChange={(ownerBusinessUnitId) => setValues({ ...values, ownerBusinessUnitId })}
                error={fieldError(error, 'ownerBusinessUnitId')}
              />
              <MultiSelect
                label="Default roles"
                required
                searchable
                description="For users in no mapped group"
                data={roles}
                value={values.defaultRoleIds}
                onChange={(defaultRoleIds) => setValues({ ...values, defaultRoleIds })}
                error={fieldError(error, 'defaultRoleIds')}
              />
            </SimpleGrid>
            <RoleMappingRows rows={values.roleMapping} roles={roles} error={error} onChange={(roleMapping) => setValues({ ...values, roleMapping })} />
            {fieldError(error, 'roleMapping') && (
              <Text size="sm" c="red">
                {fieldError(error, 'roleMapping')}
              </Text>
            )}
          </Stack>
        </Fieldset>

        <FormError error={error} fields={fieldsOf(error)} />
        <FormError error={remove.error} />
        {save.isSuccess && <Text role="status">Saved.</Text>}
        {test.data && <ConnectionTestResult result={test.data} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
          <Button
            variant="outline"
            loading={test.isPending}
            onClick={() => {
              save.reset();
              test.mutate();
            }}
          >
            Test connection
          </Button>
          {directory && !confirmRemove && (
            <Button variant="subtle" color="red" onClick={() => setConfirmRemove(true)}>
              Remove
            </Button>
          )}
        </Group>
        {directory && confirmRemove && (
          <Group>
            <Text size="sm">Remove the directory? Its users stay, keep their DN, and are disabled.</Text>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              Yes, remove
            </Button>
            <Button variant="default" onClick={() => setConfirmRemove(false)}>
              Cancel
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
