import { Grid, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { canSee } from '../../auth/access';
import { useAccess } from '../../auth/access-context';
import { useSessionChoices } from '../../auth/session-queries';
import { canAct } from '../../components/entity-action';
import { LoadError } from '../../forms/field-errors';
import { useOrganizations, useUnits } from './business-units-api';
import { UnitPanel } from './unit-panel';
import { UnitTree } from './unit-tree';

/** The business-unit tree of one organization: pick a unit, then rename it, add below it or move it. */
export function BusinessUnitsPage() {
  const access = useAccess();
  const seesOrganizations = canSee(access, 'Organization');
  const all = useOrganizations(seesOrganizations);
  const own = useSessionChoices();
  const organizations = (seesOrganizations ? all.data : own.data?.organizations) ?? [];
  const [organizationId, setOrganizationId] = useState<string | null>(access.me.organizationId);
  const [selected, setSelected] = useState<string | null>(null);
  const units = useUnits(organizationId);
  const unit = units.data?.find((u) => u.id === selected);

  return (
    <Stack>
      <Title order={2}>Business units</Title>
      {organizations.length > 1 && (
        <Select
          label="Organization"
          w={300}
          data={organizations.map((o) => ({ value: o.id, label: o.name }))}
          value={organizationId}
          onChange={(id) => {
            setOrganizationId(id);
            setSelected(null);
          }}
          allowDeselect={false}
        />
      )}
      {units.error && <LoadError error={units.error} />}
      {units.data && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            {units.data.length === 0 ? <Text>No unit of this organization is in your reach.</Text> : <UnitTree units={units.data} selected={selected} onSelect={setSelected} />}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {unit ? (
              <UnitPanel unit={unit} units={units.data} mayCreate={canAct(access, 'BusinessUnit', 'CREATE')} mayEdit={canAct(access, 'BusinessUnit', 'EDIT')} onSelect={setSelected} />
            ) : (
              <Text c="dimmed">Select a unit (click it, or move with the arrow keys and press Enter).</Text>
            )}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
