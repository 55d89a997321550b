import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useAccess } from '../../auth/access-context';
import { useSessionChoices } from '../../auth/session-queries';
import { QueryResult } from '../../components/query-result';
import { RefusalWithWhy } from '../../components/why-refused';
import { configurationKeys, OrganizationConfiguration, SettingValues, useOrganizationConfiguration } from '../../configuration/configuration-api';
import { LayerValuesForm } from '../../configuration/layer-values-form';
import { SETTING_KEYS } from '../../configuration/setting-definitions';

/** The organization's values: PUT replaces them, so a cleared key falls back to the system default. */
function OrganizationValuesForm({ configuration }: { configuration: OrganizationConfiguration }) {
  const queryClient = useQueryClient();
  const id = configuration.organizationId;
  const save = useMutation({
    mutationFn: (values: SettingValues) => api.put<OrganizationConfiguration>(`/api/organizations/${id}/configuration`, values),
    onSuccess: (saved) => {
      queryClient.setQueryData(configurationKeys.organization(id), saved);
      // The session's own resolution has this layer under it.
      void queryClient.invalidateQueries({ queryKey: configurationKeys.mine });
    },
  });
  return (
    <LayerValuesForm
      title="Organization values"
      values={configuration.values}
      unsetHint="the system default"
      submitLabel="Save organization settings"
      pending={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      onSave={(values) => save.mutate(values)}
      refusal={<RefusalWithWhy error={save.error} fields={SETTING_KEYS} entity="Organization" action="EDIT" recordId={id} />}
    />
  );
}

function OrganizationSettings({ organizationId }: { organizationId: string }) {
  const configuration = useOrganizationConfiguration(organizationId);
  return <QueryResult query={configuration}>{(data) => <OrganizationValuesForm configuration={data} />}</QueryResult>;
}

/** Organization settings of the session's organization (switch organization to configure another). */
export function OrganizationSettingsPage() {
  const { me } = useAccess();
  const choices = useSessionChoices();
  const name = choices.data?.organizations.find((o) => o.id === me.organizationId)?.name;
  return (
    <Stack>
      <Title order={2}>Organization settings{name ? `: ${name}` : ''}</Title>
      <Text size="sm" c="dimmed">
        These values apply to everyone working in this organization, unless one of their roles or they themselves set another.
      </Text>
      {me.organizationId ? <OrganizationSettings organizationId={me.organizationId} /> : <Alert color="gray">This session belongs to no organization.</Alert>}
    </Stack>
  );
}
