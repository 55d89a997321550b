import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { asApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { canSee } from '../../auth/access';
import { useAccess } from '../../auth/access-context';
import { RefusalWithWhy } from '../../components/why-refused';
import { WhoCanSeePanel } from '../../components/who-can-see';
import { fieldError } from '../../forms/field-errors';
import { FieldPermissionGrid } from './field-permission-grid';
import { PermissionGrid } from './permission-grid';
import { RoleConfigurationSection } from './role-configuration-section';
import { bodyOf, cellErrors, draftOf, emptyDraft, RoleDraft } from './role-draft';
import { roleRights } from './role-rights';
import { Catalogue, Role, RoleKind, roleKeys, useCatalogue, useOrganizations, useRole } from './roles-api';

const FORM_FIELDS = ['name', 'label', 'readOnly', 'organizationId', 'priority'];

/** The record a "Why?" may name: explain takes Role records only. */
const recordOf = (kind: RoleKind, id: string | undefined): string | undefined => (kind.entity === 'Role' ? id : undefined);

/** "No one grants more than they hold": the API names the gaps, shown beside the grid. */
function EscalationRefusal({ error }: { error: unknown }) {
  if (!error || asApiError(error).code !== 'ESCALATION_DENIED') return null;
  return (
    <Alert color="red" role="alert" title="Beyond your own grants" data-testid="escalation-refusal">
      {asApiError(error).message}
    </Alert>
  );
}

/** Everything but the grid's refusal and the messages already beside their inputs and cells. */
function OtherRefusal({ error, kind, role }: { error: unknown; kind: RoleKind; role: Role | undefined }) {
  if (!error || asApiError(error).code === 'ESCALATION_DENIED') return null;
  const problem = asApiError(error);
  const besideCells = (field: string) => /^(permissions|fieldPermissions|capabilities)\./.test(field);
  return <RefusalWithWhy error={error} fields={[...FORM_FIELDS, ...Object.keys(problem.fieldErrors).filter(besideCells)]} entity={kind.entity} action={role ? 'EDIT' : 'CREATE'} recordId={recordOf(kind, role?.id)} />;
}

/** The organization a new identity role belongs to; it cannot change later. */
function OrganizationPicker({ draft, setDraft, error }: { draft: RoleDraft; setDraft(d: RoleDraft): void; error: string | undefined }) {
  const organizations = useOrganizations(true);
  const data = [
    { value: 'session', label: 'This session’s organization' },
    { value: '', label: 'System-wide (needs GLOBAL)' },
    ...(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <NativeSelect
      label="Organization"
      description="Where the role can be given; it cannot move later."
      data={data}
      value={draft.organizationId ?? 'session'}
      error={error}
      onChange={(event) => setDraft({ ...draft, organizationId: event.currentTarget.value === 'session' ? undefined : event.currentTarget.value })}
    />
  );
}

function DeleteRole({ kind, role }: { kind: RoleKind; role: Role }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [asked, setAsked] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(`${kind.api}/${role.id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roleKeys.all(kind) });
      void navigate('/roles');
    },
  });
  return (
    <Stack gap="xs">
      {asked ? (
        <Group>
          <Text>Delete {role.name}?</Text>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            Yes, delete
          </Button>
          <Button variant="default" onClick={() => setAsked(false)}>
            Keep it
          </Button>
        </Group>
      ) : (
        <Button color="red" variant="outline" w="fit-content" onClick={() => setAsked(true)}>
          Delete role
        </Button>
      )}
      <RefusalWithWhy error={remove.error} entity={kind.entity} action="DELETE" recordId={recordOf(kind, role.id)} />
    </Stack>
  );
}

function RoleForm({ kind, catalogue, role }: { kind: RoleKind; catalogue: Catalogue; role: Role | undefined }) {
  const access = useAccess();
  const rights = roleRights(access, kind);
  const builtIn = role?.name === kind.builtIn;
  const editable = role ? rights.edit && !builtIn : rights.create;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<RoleDraft>(() => (role ? draftOf(role) : emptyDraft()));
  const [sent, setSent] = useState<{ cells: string[]; fieldCells: string[] }>({ cells: [], fieldCells: [] });
  const save = useMutation({
    mutationFn: () => {
      const { body, cells, fieldCells } = bodyOf(draft, catalogue, kind.hasOrganization && !role, kind.hasOrganization);
      setSent({ cells, fieldCells });
      return role ? api.put<Role>(`${kind.api}/${role.id}`, body) : api.post<Role>(kind.api, body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: roleKeys.all(kind) });
      // A change to a role the session holds changes what the session may do.
      void queryClient.invalidateQueries({ queryKey: ['session'] });
      if (!role) void navigate(`${kind.path}/${saved.id}`);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const errors = cellErrors(save.error, sent.cells, 'permissions');
  const fieldErrors = cellErrors(save.error, sent.fieldCells, 'fieldPermissions');
  const capabilityErrors = save.error ? Object.entries(asApiError(save.error).fieldErrors).filter(([field]) => field.startsWith('capabilities')) : [];
  const setLevel = (key: string, level: string) => setDraft((d) => ({ ...d, levels: { ...d.levels, [key]: level } }));
  const setFieldLevel = (key: string, level: string) => setDraft((d) => ({ ...d, fieldLevels: { ...d.fieldLevels, [key]: level } }));
  return (
    <Stack gap="lg">
      <form onSubmit={onSubmit} aria-label={role ? `Edit ${role.name}` : 'New role'}>
        <Stack gap="lg">
          <Group align="flex-start" grow>
            <TextInput label="Name" required readOnly={!editable} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={fieldError(save.error, 'name')} />
            <TextInput label="Label" readOnly={!editable} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })} error={fieldError(save.error, 'label')} />
          </Group>
          {kind.hasOrganization && !role && canSee(access, 'Organization') && (
            <OrganizationPicker draft={draft} setDraft={setDraft} error={fieldError(save.error, 'organizationId')} />
          )}
          {kind.hasOrganization && (
            <NumberInput
              label="Priority"
              description="Orders the configurations of a session's roles: the highest priority wins (-1000 to 1000)."
              w={320}
              min={-1000}
              max={1000}
              allowDecimal={false}
              readOnly={!editable}
              value={draft.priority}
              onChange={(value) => setDraft({ ...draft, priority: typeof value === 'number' ? value : '' })}
              error={fieldError(save.error, 'priority')}
            />
          )}
          <Switch
            label="Read-only role (only its VIEW grants count)"
            checked={draft.readOnly}
            disabled={!editable}
            onChange={(e) => setDraft({ ...draft, readOnly: e.currentTarget.checked })}
            error={fieldError(save.error, 'readOnly')}
          />
          <PermissionGrid catalogue={catalogue} levels={draft.levels} errors={errors} editable={editable} onChange={setLevel} />
          <EscalationRefusal error={save.error} />
          <Checkbox.Group
            label="Capabilities"
            value={draft.capabilities}
            onChange={(capabilities) => setDraft({ ...draft, capabilities })}
            error={capabilityErrors.map(([, message]) => message).join('; ') || undefined}
          >
            <Group mt="xs">
              {catalogue.capabilities.map((capability) => (
                <Checkbox key={capability} value={capability} label={capability} disabled={!editable} />
              ))}
            </Group>
          </Checkbox.Group>
          {catalogue.entities
            .filter((entity) => entity.fieldAcl)
            .map((entity) => (
              <FieldPermissionGrid key={entity.name} entity={entity} fieldLevels={draft.fieldLevels} errors={fieldErrors} editable={editable} onChange={setFieldLevel} />
            ))}
          <OtherRefusal error={save.error} kind={kind} role={role} />
          {save.isSuccess && role && <Text role="status">Saved {save.data.name}.</Text>}
          {editable && (
            <Button type="submit" loading={save.isPending} w="fit-content">
              {role ? 'Save role' : 'Create role'}
            </Button>
          )}
        </Stack>
      </form>
      {builtIn && <Text c="dimmed">{kind.builtIn} is built in: it keeps every grant and cannot be changed or deleted.</Text>}
      {/* The built-in role may carry a configuration too: changing it is not changing its grants. */}
      {role && kind.kind === 'crm' && rights.edit && <RoleConfigurationSection roleId={role.id} />}
      {role && rights.delete && !builtIn && <DeleteRole kind={kind} role={role} />}
    </Stack>
  );
}

/** A role of either kind, new or existing, edited as the permission grid. */
export function RoleEditorPage({ kind }: { kind: RoleKind }) {
  const { id } = useParams();
  const catalogue = useCatalogue(kind);
  const role = useRole(kind, id);
  const problem = catalogue.error ?? role.error;
  return (
    <Stack>
      <Anchor component={Link} to="/roles">
        ← Roles
      </Anchor>
      <Title order={2}>{id ? `${kind.title}: ${role.data?.name ?? '…'}` : `New ${kind.noun}`}</Title>
      {role.data && (
        <Text c="dimmed" size="sm">
          Held by {role.data.userCount} user(s). Saving replaces the whole definition.
        </Text>
      )}
      {problem ? <RefusalWithWhy error={problem} entity={kind.entity} action="VIEW" /> : !catalogue.data || (id && !role.data) ? <Text>Loading…</Text> : <RoleForm key={id ?? 'new'} kind={kind} catalogue={catalogue.data} role={role.data} />}
      {id && kind.entity === 'Role' && role.data && <WhoCanSeePanel entity="Role" recordId={id} />}
    </Stack>
  );
}
