import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { RefusalWithWhy } from '../../components/why-refused';
import { PasswordResetsDone, User, userKeys } from './users-api';

/** One account action (enable, disable, activate, reset) with its refusal beside its button. */
function useAccountAction(user: User, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>(`/api/users/${encodeURIComponent(user.id)}/${path}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Enable or disable, activate a locked user, reset the password (a one-time link is mailed; not a directory user's). */
export function UserAccountActions({ user }: { user: User }) {
  const toggle = useAccountAction(user, user.enabled ? 'disable' : 'enable');
  const activate = useAccountAction(user, 'activate');
  const reset = useAccountAction(user, 'password-reset');
  const resetDone = reset.data as PasswordResetsDone | undefined;
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="light" color={user.enabled ? 'red' : 'green'} onClick={() => toggle.mutate()} loading={toggle.isPending}>
          {user.enabled ? 'Disable' : 'Enable'}
        </Button>
        {user.authStatus === 'LOCKED' && (
          <Button variant="light" onClick={() => activate.mutate()} loading={activate.isPending}>
            Activate
          </Button>
        )}
        {user.passwordManagedByDirectory ? (
          // The API refuses it (409 PASSWORD_MANAGED_BY_DIRECTORY): not offered.
          <Text size="sm" data-testid="password-managed">
            Password managed by the LDAP directory
          </Text>
        ) : (
          <Button variant="light" onClick={() => reset.mutate()} loading={reset.isPending}>
            Reset password
          </Button>
        )}
      </Group>
      <RefusalWithWhy error={toggle.error} entity="User" action="EDIT" recordId={user.id} />
      <RefusalWithWhy error={activate.error} entity="User" action="EDIT" recordId={user.id} />
      <RefusalWithWhy error={reset.error} entity="User" action="EDIT" recordId={user.id} />
      {toggle.data !== undefined && <Text role="status">{(toggle.data as User).enabled ? 'Enabled.' : 'Disabled: its sessions were ended.'}</Text>}
      {activate.isSuccess && <Text role="status">Activated: the user may log in again.</Text>}
      {resetDone && (
        <Text role="status">
          Password reset: a one-time link was mailed, valid until {new Date(resetDone.items[0].resetLinkExpiresAt).toLocaleString()}.
        </Text>
      )}
    </Stack>
  );
}
