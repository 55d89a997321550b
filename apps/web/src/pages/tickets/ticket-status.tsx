import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { RefusalWithWhy } from '../../components/why-refused';
import { TICKET_TRANSITIONS } from './ticket-transitions';
import { labelOf, Ticket, ticketKeys, ticketPath } from './tickets-api';

/** The moves the state machine allows from the ticket's status, each a button (POST .../transitions). */
export function TicketStatusControl({ ticket }: { ticket: Ticket }) {
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (to: string) => api.post<Ticket>(`${ticketPath(ticket.id)}/transitions`, { to }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketKeys.all }),
  });
  const next = TICKET_TRANSITIONS[ticket.status];
  return (
    <Stack gap="xs">
      {next.length === 0 ? (
        <Text size="sm">{labelOf(ticket.status)} is final: no other status follows.</Text>
      ) : (
        <Group gap="xs" role="group" aria-label="Change status">
          {next.map((to) => (
            <Button key={to} size="xs" variant="default" loading={move.isPending && move.variables === to} onClick={() => move.mutate(to)}>
              Move to {labelOf(to)}
            </Button>
          ))}
        </Group>
      )}
      <RefusalWithWhy error={move.error} entity="Ticket" action="EDIT" recordId={ticket.id} />
    </Stack>
  );
}
