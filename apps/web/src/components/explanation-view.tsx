import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { CapabilityExplanation, Explanation } from './explain-api';

const Verdict = ({ allowed }: { allowed: boolean }) => (
  <Badge color={allowed ? 'teal.9' : 'red.9'} data-testid="verdict">
    {allowed ? 'Allowed' : 'Not allowed'}
  </Badge>
);

/**
 * One explanation for a person: which role gives which level and why, the winning role(s), and with a
 * record the facts that put it in or out of scope in the order checked (the last one decided).
 */
export function ExplanationView({ explanation }: { explanation: Explanation }) {
  const { roles, winningRoles, record, roleSource } = explanation;
  return (
    <Stack gap="sm" data-testid="explanation">
      <Group gap="xs">
        <Verdict allowed={explanation.allowed} />
        <Text fw={600}>
          {explanation.action} on {explanation.entity}: level {explanation.level}
        </Text>
      </Group>
      <Text>{explanation.summary}</Text>
      {roleSource === 'tickets' && explanation.ticketsStatus && <Text size="sm">Tickets roles are looked at (your tickets status: {explanation.ticketsStatus}).</Text>}
      <Title order={3} size="h5">
        Your roles
      </Title>
      {roles.length === 0 ? (
        <Text size="sm">You hold no {roleSource === 'tickets' ? 'tickets ' : 'active '}roles.</Text>
      ) : (
        <Table data-testid="explanation-roles">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Th>Level</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.map((role) => (
              <Table.Tr key={role.role} data-role={role.role}>
                <Table.Td>{role.role}</Table.Td>
                <Table.Td>{role.level}</Table.Td>
                <Table.Td>{role.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" data-testid="winning-roles">
        Winning role{winningRoles.length === 1 ? '' : 's'}: {winningRoles.length ? winningRoles.join(', ') : 'none'}
      </Text>
      {record && (
        <>
          <Title order={3} size="h5">
            This record: {record.inScope ? 'in scope' : 'out of scope'} at level {record.level}
          </Title>
          <List type="ordered" size="sm" data-testid="record-reasons">
            {record.reasons.map((reason, index) => (
              <List.Item key={`${reason.code}-${index}`} data-code={reason.code}>
                {reason.message}
                {index === record.reasons.length - 1 && <Text span fw={700}> (deciding)</Text>}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

/** Which roles give a capability, and why a read-only role's grant does not count. */
export function CapabilityExplanationView({ explanation }: { explanation: CapabilityExplanation }) {
  return (
    <Stack gap="sm" data-testid="explanation">
      <Group gap="xs">
        <Verdict allowed={explanation.allowed} />
        <Text fw={600}>
          {explanation.capability}: {explanation.state}
        </Text>
      </Group>
      <Text>{explanation.summary}</Text>
      <Table data-testid="explanation-roles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Role</Table.Th>
            <Table.Th>Grant</Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {explanation.roles.map((role) => (
            <Table.Tr key={role.role} data-role={role.role}>
              <Table.Td>{role.role}</Table.Td>
              <Table.Td>{role.grant}</Table.Td>
              <Table.Td>{role.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" data-testid="winning-roles">
        Granting role{explanation.grantingRoles.length === 1 ? '' : 's'}: {explanation.grantingRoles.length ? explanation.grantingRoles.join(', ') : 'none'}
      </Text>
    </Stack>
  );
}
