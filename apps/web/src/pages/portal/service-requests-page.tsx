import { Anchor, Button, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { fieldError, FormError, LoadError } from '../../forms/field-errors';
import { BackToPortal } from './back-to-portal';
import { FeatureGate } from './feature-gate';
import { listServiceRequests, portalKeys, ServiceRequest } from './portal-api';

function SubmitServiceRequest() {
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const submit = useMutation({
    mutationFn: () => api.post<ServiceRequest>('/api/portal/tickets', { subject, ...(description ? { description } : {}) }),
    onSuccess: () => {
      setSubject('');
      setDescription('');
      void queryClient.invalidateQueries({ queryKey: portalKeys.requests });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="new-request-title">
      <Stack>
        <Title order={3} id="new-request-title">
          Submit a service request
        </Title>
        <TextInput label="Subject" required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={fieldError(submit.error, 'subject')} />
        <Textarea label="Description" autosize minRows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(submit.error, 'description')} />
        <FormError error={submit.error} fields={['subject', 'description']} />
        {submit.isSuccess && <Text role="status">Submitted: {submit.data.subject}</Text>}
        <Button type="submit" loading={submit.isPending} w="fit-content">
          Submit
        </Button>
      </Stack>
    </form>
  );
}

function ServiceRequestList() {
  const requests = useQuery({ queryKey: portalKeys.requests, queryFn: listServiceRequests });
  if (requests.error) return <LoadError error={requests.error} />;
  if (!requests.data) return <Text>Loading…</Text>;
  if (requests.data.items.length === 0) return <Text>No service requests yet.</Text>;
  return (
    <Table striped data-testid="service-requests">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Subject</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Submitted</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {requests.data.items.map((request) => (
          <Table.Tr key={request.id}>
            <Table.Td>
              <Anchor component={Link} to={`/portal/service-requests/${request.id}`}>
                {request.subject}
              </Anchor>
            </Table.Td>
            <Table.Td>{request.status}</Table.Td>
            <Table.Td>{new Date(request.createdAt).toLocaleString()}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Service tickets of the user's client account: submit one, list them, open one. */
export function ServiceRequestsPage() {
  return (
    <FeatureGate feature="SERVICE_TICKETS">
      <Stack>
        <BackToPortal />
        <Title order={2}>Service requests</Title>
        <SubmitServiceRequest />
        <Title order={3}>Your account's requests</Title>
        <ServiceRequestList />
      </Stack>
    </FeatureGate>
  );
}
