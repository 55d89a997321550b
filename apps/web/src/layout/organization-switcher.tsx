import { Button, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api } from '../api/client';
import { LoginResponse } from '../api/types';
import { useAccess } from '../auth/access-context';
import { useAuth } from '../auth/auth-context';
import { useSessionChoices } from '../auth/session-queries';
import { PasswordField } from '../components/password-field';
import { fieldError, FormError } from '../forms/field-errors';

/**
 * The session's organization, and for members of several a switch. The API has no token-based
 * switch: a session belongs to one organization, so switching logs in again (password asked) with
 * `organizationId`, then ends the old session.
 */
export function OrganizationSwitcher() {
  const { me } = useAccess();
  const { token, signIn } = useAuth();
  const choices = useSessionChoices();
  const [target, setTarget] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const organizations = choices.data?.organizations ?? [];
  const current = organizations.find((o) => o.id === me.organizationId);

  const switchTo = useMutation({
    mutationFn: async (organizationId: string) => {
      const response = await api.post<LoginResponse>('/api/auth/login', { username: me.username, password, organizationId }, { token: null });
      await api.post('/api/auth/logout', undefined, { token }).catch(() => undefined);
      return response;
    },
    onSuccess: (response) => {
      setTarget(null);
      setPassword('');
      signIn(response);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target) switchTo.mutate(target);
  };

  if (organizations.length <= 1) {
    return (
      <Text size="sm" data-testid="organization">
        Organization: {current?.name ?? '…'}
      </Text>
    );
  }
  return (
    <>
      <NativeSelect
        size="xs"
        label="Organization"
        data-testid="organization"
        value={me.organizationId ?? ''}
        data={organizations.map((o) => ({ value: o.id, label: o.name }))}
        onChange={(event) => setTarget(event.currentTarget.value === me.organizationId ? null : event.currentTarget.value)}
      />
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={`Switch to ${organizations.find((o) => o.id === target)?.name ?? ''}`}>
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">A session belongs to one organization: confirm your password to start one there.</Text>
            <PasswordField label="Password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(switchTo.error, 'password')} data-autofocus />
            <FormError error={switchTo.error} fields={['password']} />
            <Button type="submit" loading={switchTo.isPending}>
              Switch organization
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
