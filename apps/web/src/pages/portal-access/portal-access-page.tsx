import { Stack, Title } from '@mantine/core';
import { AccessProfilesSection } from './access-profiles-section';
import { UserAccessSection } from './user-access-section';

/** Portal access administration (`portal_access_admin`): the profiles, and who holds which. */
export function PortalAccessPage() {
  return (
    <Stack gap="xl">
      <Title order={2}>Portal access</Title>
      <UserAccessSection />
      <AccessProfilesSection />
    </Stack>
  );
}
