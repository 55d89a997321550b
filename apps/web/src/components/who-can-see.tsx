import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useAccess } from '../auth/access-context';
import { Access, canSee, hasCapability } from '../auth/access';
import { LoadError } from '../forms/field-errors';
import { explainKeys, fetchAudience } from './explain-api';

/** Who may ask: the API wants `user_management` and VIEW on User (and VIEW on the record). */
export const mayAskWhoCanSee = (access: Access): boolean => hasCapability(access, 'user_management') && canSee(access, 'User');

function Audience({ entity, recordId }: { entity: string; recordId: string }) {
  const audience = useQuery({ queryKey: explainKeys.whoCanSee(entity, recordId), queryFn: () => fetchAudience(entity, recordId) });
  if (audience.error) return <LoadError error={audience.error} />;
  if (!audience.data) return <Text>Loading…</Text>;
  if (audience.data.items.length === 0) return <Text>Nobody within your reach can see it.</Text>;
  return (
    <Table data-testid="who-can-see-users">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>User</Table.Th>
          <Table.Th>Level</Table.Th>
          <Table.Th>Winning roles</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {audience.data.items.map((member) => (
          <Table.Tr key={`${member.userId}-${member.organizationId}`} data-username={member.username}>
            <Table.Td>{member.username}</Table.Td>
            <Table.Td>{member.level}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {member.winningRoles.map((role) => (
                  <Badge key={role} variant="outline" color="indigo.9">
                    {role}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * "Who can see this" on a record (GET /api/acl/who-can-see): the users whose roles reach it for VIEW,
 * with their level and winning roles. Shown only to sessions the API would answer. `headingOrder` 4
 * where the record's own heading is an h3 (the business unit panel).
 */
export function WhoCanSeePanel({ entity, recordId, headingOrder = 3 }: { entity: string; recordId: string; headingOrder?: 3 | 4 }) {
  const access = useAccess();
  if (!mayAskWhoCanSee(access)) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="who-can-see-title">
      <Stack gap="xs">
        <Title order={headingOrder} id="who-can-see-title">
          Who can see this
        </Title>
        <Audience entity={entity} recordId={recordId} />
      </Stack>
    </Paper>
  );
}
