import { Alert, Button, Checkbox, Container, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { LoginResponse, SessionChoices } from '../../api/types';
import { useAuth } from '../../auth/auth-context';
import { PasswordField } from '../../components/password-field';
import { fieldError, FormError } from '../../forms/field-errors';
import { RoleSelection } from './role-selection';
import { rolesFromUrl } from './url-roles';

interface RoleStep {
  first: LoginResponse;
  roles: SessionChoices['roles'];
}

const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((name) => b.includes(name));

/**
 * Username and password; roles from `?roles=` when the URL names them, else fixed + default, or,
 * with "Select roles", a second step listing the user's roles (GET /api/me/session-choices with the
 * first session). A changed selection logs in again with it and ends the first session.
 */
export function LoginPage() {
  const { token, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const urlRoles = rolesFromUrl(search);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [selectRoles, setSelectRoles] = useState(false);
  const [roleStep, setRoleStep] = useState<RoleStep | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const finish = (response: LoginResponse) => {
    signIn(response);
    navigate(from, { replace: true });
  };

  const login = useMutation({
    mutationFn: async () => {
      const first = await api.post<LoginResponse>('/api/auth/login', { username, password, ...(urlRoles ? { roles: urlRoles } : {}) }, { token: null });
      if (urlRoles || !selectRoles) return { first, roles: null };
      const choices = await api.get<SessionChoices>('/api/me/session-choices', { token: first.accessToken });
      return { first, roles: choices.roles };
    },
    onSuccess: ({ first, roles }) => (roles ? setRoleStep({ first, roles }) : finish(first)),
  });

  const choose = useMutation({
    mutationFn: async ({ step, selected }: { step: RoleStep; selected: string[] }) => {
      const defaults = step.roles.filter((r) => !r.fixed && r.default).map((r) => r.name);
      if (sameNames(selected, defaults)) return step.first;
      const chosen = await api.post<LoginResponse>('/api/auth/login', { username, password, roles: selected }, { token: null });
      await api.post('/api/auth/logout', undefined, { token: step.first.accessToken }).catch(() => undefined);
      return chosen;
    },
    onSuccess: finish,
  });

  if (token && !login.isPending && !choose.isPending && !roleStep) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} size="h2" mb="md">
        Log in
      </Title>
      <Paper withBorder p="lg" radius="md">
        {roleStep ? (
          <RoleSelection roles={roleStep.roles} pending={choose.isPending} error={choose.error} onConfirm={(selected) => choose.mutate({ step: roleStep, selected })} />
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <TextInput label="Username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.currentTarget.value)} error={fieldError(login.error, 'username')} />
              <PasswordField label="Password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(login.error, 'password')} />
              {urlRoles ? (
                <Alert color={fieldError(login.error, 'roles') ? 'red' : 'blue'} title="Roles from the link" role={fieldError(login.error, 'roles') ? 'alert' : undefined}>
                  <Text size="sm" data-testid="url-roles">{urlRoles.join(', ') || 'none besides the fixed ones'}</Text>
                  {fieldError(login.error, 'roles') && <Text size="sm">{fieldError(login.error, 'roles')}</Text>}
                </Alert>
              ) : (
                <Checkbox label="Select roles" checked={selectRoles} onChange={(e) => setSelectRoles(e.currentTarget.checked)} />
              )}
              <FormError error={login.error} fields={['username', 'password', 'roles']} />
              <Button type="submit" loading={login.isPending}>
                Log in
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Container>
  );
}
