import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Page } from '../../api/types';
import { LoadError } from '../../forms/field-errors';
import { TicketHistoryEntry, ticketKeys, ticketPath, usePersonName } from './tickets-api';

const PERSON_FIELDS = new Set(['ownerId', 'assigneeId', 'requesterId']);

/** The ticket's history: who changed which field from what to what, when. */
export function TicketHistory({ ticketId }: { ticketId: string }) {
  const personName = usePersonName();
  const history = useQuery({ queryKey: ticketKeys.history(ticketId), queryFn: () => api.get<Page<TicketHistoryEntry>>(`${ticketPath(ticketId)}/history`, { query: { limit: 500 } }) });
  const shown = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (PERSON_FIELDS.has(field) && typeof value === 'string') return personName(value);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-title">
      <Title order={3} id="history-title">
        History
      </Title>
      {history.error && <LoadError error={history.error} />}
      {history.data?.items.length === 0 && <Text c="dimmed">No changes yet.</Text>}
      {!!history.data?.items.length && (
        <Table striped data-testid="history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Field</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.items.map((entry) => (
              <Table.Tr key={entry.id} data-field={entry.field}>
                <Table.Td>{new Date(entry.at).toLocaleString()}</Table.Td>
                <Table.Td>{personName(entry.actorId)}</Table.Td>
                <Table.Td>{entry.field}</Table.Td>
                <Table.Td>{shown(entry.field, entry.oldValue)}</Table.Td>
                <Table.Td>{shown(entry.field, entry.newValue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
