import { Anchor, AppShell, Center, Container, Loader } from '@mantine/core';
import { Outlet } from 'react-router';
import { AccessContext } from '../auth/access-context';
import { useMe, usePermissions } from '../auth/session-queries';
import { LoadError } from '../forms/field-errors';
import { AppHeader } from './app-header';

/** Header and page for a logged-in session; pages below read the session with useAccess(). */
export function AppLayout() {
  const me = useMe();
  const permissions = usePermissions();
  const ready = me.data && permissions.data;
  return (
    <AppShell header={{ height: { base: 'auto' } }} padding="md">
      <Anchor href="#main" className="skip-link">
        Skip to content
      </Anchor>
      {ready && (
        <AccessContext.Provider value={{ me: me.data, permissions: permissions.data }}>
          <AppShell.Header pos="static">
            <AppHeader />
          </AppShell.Header>
          <AppShell.Main id="main" tabIndex={-1}>
            <Container size="lg">
              <Outlet />
            </Container>
          </AppShell.Main>
        </AccessContext.Provider>
      )}
      {!ready && (
        <AppShell.Main id="main">
          {me.error || permissions.error ? <LoadError error={me.error ?? permissions.error} /> : <Center mih={200}><Loader aria-label="Loading the session" /></Center>}
        </AppShell.Main>
      )}
    </AppShell>
  );
}
