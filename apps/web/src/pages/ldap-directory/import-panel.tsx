import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { FormError, LoadError } from '../../forms/field-errors';
import { userKeys } from '../users/users-api';
import { ImportJob, isFinished, ldapPath, useImportJob } from './ldap-api';

const STATUS_COLORS: Record<ImportJob['status'], string> = { QUEUED: 'gray', RUNNING: 'blue', DONE: 'green', FAILED: 'red' };

/** One job's status and counts, polled until it ends; a failed one lists every refused entry. */
function ImportProgress({ organizationId, importId }: { organizationId: string; importId: string }) {
  const queryClient = useQueryClient();
  const job = useImportJob(organizationId, importId);
  const finished = isFinished(job.data);
  // The users it created, updated or disabled show in the users pages.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: userKeys.all });
  }, [finished, queryClient]);
  if (job.error) return <LoadError error={job.error} />;
  if (!job.data) return <Text>Loading…</Text>;
  const { status, progress, errors } = job.data;
  return (
    <Stack gap="xs" data-testid="ldap-import">
      <Alert color={STATUS_COLORS[status]} role="status" title={`Import ${status}`}>
        {progress.processed} of {progress.total} entries checked; created {progress.created}, updated {progress.updated}, disabled {progress.disabled}.
        {status === 'FAILED' && ' Nothing was changed.'}
      </Alert>
      {errors.length > 0 && (
        <Table withTableBorder data-testid="ldap-import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Entry</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((problem, index) => (
              <Table.Tr key={index}>
                <Table.Td>{problem.dn ?? 'The whole import'}</Table.Td>
                <Table.Td>{problem.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** "Import now": queues an import of the saved configuration and follows it. */
export function ImportPanel({ organizationId }: { organizationId: string }) {
  const start = useMutation({ mutationFn: () => api.post<ImportJob>(`${ldapPath(organizationId)}/imports`, {}) });
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Creates and updates the directory&apos;s users and disables those whose entry is gone. Any bad entry fails the whole import, and then nothing changes.
      </Text>
      <Group>
        <Button variant="outline" onClick={() => start.mutate()} loading={start.isPending}>
          Import now
        </Button>
      </Group>
      <FormError error={start.error} />
      {start.data && <ImportProgress key={start.data.id} organizationId={organizationId} importId={start.data.id} />}
    </Stack>
  );
}
