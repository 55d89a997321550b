import { Select } from '@mantine/core';
import { usePeople } from './tickets-api';

/**
 * A tickets user picked by name from GET /api/tickets/people (the ACTIVE, enabled tickets users of
 * the organization: whom a ticket may be assigned or given to).
 */
export function PersonSelect({ label, value, onChange, error, clearable = true, required }: { label: string; value: string | null; onChange(value: string | null): void; error?: string; clearable?: boolean; required?: boolean }) {
  const people = usePeople();
  const data = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.username} (${p.firstName} ${p.lastName})` }));
  return <Select label={label} data={data} value={value} onChange={onChange} searchable clearable={clearable} required={required} error={error ?? (people.error ? 'Could not load the people' : undefined)} nothingFoundMessage="Nobody found" />;
}
