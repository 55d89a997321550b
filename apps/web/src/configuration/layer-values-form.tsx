import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormEvent, ReactNode, useState } from 'react';
import { fieldError } from '../forms/field-errors';
import type { SettingKey, SettingValues } from './configuration-api';
import { SETTINGS } from './setting-definitions';
import { draftOfValues, SettingDraft, valuesOfDraft } from './setting-draft';
import { SettingField } from './setting-field';

export interface LayerValuesFormProps {
  /** The heading, also the form's accessible name. */
  title: string;
  /** Said under the heading, before the fields. */
  intro?: ReactNode;
  /** The values the layer sets now. */
  values: SettingValues;
  /** What applies to a key the layer does not set, e.g. "the system default". */
  unsetHint: string;
  /** Per key the layer does not set, what applies instead ("de-DE from Role SALES"), when the page knows it. */
  inherited?: Partial<Record<SettingKey, string>>;
  submitLabel: string;
  pending: boolean;
  /** The last save's refusal: its messages go beside their fields, the rest to `refusal`. */
  error: unknown;
  /** Shown after a save answered. */
  saved: boolean;
  onSave(values: SettingValues): void;
  /** The refusal not beside a field (FormError or RefusalWithWhy), and any other action. */
  refusal: ReactNode;
  children?: ReactNode;
}

/** The values of one configuration layer (user, role, organization): set a key, or clear it to fall back. */
export function LayerValuesForm({ title, intro, values, unsetHint, inherited = {}, submitLabel, pending, error, saved, onSave, refusal, children }: LayerValuesFormProps) {
  const [draft, setDraft] = useState<SettingDraft>(() => draftOfValues(values));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(valuesOfDraft(draft));
  };
  return (
    <form onSubmit={submit} aria-label={title} noValidate>
      <Stack>
        <Title order={3}>{title}</Title>
        {intro}
        <Text size="sm" c="dimmed">
          A setting left empty is not set here: {unsetHint} applies.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {SETTINGS.map((setting) => (
            <SettingField
              key={setting.key}
              setting={setting}
              value={draft[setting.key]}
              inherited={inherited[setting.key]}
              error={fieldError(error, setting.key)}
              onChange={(value) => setDraft((d) => ({ ...d, [setting.key]: value }))}
            />
          ))}
        </SimpleGrid>
        {refusal}
        {saved && <Text role="status">Saved.</Text>}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {children}
        </Group>
      </Stack>
    </form>
  );
}
