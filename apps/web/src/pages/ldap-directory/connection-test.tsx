import { Alert } from '@mantine/core';
import type { ConnectionTest } from './ldap-api';

/** "Test connection"'s answer: how many users the filter finds, or what failed and why. */
export function ConnectionTestResult({ result }: { result: ConnectionTest }) {
  return result.ok ? (
    <Alert color="green" role="status" title="Connection OK" data-testid="ldap-test-result">
      {result.usersFound} {result.usersFound === 1 ? 'user' : 'users'} found.
    </Alert>
  ) : (
    <Alert color="red" role="status" title={`Connection failed: ${result.failure}`} data-testid="ldap-test-result">
      {result.message}
    </Alert>
  );
}
