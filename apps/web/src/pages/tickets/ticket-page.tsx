import { Anchor, Badge, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useAccess } from '../../auth/access-context';
import { WhoCanSeePanel } from '../../components/who-can-see';
import { WhyButton } from '../../components/why-button';
import { LoadError } from '../../forms/field-errors';
import { useMayOnTicket } from './record-access';
import { TicketComments } from './ticket-comments';
import { TicketHistory } from './ticket-history';
import { AssigneeControl, OwnerControl } from './ticket-people-controls';
import { TicketStatusControl } from './ticket-status';
import { labelOf, mayTicket, Ticket, ticketKeys, ticketPath, usePersonName } from './tickets-api';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} data-field={label}>
        {children}
      </Text>
    </div>
  );
}

function TicketFields({ ticket }: { ticket: Ticket }) {
  const personName = usePersonName();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
      <Field label="Type">{labelOf(ticket.type)}</Field>
      <Field label="Priority">{labelOf(ticket.priority)}</Field>
      <Field label="Due">{ticket.dueDate ? new Date(ticket.dueDate).toLocaleString() : '—'}</Field>
      <Field label="Owner">{personName(ticket.ownerId)}</Field>
      <Field label="Assignee">{personName(ticket.assigneeId)}</Field>
      <Field label="Requester">{personName(ticket.requesterId)}</Field>
      <Field label="Created">{new Date(ticket.createdAt).toLocaleString()}</Field>
      <Field label="Updated">{new Date(ticket.updatedAt).toLocaleString()}</Field>
    </SimpleGrid>
  );
}

/** What the session may do to this ticket: each control only where the ticket's scope allows it, a "Why?" otherwise. */
function TicketActions({ ticket }: { ticket: Ticket }) {
  const access = useAccess();
  const mayEdit = useMayOnTicket(ticket.id, 'EDIT', mayTicket(access, 'Ticket', 'EDIT'));
  const mayAssign = useMayOnTicket(ticket.id, 'ASSIGN', mayTicket(access, 'Ticket', 'ASSIGN'));
  if (mayEdit === undefined || mayAssign === undefined) return <Text>Loading…</Text>;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="actions-title">
      <Stack gap="sm">
        <Title order={3} id="actions-title">
          Work on it
        </Title>
        {mayEdit ? (
          <>
            <TicketStatusControl ticket={ticket} />
            <AssigneeControl key={`assignee-${ticket.assigneeId}`} ticket={ticket} />
          </>
        ) : (
          <Group gap="xs">
            <Text size="sm">You may not edit this ticket.</Text>
            <WhyButton entity="Ticket" action="EDIT" recordId={ticket.id} label="Why can't I edit?" />
          </Group>
        )}
        {mayAssign ? (
          <OwnerControl key={`owner-${ticket.ownerId}`} ticket={ticket} />
        ) : (
          <Group gap="xs">
            <Text size="sm">You may not give this ticket to another owner.</Text>
            <WhyButton entity="Ticket" action="ASSIGN" recordId={ticket.id} label="Why can't I assign?" />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function TicketDetail({ id }: { id: string }) {
  const ticket = useQuery({ queryKey: ticketKeys.one(id), queryFn: () => api.get<Ticket>(ticketPath(id)) });
  if (ticket.error) return <LoadError error={ticket.error} />;
  if (!ticket.data) return <Text>Loading…</Text>;
  const data = ticket.data;
  return (
    <Stack>
      <Group gap="sm">
        <Title order={2}>{data.subject}</Title>
        <Badge variant="outline" color="indigo.9" data-testid="ticket-status">
          {labelOf(data.status)}
        </Badge>
      </Group>
      <TicketFields ticket={data} />
      {data.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{data.description}</Text>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <TicketActions ticket={data} />
            <TicketComments ticketId={id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <WhoCanSeePanel entity="Ticket" recordId={id} />
        </Grid.Col>
      </Grid>
      <TicketHistory ticketId={id} />
    </Stack>
  );
}

/** One ticket: its fields, status moves, assignee and owner, comments, history, who can see it. */
export function TicketPage() {
  const { id = '' } = useParams();
  return (
    <Stack>
      <Anchor component={Link} to="/tickets" size="sm">
        ← Tickets
      </Anchor>
      <TicketDetail id={id} />
    </Stack>
  );
}
