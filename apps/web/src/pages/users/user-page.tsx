import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import { useAccess } from '../../auth/access-context';
import { canAct } from '../../components/entity-action';
import { RefusalWithWhy } from '../../components/why-refused';
import { WhoCanSeePanel } from '../../components/who-can-see';
import { ApiKeyPanel } from './api-key-panel';
import { UserAccountActions } from './user-account-actions';
import { AUTH_STATUS_LABELS, fullName, User, useUser } from './users-api';

function Details({ user }: { user: User }) {
  const rows: [string, React.ReactNode][] = [
    ['Name', fullName(user)],
    ['Primary email', user.primaryEmail],
    ['More emails', user.emails.join(', ') || '—'],
    ['Phone', user.phone ?? '—'],
    ['Birthday', user.birthday ?? '—'],
    ['Roles', user.roles.map((r) => `${r.name}${r.fixed ? ' (fixed)' : ''}${r.default ? ' (default)' : ''}`).join(', ')],
    ['Security profiles', user.securityProfiles.join(', ') || '—'],
    ['Groups', user.groups.map((g) => g.name).join(', ') || '—'],
    ['Organizations', String(user.organizationIds.length)],
    ['Business units', String(user.businessUnitIds.length)],
    ['Created', new Date(user.createdAt).toLocaleString()],
  ];
  if (user.ldapDn) rows.splice(1, 0, ['LDAP DN', user.ldapDn]);
  return (
    <Table variant="vertical" withTableBorder data-testid="user-details">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One user: the record, and the account actions the session's roles allow. */
export function UserPage() {
  const { id = '' } = useParams();
  const access = useAccess();
  const location = useLocation();
  const user = useUser(id);
  const mayEdit = canAct(access, 'User', 'EDIT');
  return (
    <Stack>
      <Anchor component={Link} to="/users" size="sm">
        ← Users
      </Anchor>
      <RefusalWithWhy error={user.error} entity="User" action="VIEW" />
      {!user.data && !user.error && <Text>Loading…</Text>}
      {user.data && (
        <>
          <Group>
            <Title order={2}>{user.data.username}</Title>
            <Badge color={user.data.enabled ? 'green' : 'gray'} data-testid="user-enabled">
              {user.data.enabled ? 'Enabled' : 'Disabled'}
            </Badge>
            <Badge variant="outline" data-testid="user-auth-status">
              {AUTH_STATUS_LABELS[user.data.authStatus]}
            </Badge>
          </Group>
          {(location.state as { created?: boolean } | null)?.created && <Text role="status">User created.</Text>}
          <Details user={user.data} />
          <WhoCanSeePanel entity="User" recordId={user.data.id} />
          {mayEdit && (
            <>
              <Title order={3}>Account</Title>
              <Button component={Link} to={`/users/${id}/edit`} variant="outline" w="fit-content">
                Edit
              </Button>
              <UserAccountActions user={user.data} />
              <Title order={3}>API key</Title>
              <ApiKeyPanel userId={user.data.id} username={user.data.username} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
