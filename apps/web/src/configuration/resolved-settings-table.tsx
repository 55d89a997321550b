import { Table } from '@mantine/core';
import type { ResolvedSetting, SettingKey } from './configuration-api';
import { SETTINGS } from './setting-definitions';

/** Where a value in effect comes from, in the words the page uses. */
export function layerLabel(resolved: ResolvedSetting): string {
  switch (resolved.layer) {
    case 'SYSTEM':
      return 'System default';
    case 'ORGANIZATION':
      return 'Organization';
    case 'ROLE':
      return `Role ${resolved.role?.name ?? ''}`.trim();
    case 'USER':
      return 'Your value';
  }
}

/** Every setting with the value the session works with and the layer it came from. */
export function ResolvedSettingsTable({ resolved }: { resolved: Record<SettingKey, ResolvedSetting> }) {
  return (
    <Table striped withTableBorder aria-label="Settings in effect" data-testid="resolved-settings">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Setting</Table.Th>
          <Table.Th scope="col">Value</Table.Th>
          <Table.Th scope="col">From</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {SETTINGS.filter((setting) => resolved[setting.key]).map((setting) => (
          <Table.Tr key={setting.key} data-testid={`resolved-${setting.key}`}>
            <Table.Th scope="row">{setting.label}</Table.Th>
            <Table.Td>{String(resolved[setting.key].value)}</Table.Td>
            <Table.Td>{layerLabel(resolved[setting.key])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
