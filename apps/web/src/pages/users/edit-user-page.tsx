import { Anchor, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { QueryResult } from '../../components/query-result';
import { updateBody, UserFormValues, userFormOf } from './user-form-values';
import { UserForm } from './user-form';
import { User, userKeys, useUser } from './users-api';

function EditUser({ user }: { user: User }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [before] = useState<UserFormValues>(() => userFormOf(user));
  const [values, setValues] = useState<UserFormValues>(before);
  const save = useMutation({
    mutationFn: () => api.patch<User>(`/api/users/${encodeURIComponent(user.id)}`, updateBody(before, values)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void navigate(`/users/${user.id}`);
    },
  });
  return <UserForm mode="edit" values={values} onChange={setValues} onSubmit={() => save.mutate()} error={save.error} pending={save.isPending} />;
}

/** PATCH /api/users/:id with the fields that changed. */
export function EditUserPage() {
  const { id = '' } = useParams();
  const user = useUser(id);
  return (
    <Stack>
      <Anchor component={Link} to={`/users/${id}`} size="sm">
        ← Back to the user
      </Anchor>
      <Title order={2}>Edit {user.data?.username ?? 'user'}</Title>
      <QueryResult query={user}>{(data) => <EditUser user={data} />}</QueryResult>
    </Stack>
  );
}
