import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { FormError } from '../../forms/field-errors';
import { ApiKeyIssued } from './users-api';

/**
 * "Generate API key": the answer holds the key once (only its hash is kept), so it is shown here
 * with a copy button and a plain warning, and is gone when the page is left.
 */
export function ApiKeyPanel({ userId, username }: { userId: string; username: string }) {
  const generate = useMutation({ mutationFn: () => api.post<ApiKeyIssued>(`/api/users/${encodeURIComponent(userId)}/api-key`, {}) });
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="light" onClick={() => generate.mutate()} loading={generate.isPending}>
          Generate API key
        </Button>
        <Text size="sm" c="dimmed">
          A new key replaces {username}'s key for this organization.
        </Text>
      </Group>
      <FormError error={generate.error} />
      {generate.data && (
        <Alert color="red" title="Copy the key now: you will not see it again" role="status" data-testid="api-key">
          <Stack gap="xs">
            <Code block aria-label="API key">
              {generate.data.apiKey}
            </Code>
            <CopyButton value={generate.data.apiKey}>
              {({ copied, copy }) => (
                <Button size="xs" w="fit-content" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? 'Copied' : 'Copy the key'}
                </Button>
              )}
            </CopyButton>
            <Text size="sm">Only a hash of it is kept. Clients send it in the X-API-Key header.</Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
