import { Button, Group, NativeSelect, NumberInput, TextInput } from '@mantine/core';
import type { SettingDefinition } from './setting-definitions';

export interface SettingFieldProps {
  setting: SettingDefinition;
  value: string;
  /** Shown while the layer does not set the key: what applies instead, when the page knows it. */
  inherited: string | undefined;
  error: string | undefined;
  onChange(value: string): void;
}

/** One setting of a layer: its input ('' is "not set") and a button that clears it (falls back). */
export function SettingField({ setting, value, inherited, error, onChange }: SettingFieldProps) {
  const { input, label } = setting;
  const common = { label, error, style: { flex: 1 } };
  const notSet = inherited ? `Not set: ${inherited}` : 'Not set';
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap" data-testid={`setting-field-${setting.key}`}>
      {input.kind === 'choice' && (
        <NativeSelect
          {...common}
          value={value}
          data={[{ value: '', label: notSet }, ...input.options.map((option) => ({ value: option, label: option }))]}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
      {input.kind === 'text' && (
        <TextInput {...common} value={value} placeholder={inherited ? notSet : `Not set, e.g. ${input.example}`} onChange={(event) => onChange(event.currentTarget.value)} />
      )}
      {input.kind === 'number' && (
        <NumberInput
          {...common}
          value={value}
          placeholder={notSet}
          allowDecimal={false}
          clampBehavior="none"
          description={`${input.min} to ${input.max}`}
          onChange={(next) => onChange(String(next))}
        />
      )}
      <Button variant="default" aria-label={`Clear ${label}`} disabled={value === ''} onClick={() => onChange('')} mb={error ? 22 : 0}>
        Clear
      </Button>
    </Group>
  );
}
