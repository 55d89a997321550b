import { Button, Checkbox, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { AuthStatus, AUTH_STATUS_LABELS, UsersQuery } from './users-api';

type Filters = Omit<UsersQuery, 'limit' | 'offset'>;

/** The list's filters as GET /api/users takes them: enabled, login status, cannot log in, text. */
export function UsersFilters({ value, onChange }: { value: Filters; onChange(filters: Filters): void }) {
  const [q, setQ] = useState(value.q ?? '');
  const search = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...value, q: q.trim() || undefined });
  };
  return (
    <Group align="flex-end" component="form" onSubmit={search} role="search" aria-label="Filter users">
      <SegmentedControl
        aria-label="Enabled"
        data={[
          { value: '', label: 'All' },
          { value: 'true', label: 'Enabled' },
          { value: 'false', label: 'Disabled' },
        ]}
        value={value.enabled ?? ''}
        onChange={(enabled) => onChange({ ...value, enabled: enabled ? (enabled as 'true' | 'false') : undefined })}
      />
      <Select
        label="Login status"
        placeholder="Any"
        clearable
        w={180}
        data={Object.entries(AUTH_STATUS_LABELS).map(([status, label]) => ({ value: status, label }))}
        value={value.authStatus ?? null}
        onChange={(status) => onChange({ ...value, authStatus: (status as AuthStatus | null) ?? undefined })}
      />
      <Checkbox label="Cannot log in" checked={value.cannotLogin === 'true'} onChange={(e) => onChange({ ...value, cannotLogin: e.currentTarget.checked ? 'true' : undefined })} mb={8} />
      <TextInput label="Search" placeholder="Username, name or email" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <Button type="submit" variant="light">
        Search
      </Button>
    </Group>
  );
}
