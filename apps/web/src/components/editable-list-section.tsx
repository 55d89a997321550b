import { Button, Group, Stack, Title } from '@mantine/core';
import { Fragment, ReactNode, useState } from 'react';

/**
 * A list of records edited in place: the heading with an add button, the editor (for a new record or
 * the one picked in the list) above the list. The editor is keyed by record, so picking another one
 * starts a fresh form.
 */
export function EditableListSection<T extends { id: string }>({
  headingId,
  title,
  addLabel,
  editor,
  children,
}: {
  headingId: string;
  title: string;
  addLabel: string;
  editor: (record: T | null, done: () => void) => ReactNode;
  children: (edit: (record: T) => void) => ReactNode;
}) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return (
    <section aria-labelledby={headingId}>
      <Stack>
        <Group justify="space-between">
          <Title order={3} id={headingId}>
            {title}
          </Title>
          <Button variant="light" onClick={() => setEditing('new')}>
            {addLabel}
          </Button>
        </Group>
        {editing && <Fragment key={editing === 'new' ? 'new' : editing.id}>{editor(editing === 'new' ? null : editing, () => setEditing(null))}</Fragment>}
        {children(setEditing)}
      </Stack>
    </section>
  );
}
