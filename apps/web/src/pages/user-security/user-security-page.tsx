import { Badge, Button, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { LoadError } from '../../forms/field-errors';
import { AssignRolesPanel } from './assign-roles-panel';
import { TicketProfilesSection } from './ticket-profiles-section';
import { StatusFilter, UserSecurityItem, useUserSecurity } from './user-security-api';

function UserSecurityList({ status, onAssign }: { status: StatusFilter; onAssign(user: UserSecurityItem): void }) {
  const users = useUserSecurity(status);
  if (users.error) return <LoadError error={users.error} />;
  if (!users.data) return <Text>Loading…</Text>;
  if (users.data.items.length === 0) return <Text>No users here.</Text>;
  return (
    <Table striped data-testid="user-security">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>User</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Tickets roles</Table.Th>
          <Table.Th>Action</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.data.items.map((user) => (
          <Table.Tr key={user.id} data-user={user.username}>
            <Table.Td>{user.username}</Table.Td>
            <Table.Td>
              <Badge color={user.status === 'ACTIVE' ? 'teal' : 'orange'}>{user.status}</Badge>
            </Table.Td>
            <Table.Td>{user.roles.join(', ')}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="light" onClick={() => onAssign(user)} aria-label={`Assign roles to ${user.username}`}>
                Assign roles
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * OrangeTask's User Security: users tickets knows, NEW (no tickets roles: refused by every ticket
 * route) or ACTIVE; assigning roles by hand makes a user ACTIVE.
 */
export function UserSecurityPage() {
  const [status, setStatus] = useState<StatusFilter>('NEW');
  const [assigning, setAssigning] = useState<UserSecurityItem | null>(null);
  return (
    <Stack gap="xl">
      <Stack>
        <Title order={2}>User Security</Title>
        <SegmentedControl
          aria-label="Status"
          w="fit-content"
          value={status}
          onChange={(value) => setStatus(value as StatusFilter)}
          data={[
            { value: 'NEW', label: 'New' },
            { value: 'ACTIVE', label: 'Active' },
            { value: 'ALL', label: 'All' },
          ]}
        />
        <UserSecurityList status={status} onAssign={setAssigning} />
        {assigning && <AssignRolesPanel key={assigning.id} user={assigning} onClose={() => setAssigning(null)} />}
      </Stack>
      <TicketProfilesSection />
    </Stack>
  );
}
