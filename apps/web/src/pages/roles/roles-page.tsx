import { Anchor, Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useAccess } from '../../auth/access-context';
import { QueryResult } from '../../components/query-result';
import { CRM_ROLES, RoleKind, TICKETS_ROLES, useOrganizations, useRoles } from './roles-api';
import { roleRights } from './role-rights';
import { canSee } from '../../auth/access';

function RoleList({ kind }: { kind: RoleKind }) {
  const access = useAccess();
  const rights = roleRights(access, kind);
  const roles = useRoles(kind);
  const showOrganization = kind.hasOrganization && canSee(access, 'Organization');
  const organizations = useOrganizations(showOrganization);
  const organizationName = (id: string | null | undefined) => (id ? (organizations.data?.items.find((o) => o.id === id)?.name ?? id) : 'System-wide');
  const headingId = `${kind.kind}-roles-title`;
  return (
    <section aria-labelledby={headingId}>
      <Stack>
        <Group justify="space-between">
          <Title order={3} id={headingId}>
            {kind.title}
          </Title>
          {rights.create && (
            <Button component={Link} to={`${kind.path}/new`}>
              New {kind.noun}
            </Button>
          )}
        </Group>
        <QueryResult query={roles}>
          {(data) => (
            <Table striped data-testid={`${kind.kind}-roles`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Label</Table.Th>
                  {kind.hasOrganization && <Table.Th>Organization</Table.Th>}
                  <Table.Th>Users</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((role) => (
                  <Table.Tr key={role.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`${kind.path}/${role.id}`}>
                        {role.name}
                      </Anchor>{' '}
                      {role.readOnly && <Badge color="gray">read-only</Badge>}
                    </Table.Td>
                    <Table.Td>{role.label}</Table.Td>
                    {kind.hasOrganization && <Table.Td>{organizationName(role.organizationId)}</Table.Td>}
                    <Table.Td>{role.userCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryResult>
      </Stack>
    </section>
  );
}

/** Identity's roles and, for holders of `ticket_user_security`, tickets' roles. */
export function RolesPage() {
  const access = useAccess();
  return (
    <Stack gap="xl">
      <Title order={2}>Roles</Title>
      {roleRights(access, CRM_ROLES).view && <RoleList kind={CRM_ROLES} />}
      {roleRights(access, TICKETS_ROLES).view && <RoleList kind={TICKETS_ROLES} />}
    </Stack>
  );
}
