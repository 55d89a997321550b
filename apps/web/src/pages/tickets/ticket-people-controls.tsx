import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { RefusalWithWhy } from '../../components/why-refused';
import { fieldError } from '../../forms/field-errors';
import { PersonSelect } from './person-select';
import { Ticket, ticketKeys, ticketPath } from './tickets-api';

/** The assignee is a field of the ticket: PATCH with EDIT; cleared, the ticket has none. */
export function AssigneeControl({ ticket }: { ticket: Ticket }) {
  const queryClient = useQueryClient();
  const [assigneeId, setAssigneeId] = useState<string | null>(ticket.assigneeId);
  const save = useMutation({
    mutationFn: () => api.patch<Ticket>(ticketPath(ticket.id), { assigneeId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketKeys.all }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label="Assignee">
      <Stack gap="xs">
        <Group align="flex-end" gap="xs">
          <PersonSelect label="Assignee" value={assigneeId} onChange={setAssigneeId} error={fieldError(save.error, 'assigneeId')} />
          <Button type="submit" size="sm" loading={save.isPending}>
            Save assignee
          </Button>
        </Group>
        <RefusalWithWhy error={save.error} fields={['assigneeId']} entity="Ticket" action="EDIT" recordId={ticket.id} />
      </Stack>
    </form>
  );
}

/** Gives the ticket to another owner (POST .../assign-owner): ASSIGN must reach it before and after. */
export function OwnerControl({ ticket }: { ticket: Ticket }) {
  const queryClient = useQueryClient();
  const [ownerId, setOwnerId] = useState<string | null>(ticket.ownerId);
  const assign = useMutation({
    mutationFn: () => api.post<Ticket>(`${ticketPath(ticket.id)}/assign-owner`, { ownerId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      // The new owner may put the ticket beyond the session's EDIT or ASSIGN scope.
      void queryClient.invalidateQueries({ queryKey: ['explain'] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label="Owner">
      <Stack gap="xs">
        <Group align="flex-end" gap="xs">
          <PersonSelect label="Owner" value={ownerId} onChange={setOwnerId} clearable={false} required error={fieldError(assign.error, 'ownerId')} />
          <Button type="submit" size="sm" loading={assign.isPending}>
            Give to owner
          </Button>
        </Group>
        <RefusalWithWhy error={assign.error} fields={['ownerId']} entity="Ticket" action="ASSIGN" recordId={ticket.id} />
      </Stack>
    </form>
  );
}
