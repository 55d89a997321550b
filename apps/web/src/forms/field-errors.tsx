import { Alert } from '@mantine/core';
import { ApiError, asApiError } from '../api/api-error';

/** The API's message for one input (its `error` prop), or undefined. */
export const fieldError = (error: unknown, field: string): string | undefined => (error ? asApiError(error).forField(field) : undefined);

/**
 * The refusal of a form's call where no input shows it: a 403, a 409, a 503, or a 400 naming a field
 * the form has no input for. Placed beside the form's button, announced to screen readers.
 */
export function FormError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  const problem: ApiError = asApiError(error);
  if (!problem.hasProblemsBeside(fields)) return null;
  return (
    <Alert color="red" role="alert" title={problem.code ?? 'Refused'}>
      {problem.message}
    </Alert>
  );
}

/** A query's failure in place of what it would have shown. */
export function LoadError({ error }: { error: unknown }) {
  const problem = asApiError(error);
  return (
    <Alert color="red" role="alert" title={problem.code ?? 'Could not load'}>
      {problem.message}
    </Alert>
  );
}
