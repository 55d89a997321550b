import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { RefusalWithWhy } from '../../components/why-refused';
import { WhoCanSeePanel } from '../../components/who-can-see';
import { fieldError } from '../../forms/field-errors';
import { branchOf, Unit, unitKeys } from './business-units-api';

function useUnitChange<T>(call: () => Promise<T>, onDone?: (unit: T) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (unit) => {
      void queryClient.invalidateQueries({ queryKey: unitKeys.all });
      // Users' pickers list units too.
      void queryClient.invalidateQueries({ queryKey: ['users', 'choices'] });
      onDone?.(unit);
    },
  });
}

function PanelForm({ label, onSubmit, children }: { label: string; onSubmit(): void; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} aria-label={label} noValidate>
      <Stack gap="xs">{children}</Stack>
    </form>
  );
}

function RenameUnit({ unit }: { unit: Unit }) {
  const [name, setName] = useState(unit.name);
  const rename = useUnitChange(() => api.patch<Unit>(`/api/business-units/${unit.id}`, { name }));
  return (
    <PanelForm label="Rename" onSubmit={() => rename.mutate()}>
      <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(rename.error, 'name')} />
      <RefusalWithWhy error={rename.error} fields={['name']} entity="BusinessUnit" action="EDIT" recordId={unit.id} />
      {rename.isSuccess && <Text role="status">Renamed.</Text>}
      <Button type="submit" variant="light" w="fit-content" loading={rename.isPending}>
        Rename
      </Button>
    </PanelForm>
  );
}

function AddChild({ unit, onCreated }: { unit: Unit; onCreated(id: string): void }) {
  const [name, setName] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useUnitChange(
    () => api.post<Unit>('/api/business-units', { name, organizationId: unit.organizationId, parentId: unit.id }, { headers: { 'idempotency-key': key } }),
    (created) => {
      setName('');
      setKey(newIdempotencyKey());
      onCreated(created.id);
    },
  );
  return (
    <PanelForm label="New unit below" onSubmit={() => create.mutate()}>
      <TextInput label={`New unit below ${unit.name}`} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(create.error, 'name')} />
      <RefusalWithWhy error={create.error} fields={['name']} entity="BusinessUnit" action="CREATE" />
      <Button type="submit" variant="light" w="fit-content" loading={create.isPending}>
        Create unit
      </Button>
    </PanelForm>
  );
}

function MoveUnit({ unit, units }: { unit: Unit; units: Unit[] }) {
  const branch = branchOf(units, unit.id);
  const [parentId, setParentId] = useState<string | null>(null);
  const move = useUnitChange(
    () => api.post<Unit>(`/api/business-units/${unit.id}/move`, { parentId: parentId ?? '' }),
    () => setParentId(null),
  );
  const options = units.filter((u) => !branch.has(u.id) && u.id !== unit.parentId).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }));
  return (
    <PanelForm label="Move" onSubmit={() => move.mutate()}>
      <Select label="Move below" placeholder="Pick the new parent" required data={options} value={parentId} onChange={setParentId} searchable error={fieldError(move.error, 'parentId')} />
      <RefusalWithWhy error={move.error} fields={['parentId']} entity="BusinessUnit" action="EDIT" recordId={unit.id} />
      {move.isSuccess && <Text role="status">Moved.</Text>}
      <Button type="submit" variant="light" w="fit-content" loading={move.isPending}>
        Move
      </Button>
    </PanelForm>
  );
}

/** The selected unit and what the session's roles let it do with it. */
export function UnitPanel({ unit, units, mayCreate, mayEdit, onSelect }: { unit: Unit; units: Unit[]; mayCreate: boolean; mayEdit: boolean; onSelect(id: string): void }) {
  const parent = units.find((u) => u.id === unit.parentId);
  return (
    <Paper withBorder p="md" data-testid="unit-panel">
      <Stack>
        <Title order={3}>{unit.name}</Title>
        <Group gap="xs">
          <Text size="sm">{parent ? `Below ${parent.name}` : unit.parentId ? 'Below a unit out of your reach' : 'The root of the organization'}</Text>
        </Group>
        {mayEdit && <RenameUnit key={`rename-${unit.id}`} unit={unit} />}
        {mayCreate && <AddChild key={`add-${unit.id}`} unit={unit} onCreated={onSelect} />}
        {mayEdit && unit.parentId !== null && <MoveUnit key={`move-${unit.id}`} unit={unit} units={units} />}
        <WhoCanSeePanel key={`who-${unit.id}`} entity="BusinessUnit" recordId={unit.id} headingOrder={4} />
      </Stack>
    </Paper>
  );
}
