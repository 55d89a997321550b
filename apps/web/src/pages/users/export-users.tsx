import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { downloadFile } from '../../components/download-file';
import { FormError, LoadError } from '../../forms/field-errors';
import { ExportJob } from './users-api';

const STEP: Record<ExportJob['status'], number> = { QUEUED: 10, RUNNING: 50, DONE: 100, FAILED: 100 };

/** POST /api/exports, its progress polled until DONE, then the CSV downloaded with the bearer token. */
export function ExportUsers() {
  const [key, setKey] = useState(newIdempotencyKey);
  const start = useMutation({
    mutationFn: () => api.post<ExportJob>('/api/exports', { entity: 'User' }, { headers: { 'idempotency-key': key } }),
    onSuccess: () => setKey(newIdempotencyKey()),
  });
  const jobId = start.data?.id;
  const job = useQuery({
    queryKey: ['users', 'export', jobId],
    queryFn: () => api.get<ExportJob>(`/api/exports/${jobId}`),
    enabled: jobId !== undefined,
    refetchInterval: (query) => (query.state.data && ['DONE', 'FAILED'].includes(query.state.data.status) ? false : 1000),
  });
  const download = useMutation({ mutationFn: () => downloadFile(`/api/exports/${jobId}/file`, `users-${jobId}.csv`) });
  const status = job.data ?? start.data;
  return (
    <Stack gap="xs" data-testid="export-users">
      <Group>
        <Button variant="light" onClick={() => start.mutate()} loading={start.isPending} disabled={status !== undefined && !['DONE', 'FAILED'].includes(status.status)}>
          Export users
        </Button>
        {status?.status === 'DONE' && (
          <Button onClick={() => download.mutate()} loading={download.isPending}>
            Download CSV
          </Button>
        )}
      </Group>
      <FormError error={start.error} />
      {job.error && <LoadError error={job.error} />}
      <FormError error={download.error} />
      {status && (
        <>
          <Progress value={STEP[status.status]} color={status.status === 'FAILED' ? 'red' : undefined} aria-label="Export progress" animated={status.status !== 'DONE' && status.status !== 'FAILED'} />
          <Text role="status" size="sm">
            {status.status === 'DONE'
              ? `Export ready: ${status.rowCount} users, ${status.sizeBytes} bytes.`
              : status.status === 'FAILED'
                ? `Export failed: ${status.error ?? 'no reason given'}.`
                : `Export ${status.status.toLowerCase()}…`}
          </Text>
        </>
      )}
    </Stack>
  );
}
