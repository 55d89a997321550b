import { NativeSelect, Table, Text, Title } from '@mantine/core';
import { CatalogueEntity } from './roles-api';
import { fieldCellKey } from './role-draft';

/** What a field cell left empty means: the field follows the role's level on the entity. */
const FOLLOWS = { value: '', label: 'as entity' };

interface FieldGridProps {
  entity: CatalogueEntity;
  fieldLevels: Record<string, string>;
  errors: Record<string, string>;
  editable: boolean;
  onChange(key: string, level: string): void;
}

/** Field permissions of one entity with field ACL: a row per field, a column per field action (VIEW, CREATE, EDIT). */
export function FieldPermissionGrid({ entity, fieldLevels, errors, editable, onChange }: FieldGridProps) {
  return (
    <section aria-labelledby={`fields-${entity.name}`}>
      <Title order={4} id={`fields-${entity.name}`}>
        Field permissions: {entity.name}
      </Title>
      <Text size="sm" c="dimmed">
        A field left “as entity” follows the role&apos;s level on {entity.name}; a level set here never exceeds it.
      </Text>
      <Table striped withTableBorder data-testid={`field-grid-${entity.name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Field</Table.Th>
            {entity.fieldActions.map((action) => (
              <Table.Th scope="col" key={action}>
                {action}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entity.fields.map((field) => (
            <Table.Tr key={field}>
              <Table.Th scope="row">{field}</Table.Th>
              {entity.fieldActions.map((action) => {
                const key = fieldCellKey(entity.name, field, action);
                return (
                  <Table.Td key={action}>
                    {editable ? (
                      <NativeSelect
                        size="xs"
                        aria-label={`${entity.name}.${field} ${action}`}
                        data={[FOLLOWS, ...entity.levels]}
                        value={fieldLevels[key] ?? ''}
                        error={errors[key]}
                        onChange={(event) => onChange(key, event.currentTarget.value)}
                      />
                    ) : (
                      <Text size="sm">{fieldLevels[key] ?? FOLLOWS.label}</Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
