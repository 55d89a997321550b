import { Checkbox, Group, Text } from '@mantine/core';
import { LoadError } from '../../forms/field-errors';
import { useTicketRoles } from './user-security-api';

/** The tickets roles as checkboxes, by id; `label` names the group for screen readers. */
export function TicketRoleCheckboxes({ label, value, onChange, error }: { label: string; value: string[]; onChange(ids: string[]): void; error?: string }) {
  const roles = useTicketRoles();
  if (roles.error) return <LoadError error={roles.error} />;
  if (!roles.data) return <Text>Loading…</Text>;
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange} error={error}>
      <Group mt="xs">
        {roles.data.items.map((role) => (
          <Checkbox key={role.id} value={role.id} label={role.label ? `${role.name} (${role.label})` : role.name} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
