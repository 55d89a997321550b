import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { LoadError } from '../../forms/field-errors';
import { FeatureGate } from './feature-gate';
import { portalKeys, ServiceRequestWithComments } from './portal-api';

function ServiceRequestDetail({ id }: { id: string }) {
  const request = useQuery({ queryKey: portalKeys.request(id), queryFn: () => api.get<ServiceRequestWithComments>(`/api/portal/tickets/${encodeURIComponent(id)}`) });
  if (request.error) return <LoadError error={request.error} />;
  if (!request.data) return <Text>Loading…</Text>;
  const { subject, status, priority, description, comments } = request.data;
  return (
    <Stack>
      <Title order={2}>{subject}</Title>
      <Group gap="xs">
        <Badge variant="light">{status}</Badge>
        <Badge variant="outline">{priority}</Badge>
      </Group>
      {description && <Text style={{ whiteSpace: 'pre-wrap' }}>{description}</Text>}
      <Title order={3}>Comments</Title>
      {comments.length === 0 && <Text c="dimmed">No comments yet.</Text>}
      {comments.map((comment) => (
        <Paper key={comment.id} withBorder p="sm">
          <Text size="xs" c="dimmed">
            {new Date(comment.createdAt).toLocaleString()}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** One service request with its public comments (the API leaves internal ones out). */
export function ServiceRequestPage() {
  const { id = '' } = useParams();
  return (
    <FeatureGate feature="SERVICE_TICKETS">
      <Stack>
        <Anchor component={Link} to="/portal/service-requests" size="sm">
          ← Service requests
        </Anchor>
        <ServiceRequestDetail id={id} />
      </Stack>
    </FeatureGate>
  );
}
