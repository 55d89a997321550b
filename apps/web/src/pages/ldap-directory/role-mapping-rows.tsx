import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { fieldError } from '../../forms/field-errors';
import type { LdapFormValues } from './ldap-form-values';

type Rows = LdapFormValues['roleMapping'];

/** Group DN → role rows: members of each group get its role; the API's message beside each input. */
export function RoleMappingRows({ rows, roles, error, onChange }: { rows: Rows; roles: { value: string; label: string }[]; error: unknown; onChange(rows: Rows): void }) {
  const change = (index: number, row: Partial<Rows[number]>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...row } : r)));
  return (
    <Stack gap="xs" data-testid="role-mapping">
      <Text size="sm" fw={500}>
        Role mapping
      </Text>
      <Text size="sm" c="dimmed">
        Members of a group (its member or uniqueMember values) get its role; users in no mapped group get the default roles.
      </Text>
      {rows.map((row, index) => (
        <Group key={index} align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 2 }}
            label={`Group DN ${index + 1}`}
            placeholder="cn=support,ou=groups,dc=example,dc=org"
            value={row.groupDn}
            onChange={(e) => change(index, { groupDn: e.currentTarget.value })}
            error={fieldError(error, `roleMapping.${index}.groupDn`)}
          />
          <Select
            style={{ flex: 1 }}
            label={`Role ${index + 1}`}
            data={roles}
            searchable
            value={row.roleId}
            onChange={(roleId) => change(index, { roleId })}
            error={fieldError(error, `roleMapping.${index}.roleId`)}
          />
          <ActionIcon mt={28} variant="subtle" color="red" aria-label={`Remove mapping ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button variant="light" size="xs" w="fit-content" onClick={() => onChange([...rows, { groupDn: '', roleId: null }])}>
        Add group mapping
      </Button>
    </Stack>
  );
}
