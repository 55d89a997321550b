import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { fieldError, FormError } from '../../forms/field-errors';
import { TicketRoleCheckboxes } from './ticket-role-checkboxes';
import { UserSecurityItem, userSecurityKeys, useTicketRoles } from './user-security-api';

interface Assigned {
  id: string;
  status: string;
  roles: string[];
}

/** The user's whole set of tickets roles; any role makes the user ACTIVE, none makes it NEW again. */
export function AssignRolesPanel({ user, onClose }: { user: UserSecurityItem; onClose(): void }) {
  const queryClient = useQueryClient();
  const roles = useTicketRoles();
  // The row names its roles; the checkboxes hold ids.
  const [roleIds, setRoleIds] = useState<string[] | null>(null);
  const held = (roles.data?.items ?? []).filter((r) => user.roles.includes(r.name)).map((r) => r.id);
  const value = roleIds ?? held;
  const assign = useMutation({
    mutationFn: () => api.put<Assigned>(`/api/tickets/user-security/${user.id}/roles`, { roleIds: value }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userSecurityKeys.all }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate();
  };
  return (
    <Card withBorder>
      <form onSubmit={onSubmit} aria-labelledby="assign-title">
        <Stack>
          <Title order={3} id="assign-title">
            Tickets roles of {user.username}
          </Title>
          <TicketRoleCheckboxes label="Roles" value={value} onChange={setRoleIds} error={fieldError(assign.error, 'roleIds')} />
          <FormError error={assign.error} fields={['roleIds']} />
          {assign.isSuccess && (
            <Text role="status">
              {user.username} is {assign.data.status} with {assign.data.roles.length ? assign.data.roles.join(', ') : 'no roles'}.
            </Text>
          )}
          <Group>
            <Button type="submit" loading={assign.isPending}>
              Save roles
            </Button>
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
