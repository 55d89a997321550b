import { Anchor, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { RefusalWithWhy } from '../../components/why-refused';
import { fieldError } from '../../forms/field-errors';
import { PersonSelect } from './person-select';
import { labelOf, Ticket, ticketKeys, TICKET_PRIORITIES, TICKET_TYPES } from './tickets-api';

const FIELDS = ['type', 'subject', 'description', 'priority', 'assigneeId'];

/** POST /api/tickets with an Idempotency-Key kept until the ticket is created (a retry makes it once). */
export function NewTicketForm() {
  const queryClient = useQueryClient();
  const [type, setType] = useState<string | null>('TASK');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<string | null>('NORMAL');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: () =>
      api.post<Ticket>(
        '/api/tickets',
        { type, subject, ...(description ? { description } : {}), ...(priority ? { priority } : {}), ...(assigneeId ? { assigneeId } : {}) },
        { headers: { 'idempotency-key': key } },
      ),
    onSuccess: () => {
      setSubject('');
      setDescription('');
      setAssigneeId(null);
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="sm">
      <form onSubmit={onSubmit} aria-labelledby="new-ticket-title">
        <Stack gap="sm">
          <Title order={3} id="new-ticket-title">
            New ticket
          </Title>
          <Group align="flex-start" grow>
            <Select label="Type" required data={TICKET_TYPES.map((t) => ({ value: t, label: labelOf(t) }))} value={type} onChange={setType} error={fieldError(create.error, 'type')} />
            <Select label="Priority" data={TICKET_PRIORITIES.map((p) => ({ value: p, label: labelOf(p) }))} value={priority} onChange={setPriority} error={fieldError(create.error, 'priority')} />
            <PersonSelect label="Assignee" value={assigneeId} onChange={setAssigneeId} error={fieldError(create.error, 'assigneeId')} />
          </Group>
          <TextInput label="Subject" required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={fieldError(create.error, 'subject')} />
          <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(create.error, 'description')} />
          <RefusalWithWhy error={create.error} fields={FIELDS} entity="Ticket" action="CREATE" />
          {create.isSuccess && (
            <Text role="status">
              Created:{' '}
              <Anchor component={Link} to={`/tickets/${create.data.id}`}>
                {create.data.subject}
              </Anchor>
            </Text>
          )}
          <Button type="submit" loading={create.isPending} w="fit-content">
            Create ticket
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
