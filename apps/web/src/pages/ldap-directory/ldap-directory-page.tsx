import { Alert, Stack, Text, Title } from '@mantine/core';
import { useAccess } from '../../auth/access-context';
import { useSessionChoices } from '../../auth/session-queries';
import { QueryResult } from '../../components/query-result';
import { useUserChoices } from '../users/users-api';
import { ImportPanel } from './import-panel';
import { useLdapDirectory } from './ldap-api';
import { LdapDirectoryForm } from './ldap-directory-form';

function LdapDirectorySection({ organizationId }: { organizationId: string }) {
  const access = useAccess();
  const own = useSessionChoices();
  const directory = useLdapDirectory(organizationId);
  const choices = useUserChoices(access, own.data?.organizations ?? []);
  return (
    <QueryResult query={directory}>
      {(current) => (
        <QueryResult query={choices}>
          {(data) => (
            <Stack>
              {!current && <Alert color="gray">No directory is configured for this organization yet.</Alert>}
              <LdapDirectoryForm organizationId={organizationId} directory={current} choices={data} />
              {current && (
                <>
                  <Title order={3}>Import</Title>
                  <ImportPanel organizationId={organizationId} />
                </>
              )}
            </Stack>
          )}
        </QueryResult>
      )}
    </QueryResult>
  );
}

/** The LDAP directory of the session's organization: its users are imported from it and log in against it. */
export function LdapDirectoryPage() {
  const { me } = useAccess();
  const choices = useSessionChoices();
  const name = choices.data?.organizations.find((o) => o.id === me.organizationId)?.name;
  return (
    <Stack>
      <Title order={2}>LDAP directory{name ? `: ${name}` : ''}</Title>
      <Text size="sm" c="dimmed">
        Users are read from the directory (never written to it) and log in with its password.
      </Text>
      {me.organizationId ? <LdapDirectorySection organizationId={me.organizationId} /> : <Alert color="gray">This session belongs to no organization.</Alert>}
    </Stack>
  );
}
