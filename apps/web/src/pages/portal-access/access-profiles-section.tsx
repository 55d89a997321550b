import { Badge, Button, Checkbox, Group, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { EditableListSection } from '../../components/editable-list-section';
import { EditorCard } from '../../components/editor-card';
import { QueryResult } from '../../components/query-result';
import { fieldError, FormError } from '../../forms/field-errors';
import { AccessProfile, FEATURES, featureLabel, portalAccessKeys, useAccessProfiles } from './portal-access-api';

/** Add (POST) or update (PATCH) an access profile: its name, description and the features it opens. */
function ProfileForm({ profile, onDone }: { profile: AccessProfile | null; onDone(): void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(profile?.name ?? '');
  const [description, setDescription] = useState(profile?.description ?? '');
  const [features, setFeatures] = useState<string[]>(profile?.features ?? []);
  const save = useMutation({
    mutationFn: () => {
      const body = { name, description, features };
      return profile ? api.patch(`/api/portal/access-profiles/${profile.id}`, body) : api.post('/api/portal/access-profiles', body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: portalAccessKeys.all });
      onDone();
    },
  });
  const title = profile ? `Update ${profile.name}` : 'Add an access profile';
  return (
    <EditorCard title={title} submitLabel={profile ? 'Save profile' : 'Add profile'} pending={save.isPending} onSubmit={() => save.mutate()} onCancel={onDone}>
      <TextInput label="Profile name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(save.error, 'name')} />
      <Textarea label="Description" required value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(save.error, 'description')} />
      <Checkbox.Group label="Features" value={features} onChange={setFeatures} error={fieldError(save.error, 'features')}>
        <Group mt="xs">
          {FEATURES.map((f) => (
            <Checkbox key={f.key} value={f.key} label={f.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <FormError error={save.error} fields={['name', 'description', 'features']} />
    </EditorCard>
  );
}

function RemoveProfile({ profile }: { profile: AccessProfile }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/portal/access-profiles/${profile.id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalAccessKeys.all }),
  });
  return (
    <Stack gap={4}>
      <Button size="xs" color="red" variant="light" loading={remove.isPending} onClick={() => remove.mutate()} aria-label={`Remove ${profile.name}`}>
        Remove
      </Button>
      <FormError error={remove.error} />
    </Stack>
  );
}

/** The portal's access profiles: read each one's description and features, add, update, remove (MINIMUM is built in). */
export function AccessProfilesSection() {
  const profiles = useAccessProfiles();
  return (
    <EditableListSection<AccessProfile> headingId="access-profiles-title" title="Access profiles" addLabel="Add profile" editor={(profile, done) => <ProfileForm profile={profile} onDone={done} />}>
      {(edit) => (
        <QueryResult query={profiles}>
          {(data) => (
            <Table striped data-testid="access-profiles">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Description</Table.Th>
                  <Table.Th>Features</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((profile) => (
                  <Table.Tr key={profile.id} data-profile={profile.name}>
                    <Table.Td>
                      {profile.name} {profile.builtIn && <Badge color="gray">built in</Badge>}
                    </Table.Td>
                    <Table.Td>{profile.description}</Table.Td>
                    <Table.Td>{profile.features.map(featureLabel).join(', ')}</Table.Td>
                    <Table.Td>
                      {!profile.builtIn && (
                        <Group gap="xs" align="flex-start">
                          <Button size="xs" variant="light" onClick={() => edit(profile)} aria-label={`Update ${profile.name}`}>
                            Update
                          </Button>
                          <RemoveProfile profile={profile} />
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryResult>
      )}
    </EditableListSection>
  );
}
