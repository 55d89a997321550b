import { Text } from '@mantine/core';
import { ReactNode } from 'react';
import { LoadError } from '../forms/field-errors';

/**
 * What a query shows: its refusal in place (LoadError), "Loading…" until the answer is in, then
 * `children` with the data.
 */
export function QueryResult<T>({ query, children }: { query: { data: T | undefined; error: unknown }; children(data: T): ReactNode }) {
  if (query.error) return <LoadError error={query.error} />;
  if (query.data === undefined) return <Text>Loading…</Text>;
  return <>{children(query.data)}</>;
}
