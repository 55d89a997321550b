import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { canSee } from '../../auth/access';
import { useAccess } from '../../auth/access-context';
import { QueryResult } from '../../components/query-result';
import { fieldError, FormError, LoadError } from '../../forms/field-errors';
import { featureLabel, portalAccessKeys, useAccessProfiles, UserAccess, useUserAccess, useUserSearch } from './portal-access-api';

/** Finds a user by text when the session may list users; otherwise takes the user's id. */
function UserPicker({ onPick }: { onPick(id: string | null): void }) {
  const access = useAccess();
  const listable = canSee(access, 'User');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState('');
  const users = useUserSearch(q, listable);
  if (!listable) {
    return <TextInput label="User id" value={picked} onChange={(e) => setPicked(e.currentTarget.value)} onBlur={() => onPick(picked.trim() || null)} />;
  }
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.username} (${u.firstName} ${u.lastName})` }));
  return (
    <Group align="flex-end" grow>
      <TextInput label="Find a user" description="Username, name or email" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <NativeSelect
        label="User"
        data={[{ value: '', label: options.length ? 'Pick a user' : 'No user matches' }, ...options]}
        value={picked}
        onChange={(e) => {
          setPicked(e.currentTarget.value);
          onPick(e.currentTarget.value || null);
        }}
      />
    </Group>
  );
}

function AccessForm({ current }: { current: UserAccess }) {
  const queryClient = useQueryClient();
  const profiles = useAccessProfiles();
  const [profile, setProfile] = useState(current.profile);
  const chosen = profiles.data?.items.find((p) => p.name === profile);
  const done = (saved: UserAccess) => {
    queryClient.setQueryData(portalAccessKeys.user(current.userId), saved);
    setProfile(saved.profile);
  };
  const save = useMutation({ mutationFn: () => api.put<UserAccess>(`/api/portal/users/${current.userId}/access`, { profile }), onSuccess: done });
  const reset = useMutation({ mutationFn: () => api.delete<UserAccess>(`/api/portal/users/${current.userId}/access`), onSuccess: done });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const last = save.submittedAt >= reset.submittedAt ? save : reset;
  return (
    <form onSubmit={onSubmit} aria-label="The user's portal access">
      <Stack>
        <Text data-testid="current-access">
          Now: {current.profile}
          {current.enabled ? '' : ' (user disabled: no features open)'}. Opens {current.features.filter((f) => f.enabled).map((f) => f.label).join(', ') || 'nothing'}.
        </Text>
        <NativeSelect
          label="Profile"
          data={(profiles.data?.items ?? []).map((p) => p.name)}
          value={profile}
          onChange={(e) => setProfile(e.currentTarget.value)}
          error={fieldError(save.error, 'profile')}
        />
        {chosen && (
          <Card withBorder data-testid="profile-description">
            <Text>{chosen.description}</Text>
            <Text size="sm" c="dimmed">
              Features: {chosen.features.map(featureLabel).join(', ') || 'none'}
            </Text>
          </Card>
        )}
        {profiles.error && <LoadError error={profiles.error} />}
        <FormError error={last.error} fields={['profile']} />
        {last.isSuccess && <Text role="status">Saved: {last.data.profile}.</Text>}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save access
          </Button>
          <Button variant="default" loading={reset.isPending} onClick={() => reset.mutate()}>
            Remove access (back to the minimum)
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A user's portal access: pick the user, pick a profile (its description shown), save or remove. */
export function UserAccessSection() {
  const [userId, setUserId] = useState<string | null>(null);
  const current = useUserAccess(userId);
  return (
    <section aria-labelledby="user-access-title">
      <Stack>
        <Title order={3} id="user-access-title">
          A user&apos;s access
        </Title>
        <UserPicker onPick={setUserId} />
        {userId && <QueryResult query={current}>{(data) => <AccessForm key={userId} current={data} />}</QueryResult>}
      </Stack>
    </section>
  );
}
