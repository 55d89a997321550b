import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { hasCapability } from '../../auth/access';
import { useAccess } from '../../auth/access-context';
import { canAct } from '../../components/entity-action';
import { Pager } from '../../components/pager';
import { FormError, LoadError } from '../../forms/field-errors';
import { ExportUsers } from './export-users';
import { UsersFilters } from './users-filters';
import { AUTH_STATUS_LABELS, fullName, PasswordResetsDone, userKeys, UsersQuery, useUsers } from './users-api';

const PAGE_SIZE = 20;

/** The mass action: reset the passwords of the checked users (all of them or, if one is refused, none; LDAP users are skipped). */
function ResetSelected({ ids, onDone }: { ids: string[]; onDone(): void }) {
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => api.post<PasswordResetsDone>('/api/users/password-reset', { userIds: ids }),
    onSuccess: () => {
      onDone();
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="light" disabled={ids.length === 0} onClick={() => reset.mutate()} loading={reset.isPending}>
          Reset passwords of {ids.length} selected
        </Button>
        {reset.data && (
          <Text role="status">
            Reset {reset.data.items.length} passwords: each user was mailed a one-time link.
            {reset.data.skipped.length > 0 && ` Skipped ${reset.data.skipped.length} of an LDAP directory: their password is the directory's.`}
          </Text>
        )}
      </Group>
      <FormError error={reset.error} fields={[]} />
    </Stack>
  );
}

/** The users directory: filters, paging, the actions the session's roles allow. */
export function UsersPage() {
  const access = useAccess();
  const [filters, setFilters] = useState<Omit<UsersQuery, 'limit' | 'offset'>>({});
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const users = useUsers({ ...filters, limit: PAGE_SIZE, offset });
  const mayEdit = canAct(access, 'User', 'EDIT');
  const toggle = (id: string, on: boolean) => setSelected((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Users</Title>
        {canAct(access, 'User', 'CREATE') && (
          <Button component={Link} to="/users/new">
            New user
          </Button>
        )}
      </Group>
      <UsersFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setOffset(0);
        }}
      />
      {mayEdit && <ResetSelected ids={selected} onDone={() => setSelected([])} />}
      {users.error && <LoadError error={users.error} />}
      {users.data && (
        <>
          <Table striped data-testid="users">
            <Table.Thead>
              <Table.Tr>
                {mayEdit && <Table.Th>Select</Table.Th>}
                <Table.Th>Username</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Primary email</Table.Th>
                <Table.Th>Enabled</Table.Th>
                <Table.Th>Login status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((user) => (
                <Table.Tr key={user.id} data-username={user.username}>
                  {mayEdit && (
                    <Table.Td>
                      <Checkbox aria-label={`Select ${user.username}`} checked={selected.includes(user.id)} onChange={(e) => toggle(user.id, e.currentTarget.checked)} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Anchor component={Link} to={`/users/${user.id}`}>
                      {user.username}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{fullName(user)}</Table.Td>
                  <Table.Td>{user.primaryEmail}</Table.Td>
                  <Table.Td>
                    <Badge color={user.enabled ? 'green' : 'gray'}>{user.enabled ? 'Enabled' : 'Disabled'}</Badge>
                  </Table.Td>
                  <Table.Td>{AUTH_STATUS_LABELS[user.authStatus]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager total={users.data.total} offset={offset} pageSize={PAGE_SIZE} noun={['user', 'users']} onOffset={setOffset} />
        </>
      )}
      {hasCapability(access, 'export_users') && (
        <>
          <Title order={3}>Export</Title>
          <ExportUsers />
        </>
      )}
    </Stack>
  );
}
