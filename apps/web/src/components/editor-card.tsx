import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { FormEvent, ReactNode } from 'react';

export interface EditorCardProps {
  /** The heading, also the form's accessible name. */
  title: string;
  submitLabel: string;
  pending: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/** An inline add-or-change form in a card: its heading, its inputs, then save and cancel. */
export function EditorCard({ title, submitLabel, pending, onSubmit, onCancel, children }: EditorCardProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Card withBorder>
      <form onSubmit={submit} aria-label={title}>
        <Stack>
          <Title order={4}>{title}</Title>
          {children}
          <Group>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
