import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { Page } from '../../api/types';
import { useAccess } from '../../auth/access-context';
import { RefusalWithWhy } from '../../components/why-refused';
import { fieldError, LoadError } from '../../forms/field-errors';
import { hasTicketsCapability, mayTicket, TicketComment, ticketKeys, ticketPath, usePersonName } from './tickets-api';

function AddComment({ ticketId }: { ticketId: string }) {
  const access = useAccess();
  const queryClient = useQueryClient();
  const mayInternal = hasTicketsCapability(access, 'ticket_internal_comments');
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const add = useMutation({
    mutationFn: () => api.post<TicketComment>(`${ticketPath(ticketId)}/comments`, { body, ...(internal ? { internal } : {}) }, { headers: { 'idempotency-key': key } }),
    onSuccess: () => {
      setBody('');
      setInternal(false);
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ticketKeys.comments(ticketId) });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label="Add a comment">
      <Stack gap="xs">
        <Textarea label="Comment" required autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={fieldError(add.error, 'body')} />
        {mayInternal && <Checkbox label="Internal (only people with internal comments see it)" checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />}
        <RefusalWithWhy error={add.error} fields={['body', 'internal']} entity="TicketComment" action="CREATE" />
        <Button type="submit" size="sm" loading={add.isPending} w="fit-content">
          Add comment
        </Button>
      </Stack>
    </form>
  );
}

/** The ticket's comments (internal ones only reach sessions with the capability) and a form to add one. */
export function TicketComments({ ticketId }: { ticketId: string }) {
  const access = useAccess();
  const personName = usePersonName();
  const comments = useQuery({ queryKey: ticketKeys.comments(ticketId), queryFn: () => api.get<Page<TicketComment>>(`${ticketPath(ticketId)}/comments`, { query: { limit: 500 } }) });
  return (
    <Stack gap="xs" component="section" aria-labelledby="comments-title">
      <Title order={3} id="comments-title">
        Comments
      </Title>
      {comments.error && <LoadError error={comments.error} />}
      {comments.data?.items.length === 0 && <Text c="dimmed">No comments yet.</Text>}
      <Stack gap="xs" data-testid="comments">
        {comments.data?.items.map((comment) => (
          <Paper key={comment.id} withBorder p="sm" data-comment={comment.id}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {personName(comment.authorId)}
              </Text>
              <Text size="sm">{new Date(comment.createdAt).toLocaleString()}</Text>
              {comment.internal && <Badge color="red.9">Internal</Badge>}
            </Group>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</Text>
          </Paper>
        ))}
      </Stack>
      {mayTicket(access, 'TicketComment', 'CREATE') && <AddComment ticketId={ticketId} />}
    </Stack>
  );
}
