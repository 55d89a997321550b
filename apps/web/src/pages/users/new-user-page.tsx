import { Anchor, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { canSee } from '../../auth/access';
import { useAccess } from '../../auth/access-context';
import { createBody, emptyUserForm } from './user-form-values';
import { UserForm } from './user-form';
import { maySetSecurityProfiles, User, userKeys } from './users-api';

/** POST /api/users with every field; the API's refusals beside the fields they name. */
export function NewUserPage() {
  const access = useAccess();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => emptyUserForm(access.me.organizationId));
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: () =>
      api.post<User>('/api/users', createBody(values, maySetSecurityProfiles(access), canSee(access, 'Group')), { headers: { 'idempotency-key': key } }),
    onSuccess: (user) => {
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void navigate(`/users/${user.id}`, { state: { created: true } });
    },
  });
  return (
    <Stack>
      <Anchor component={Link} to="/users" size="sm">
        ← Users
      </Anchor>
      <Title order={2}>New user</Title>
      <UserForm mode="create" values={values} onChange={setValues} onSubmit={() => create.mutate()} error={create.error} pending={create.isPending} />
    </Stack>
  );
}
