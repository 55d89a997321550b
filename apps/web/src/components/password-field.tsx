import { PasswordInput, PasswordInputProps } from '@mantine/core';
import { useId } from '@mantine/hooks';

/**
 * Mantine's PasswordInput with its error told to screen readers: it shows the error below the input
 * but leaves aria-invalid and the error's aria-describedby off the input (TextInput sets both).
 * The error element's id is Mantine's own: `${id}-error`.
 */
export function PasswordField({ id, error, ...props }: PasswordInputProps) {
  const inputId = useId(id);
  const invalid = Boolean(error);
  return <PasswordInput {...props} id={inputId} error={error} aria-invalid={invalid} aria-describedby={invalid && typeof error !== 'boolean' ? `${inputId}-error` : undefined} />;
}
