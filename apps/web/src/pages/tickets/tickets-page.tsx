import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { Page } from '../../api/types';
import { useAccess } from '../../auth/access-context';
import { Pager } from '../../components/pager';
import { WhyButton } from '../../components/why-button';
import { LoadError } from '../../forms/field-errors';
import { NewTicketForm } from './new-ticket-form';
import { PersonSelect } from './person-select';
import { labelOf, mayTicket, Ticket, TicketFilters, ticketKeys, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, usePersonName } from './tickets-api';

const PAGE_SIZE = 20;

const options = (values: readonly string[]) => values.map((value) => ({ value, label: labelOf(value) }));

function Filters({ filters, onChange }: { filters: TicketFilters; onChange(filters: TicketFilters): void }) {
  const [text, setText] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if ((debounced || undefined) !== filters.q) onChange({ ...filters, q: debounced || undefined });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (field: keyof TicketFilters) => (value: string | null) => onChange({ ...filters, [field]: value ?? undefined });
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Filter tickets">
      <TextInput label="Text" description="In subject or description" value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <Select label="Status" clearable data={options(TICKET_STATUSES)} value={filters.status ?? null} onChange={set('status')} />
      <Select label="Type" clearable data={options(TICKET_TYPES)} value={filters.type ?? null} onChange={set('type')} />
      <Select label="Priority" clearable data={options(TICKET_PRIORITIES)} value={filters.priority ?? null} onChange={set('priority')} />
      <PersonSelect label="Assignee filter" value={filters.assigneeId ?? null} onChange={set('assigneeId')} />
    </Group>
  );
}

function TicketTable({ filters }: { filters: TicketFilters }) {
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [filters]);
  const personName = usePersonName();
  const tickets = useQuery({
    queryKey: ticketKeys.list(filters, offset),
    queryFn: () => api.get<Page<Ticket>>('/api/tickets', { query: { ...filters, limit: PAGE_SIZE, offset } }),
    placeholderData: keepPreviousData,
  });
  if (tickets.error) return <LoadError error={tickets.error} />;
  if (!tickets.data) return <Text>Loading…</Text>;
  const { items, total } = tickets.data;
  return (
    <Stack gap="xs">
      {items.length === 0 ? (
        <Text>No tickets match.</Text>
      ) : (
        <Table striped data-testid="tickets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Assignee</Table.Th>
              <Table.Th>Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((ticket) => (
              <Table.Tr key={ticket.id} data-ticket={ticket.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/tickets/${ticket.id}`}>
                    {ticket.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>{labelOf(ticket.type)}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="indigo.9">
                    {labelOf(ticket.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>{labelOf(ticket.priority)}</Table.Td>
                <Table.Td>{personName(ticket.assigneeId)}</Table.Td>
                <Table.Td>{new Date(ticket.updatedAt).toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager total={total} offset={offset} pageSize={PAGE_SIZE} noun={['ticket', 'tickets']} onOffset={setOffset} />
    </Stack>
  );
}

/** The tickets the session's tickets roles reach: filters, pages, and a form to create one. */
export function TicketsPage() {
  const access = useAccess();
  const [filters, setFilters] = useState<TicketFilters>({});
  return (
    <Stack>
      <Title order={2}>Tickets</Title>
      {mayTicket(access, 'Ticket', 'CREATE') ? (
        <NewTicketForm />
      ) : (
        <Group gap="xs">
          <Text>Your tickets roles do not let you create tickets.</Text>
          <WhyButton entity="Ticket" action="CREATE" label="Why can't I create tickets?" />
        </Group>
      )}
      <Title order={3}>All tickets you can see</Title>
      <Filters filters={filters} onChange={setFilters} />
      <TicketTable filters={filters} />
    </Stack>
  );
}
