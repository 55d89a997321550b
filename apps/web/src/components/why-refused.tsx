import { Group } from '@mantine/core';
import { asApiError } from '../api/api-error';
import { FormError } from '../forms/field-errors';
import { WhyButton } from './why-button';

/** What an ACCESS_DENIED refusal names in its details: the entity and action that were missing. */
const missingOf = (error: unknown): { entity: string; action: string } | null => {
  const details = asApiError(error).details as { missing?: { entity?: unknown; action?: unknown } } | undefined;
  const missing = details?.missing;
  return typeof missing?.entity === 'string' && typeof missing?.action === 'string' ? { entity: missing.entity, action: missing.action } : null;
};

/**
 * A refused call beside what caused it (as FormError), and for a 403 a "Why?" about the action the
 * API named (or the one the caller passes when the refusal names none).
 */
export function RefusalWithWhy({ error, fields, entity, action, recordId }: { error: unknown; fields?: string[]; entity?: string; action?: string; recordId?: string }) {
  if (!error) return null;
  const problem = asApiError(error);
  const missing = missingOf(error) ?? (entity && action ? { entity, action } : null);
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <div style={{ flex: 1 }}>
        <FormError error={error} fields={fields} />
      </div>
      {problem.status === 403 && missing && <WhyButton entity={missing.entity} action={missing.action} recordId={recordId} />}
    </Group>
  );
}
