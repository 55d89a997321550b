import { Button, Paper, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { QueryResult } from '../../components/query-result';
import { RefusalWithWhy } from '../../components/why-refused';
import { configurationKeys, RoleConfiguration, SettingValues, useRoleConfiguration } from '../../configuration/configuration-api';
import { LayerValuesForm } from '../../configuration/layer-values-form';
import { SETTING_KEYS } from '../../configuration/setting-definitions';

function RoleConfigurationForm({ configuration }: { configuration: RoleConfiguration }) {
  const queryClient = useQueryClient();
  const id = configuration.roleId;
  const done = (saved: RoleConfiguration) => {
    queryClient.setQueryData(configurationKeys.role(id), saved);
    // The session may hold this role: its own resolution changes.
    void queryClient.invalidateQueries({ queryKey: configurationKeys.mine });
  };
  const save = useMutation({ mutationFn: (values: SettingValues) => api.put<RoleConfiguration>(`/api/roles/${id}/configuration`, values), onSuccess: done });
  const remove = useMutation({
    mutationFn: () => api.delete<RoleConfiguration>(`/api/roles/${id}/configuration`),
    onSuccess: (saved) => {
      done(saved);
      save.reset();
    },
  });
  return (
    <LayerValuesForm
      // A new form once the role carries none (or one again), so that its inputs show the stored values.
      key={String(configuration.configured)}
      title="Configuration"
      intro={
        <Text size="sm" data-testid="role-configuration-state">
          {configuration.configured ? 'This role carries a configuration: it applies in every session where the role is active.' : 'This role carries no configuration: it adds no layer.'}
        </Text>
      }
      values={configuration.values}
      unsetHint="a lower-priority role's, the organization's or the system's value"
      submitLabel="Save configuration"
      pending={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      onSave={(values) => save.mutate(values)}
      refusal={<RefusalWithWhy error={save.error ?? remove.error} fields={SETTING_KEYS} entity="Role" action="EDIT" recordId={id} />}
    >
      {configuration.configured && (
        <Button color="red" variant="outline" loading={remove.isPending} onClick={() => remove.mutate()}>
          Remove configuration
        </Button>
      )}
    </LayerValuesForm>
  );
}

/** The settings a CRM role brings to the sessions where it is active (README "Configuration by role"). */
export function RoleConfigurationSection({ roleId }: { roleId: string }) {
  const configuration = useRoleConfiguration(roleId);
  return (
    <Paper withBorder p="md" data-testid="role-configuration">
      <QueryResult query={configuration}>{(data) => <RoleConfigurationForm configuration={data} />}</QueryResult>
    </Paper>
  );
}
