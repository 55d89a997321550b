import { Button, Checkbox, Fieldset, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useMemo } from 'react';
import { asApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { hasCapability } from '../../auth/access';
import { useAccess } from '../../auth/access-context';
import { useSessionChoices } from '../../auth/session-queries';
import { PasswordField } from '../../components/password-field';
import { fieldError, FormError, LoadError } from '../../forms/field-errors';
import { UserFormValues } from './user-form-values';
import { maySetSecurityProfiles, useUserChoices, UserChoices } from './users-api';

/** Every input's API field name: a refusal naming one of them shows beside it, the rest above the button. */
const FIELDS = [
  'username', 'password', 'passwordConfirm', 'primaryEmail', 'namePrefix', 'firstName', 'middleName', 'lastName', 'nameSuffix',
  'birthday', 'phone', 'emails', 'enabled', 'ownerBusinessUnitId', 'organizationIds', 'businessUnitIds', 'roles', 'securityProfiles', 'groups',
];

interface Props {
  mode: 'create' | 'edit';
  values: UserFormValues;
  onChange(values: UserFormValues): void;
  onSubmit(): void;
  error: unknown;
  pending: boolean;
}

/** Units grouped by organization, for the unit pickers. */
function unitOptions(choices: UserChoices) {
  const byOrganization = new Map(choices.organizations.map((o) => [o.id, o.name]));
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const unit of choices.units) {
    const group = byOrganization.get(unit.organizationId) ?? 'Other organization';
    groups.set(group, [...(groups.get(group) ?? []), { value: unit.id, label: `${'· '.repeat(unit.depth)}${unit.name}` }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

function RoleFlags({ values, choices, onChange }: { values: UserFormValues; choices: UserChoices; onChange(values: UserFormValues): void }) {
  const nameOf = (roleId: string) => choices.roles.find((r) => r.id === roleId)?.name ?? roleId;
  const setFlag = (roleId: string, flag: 'fixed' | 'default', on: boolean) =>
    onChange({ ...values, roles: values.roles.map((r) => (r.roleId === roleId ? { ...r, [flag]: on } : r)) });
  if (values.roles.length === 0) return null;
  return (
    <Stack gap={4} data-testid="role-flags">
      <Text size="sm">Fixed roles are always active at login; default roles are pre-selected.</Text>
      {values.roles.map((role) => (
        <Group key={role.roleId} gap="md">
          <Text size="sm" w={200}>
            {nameOf(role.roleId)}
          </Text>
          <Checkbox label="Fixed" aria-label={`Fixed: ${nameOf(role.roleId)}`} checked={role.fixed} onChange={(e) => setFlag(role.roleId, 'fixed', e.currentTarget.checked)} />
          <Checkbox label="Default" aria-label={`Default: ${nameOf(role.roleId)}`} checked={role.default} onChange={(e) => setFlag(role.roleId, 'default', e.currentTarget.checked)} />
        </Group>
      ))}
    </Stack>
  );
}

/** A message of the API about a role row (`roles.2.roleId`) shown with the roles. */
const roleRowsError = (error: unknown): string | undefined => {
  if (!error) return undefined;
  const messages = FIELD_KEYS(error).filter((field) => /^roles\.\d+/.test(field)).map((field) => fieldError(error, field));
  return messages.length ? messages.join('; ') : undefined;
};
const FIELD_KEYS = (error: unknown): string[] => (error ? Object.keys(asApiError(error).fieldErrors) : []);

/** The fields of a user, for create (with the password) and edit; the API's messages beside each. */
export function UserForm({ mode, values, onChange, onSubmit, error, pending }: Props) {
  const access = useAccess();
  const own = useSessionChoices();
  const choices = useUserChoices(access, own.data?.organizations ?? []);
  const suggest = useMutation({
    mutationFn: () => api.get<{ password: string }>('/api/users/password-suggestion'),
    onSuccess: ({ password }) => onChange({ ...values, password, passwordConfirm: password }),
  });
  const set = <K extends keyof UserFormValues>(field: K) => (value: UserFormValues[K]) => onChange({ ...values, [field]: value });
  const text = (field: keyof UserFormValues) => ({
    value: values[field] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...values, [field]: e.currentTarget.value }),
    error: fieldError(error, field),
    name: field,
  });
  const units = useMemo(() => (choices.data ? unitOptions(choices.data) : []), [choices.data]);
  const withProfiles = maySetSecurityProfiles(access);
  const fields = [...FIELDS, ...FIELD_KEYS(error).filter((f) => /^roles\.\d+/.test(f))];

  if (choices.error) return <LoadError error={choices.error} />;
  if (!choices.data) return <Text>Loading…</Text>;
  const data = choices.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={mode === 'create' ? 'New user' : 'Edit user'}>
      <Stack>
        <Fieldset legend="Account">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Username" required autoComplete="off" {...text('username')} />
            <TextInput label="Primary email" required type="email" autoComplete="off" {...text('primaryEmail')} />
            {mode === 'create' && (
              <>
                <PasswordField label="Password" id="user-password" required autoComplete="new-password" {...text('password')} />
                <PasswordField label="Confirm password" id="user-passwordConfirm" required autoComplete="new-password" {...text('passwordConfirm')} />
              </>
            )}
          </SimpleGrid>
          {mode === 'create' && hasCapability(access, 'user_management') && (
            <Group mt="xs">
              <Button variant="light" size="xs" onClick={() => suggest.mutate()} loading={suggest.isPending}>
                Suggest a password
              </Button>
              {suggest.isSuccess && <Text role="status" size="sm">A strong password was filled in: use “show” to read it and hand it over.</Text>}
              <FormError error={suggest.error} />
            </Group>
          )}
          <Switch mt="md" label="Enabled" checked={values.enabled} onChange={(e) => set('enabled')(e.currentTarget.checked)} error={fieldError(error, 'enabled')} />
        </Fieldset>

        <Fieldset legend="Person">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Name prefix" {...text('namePrefix')} />
            <TextInput label="First name" required {...text('firstName')} />
            <TextInput label="Middle name" {...text('middleName')} />
            <TextInput label="Last name" required {...text('lastName')} />
            <TextInput label="Name suffix" {...text('nameSuffix')} />
            <TextInput label="Birthday" type="date" {...text('birthday')} />
            <TextInput label="Phone" type="tel" {...text('phone')} />
          </SimpleGrid>
          <TagsInput mt="sm" label="More email addresses" description="Press Enter after each address" value={values.emails} onChange={set('emails')} error={fieldError(error, 'emails')} />
        </Fieldset>

        <Fieldset legend="Placement">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label="Organizations"
              required
              data={data.organizations.map((o) => ({ value: o.id, label: o.name }))}
              value={values.organizationIds}
              onChange={set('organizationIds')}
              error={fieldError(error, 'organizationIds')}
            />
            <Select label="Owner business unit" required data={units} value={values.ownerBusinessUnitId} onChange={set('ownerBusinessUnitId')} error={fieldError(error, 'ownerBusinessUnitId')} searchable />
            <MultiSelect label="Business units" required data={units} value={values.businessUnitIds} onChange={set('businessUnitIds')} error={fieldError(error, 'businessUnitIds')} searchable />
            {data.groups.length > 0 && (
              <MultiSelect label="Groups" data={data.groups.map((g) => ({ value: g.id, label: g.name }))} value={values.groups} onChange={set('groups')} error={fieldError(error, 'groups')} />
            )}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Access">
          <Stack>
            <MultiSelect
              label="Roles"
              required
              searchable
              data={data.roles.map((r) => ({ value: r.id, label: r.label ? `${r.name} (${r.label})` : r.name }))}
              value={values.roles.map((r) => r.roleId)}
              onChange={(ids) => onChange({ ...values, roles: ids.map((roleId) => values.roles.find((r) => r.roleId === roleId) ?? { roleId, fixed: false, default: true }) })}
              error={fieldError(error, 'roles') ?? roleRowsError(error)}
            />
            <RoleFlags values={values} choices={data} onChange={onChange} />
            {withProfiles && (
              <MultiSelect
                label="Security profiles"
                description="Tickets gives a new user the roles of the profile whose name matches"
                data={data.securityProfiles}
                value={values.securityProfiles}
                onChange={set('securityProfiles')}
                error={fieldError(error, 'securityProfiles')}
              />
            )}
          </Stack>
        </Fieldset>

        {mode === 'create' && <Checkbox label="Send an email invitation" checked={values.sendInvitation} onChange={(e) => set('sendInvitation')(e.currentTarget.checked)} />}
        <FormError error={error} fields={fields} />
        <Button type="submit" loading={pending} w="fit-content">
          {mode === 'create' ? 'Create user' : 'Save'}
        </Button>
      </Stack>
    </form>
  );
}
