import { Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { QueryResult } from '../../components/query-result';
import { configurationKeys, MyConfiguration, myValues, SettingKey, SettingValues, useMyConfiguration } from '../../configuration/configuration-api';
import { LayerValuesForm } from '../../configuration/layer-values-form';
import { layerLabel, ResolvedSettingsTable } from '../../configuration/resolved-settings-table';
import { SETTING_KEYS } from '../../configuration/setting-definitions';
import { FormError } from '../../forms/field-errors';

/** What applies to a key the user does not set: the value in effect and its layer. */
const inheritedOf = (mine: MyConfiguration): Partial<Record<SettingKey, string>> =>
  Object.fromEntries(SETTING_KEYS.filter((key) => !mine.customized.includes(key)).map((key) => [key, `${mine.resolved[key].value} from ${layerLabel(mine.resolved[key])}`]));

/** The user's own values: PUT replaces them, so a cleared key falls back to the role, organization or default. */
function MyValuesForm({ mine }: { mine: MyConfiguration }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: SettingValues) => api.put<MyConfiguration>('/api/me/configuration', values),
    onSuccess: (saved) => queryClient.setQueryData(configurationKeys.mine, saved),
  });
  return (
    <LayerValuesForm
      title="Your values"
      values={myValues(mine)}
      inherited={inheritedOf(mine)}
      unsetHint="your roles', your organization's or the system's value"
      submitLabel="Save my settings"
      pending={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      onSave={(values) => save.mutate(values)}
      refusal={<FormError error={save.error} fields={SETTING_KEYS} />}
    />
  );
}

/** My settings: what applies to this session and from where, then the values the user sets. */
export function MySettingsPage() {
  const mine = useMyConfiguration();
  return (
    <Stack>
      <Title order={2}>My settings</Title>
      <Text size="sm" c="dimmed">
        A setting comes from the system default, your organization, your active roles (the highest priority wins), then your own value.
      </Text>
      <QueryResult query={mine}>
        {(data) => (
          <Stack gap="lg">
            <ResolvedSettingsTable resolved={data.resolved} />
            <MyValuesForm mine={data} />
          </Stack>
        )}
      </QueryResult>
    </Stack>
  );
}
