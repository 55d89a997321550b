import { Button, Checkbox, Stack, Text, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { SessionChoices } from '../../api/types';
import { FormError } from '../../forms/field-errors';

interface Props {
  roles: SessionChoices['roles'];
  pending: boolean;
  error: unknown;
  /** The non-fixed roles chosen (fixed ones are always active). */
  onConfirm(selected: string[]): void;
}

/** Aurea's "select roles": fixed roles checked and locked, default ones checked, the rest to pick. */
export function RoleSelection({ roles, pending, error, onConfirm }: Props) {
  const [checked, setChecked] = useState(() => new Set(roles.filter((r) => r.fixed || r.default).map((r) => r.name)));
  const toggle = (name: string, on: boolean) =>
    setChecked((previous) => {
      const next = new Set(previous);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(roles.filter((r) => !r.fixed && checked.has(r.name)).map((r) => r.name));
  };
  return (
    <form onSubmit={submit} aria-labelledby="select-roles-title">
      <Stack>
        <Title order={2} size="h3" id="select-roles-title">
          Select roles
        </Title>
        {roles.length === 0 && <Text>You hold no role in this organization.</Text>}
        <Stack gap="xs" role="group" aria-label="Roles">
          {roles.map((role) => (
            <Checkbox
              key={role.name}
              label={role.name}
              description={role.fixed ? 'fixed: always active' : role.default ? 'default' : undefined}
              checked={role.fixed || checked.has(role.name)}
              disabled={role.fixed}
              onChange={(event) => toggle(role.name, event.currentTarget.checked)}
            />
          ))}
        </Stack>
        <FormError error={error} />
        <Button type="submit" loading={pending}>
          Continue
        </Button>
      </Stack>
    </form>
  );
}
