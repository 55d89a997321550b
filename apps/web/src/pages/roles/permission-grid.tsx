import { NativeSelect, Table, Text } from '@mantine/core';
import { Catalogue, CatalogueEntity } from './roles-api';
import { cellKey } from './role-draft';

/** Every action some entity has, in the catalogue's order: the grid's columns. */
const columnsOf = (catalogue: Catalogue): string[] => [...new Set(catalogue.entities.flatMap((e) => e.actions))];

interface GridProps {
  catalogue: Catalogue;
  levels: Record<string, string>;
  /** The API's message per cell (`Entity|ACTION`). */
  errors: Record<string, string>;
  /** Without it the levels are shown as text: no picker the API would refuse. */
  editable: boolean;
  onChange(key: string, level: string): void;
}

function LevelCell({ entity, action, props }: { entity: CatalogueEntity; action: string; props: GridProps }) {
  const key = cellKey(entity.name, action);
  const level = props.levels[key] ?? 'NONE';
  if (!props.editable) return <Text size="sm">{level}</Text>;
  return (
    <NativeSelect
      size="xs"
      miw={132}
      aria-label={`${entity.name} ${action}`}
      data-cell={key}
      // Only what the entity's ownership allows: a finer level could not be decided on its records.
      data={entity.levels}
      value={level}
      error={props.errors[key]}
      onChange={(event) => props.onChange(key, event.currentTarget.value)}
    />
  );
}

/**
 * The permission grid: a row per entity of the catalogue, a column per action, in each cell a level
 * picker offering only the levels that entity's ownership allows; a blank cell is an action the
 * entity does not have.
 */
export function PermissionGrid(props: GridProps) {
  const columns = columnsOf(props.catalogue);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder data-testid="permission-grid">
        <Table.Caption>Entity permissions: the level of records each action reaches</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Entity</Table.Th>
            {columns.map((action) => (
              <Table.Th scope="col" key={action}>
                {action}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.catalogue.entities.map((entity) => (
            <Table.Tr key={entity.name} data-entity={entity.name}>
              <Table.Th scope="row">
                {entity.name}
                <Text size="xs" c="dimmed">
                  owned by {entity.ownership.toLowerCase().replace('_', ' ')}
                </Text>
              </Table.Th>
              {columns.map((action) => (
                <Table.Td key={action}>{entity.actions.includes(action) ? <LevelCell entity={entity} action={action} props={props} /> : null}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
