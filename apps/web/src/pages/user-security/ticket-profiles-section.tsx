import { Button, Table, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { EditableListSection } from '../../components/editable-list-section';
import { EditorCard } from '../../components/editor-card';
import { QueryResult } from '../../components/query-result';
import { fieldError, FormError } from '../../forms/field-errors';
import { TicketRoleCheckboxes } from './ticket-role-checkboxes';
import { TicketSecurityProfile, userSecurityKeys, useTicketProfiles } from './user-security-api';

/** New (POST) or changed (PATCH) tickets security profile: a name matched against CRM profiles, and its roles. */
function ProfileForm({ profile, onDone }: { profile: TicketSecurityProfile | null; onDone(): void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(profile?.name ?? '');
  const [description, setDescription] = useState(profile?.description ?? '');
  const [roleIds, setRoleIds] = useState<string[]>(profile?.roleIds ?? []);
  const save = useMutation({
    mutationFn: () => {
      const body = { name, description: description.trim() ? description : null, roleIds };
      return profile ? api.patch(`/api/tickets/security-profiles/${profile.id}`, body) : api.post('/api/tickets/security-profiles', body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userSecurityKeys.profiles });
      onDone();
    },
  });
  const title = profile ? `Edit profile ${profile.name}` : 'New tickets security profile';
  return (
    <EditorCard title={title} submitLabel={profile ? 'Save profile' : 'Create profile'} pending={save.isPending} onSubmit={() => save.mutate()} onCancel={onDone}>
      <TextInput label="Profile name" description="Users whose CRM security profile has exactly this name get its roles." required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(save.error, 'name')} />
      <Textarea label="Profile description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(save.error, 'description')} />
      <TicketRoleCheckboxes label="Profile roles" value={roleIds} onChange={setRoleIds} error={fieldError(save.error, 'roleIds')} />
      <FormError error={save.error} fields={['name', 'description', 'roleIds']} />
    </EditorCard>
  );
}

/** Tickets security profiles: named sets of tickets roles that new users get by their CRM profile's name. */
export function TicketProfilesSection() {
  const profiles = useTicketProfiles();
  return (
    <EditableListSection<TicketSecurityProfile> headingId="ticket-profiles-title" title="Tickets security profiles" addLabel="New profile" editor={(profile, done) => <ProfileForm profile={profile} onDone={done} />}>
      {(edit) => (
        <QueryResult query={profiles}>
          {(data) => (
            <Table striped data-testid="ticket-profiles">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Description</Table.Th>
                  <Table.Th>Roles</Table.Th>
                  <Table.Th>Action</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((profile) => (
                  <Table.Tr key={profile.id}>
                    <Table.Td>{profile.name}</Table.Td>
                    <Table.Td>{profile.description}</Table.Td>
                    <Table.Td>{profile.roles.join(', ')}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => edit(profile)} aria-label={`Edit profile ${profile.name}`}>
                        Edit
                      </Button>
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
