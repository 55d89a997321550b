import { Button, Center, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { LoadError } from '../../forms/field-errors';
import { PortalFeatureKey, PortalHome, usePortalHome } from './portal-api';

/** The portal's own pages for its three account features; the other three open the product's links. */
const PAGES: Partial<Record<PortalFeatureKey, string>> = {
  SERVICE_TICKETS: '/portal/service-requests',
  PAYMENTS: '/portal/payments',
  MODULES: '/portal/modules',
};

function FeatureButton({ feature }: { feature: PortalHome['features'][number] }) {
  const common = { size: 'xl', h: 96, fullWidth: true, color: 'orange', 'data-feature': feature.key } as const;
  if (!feature.enabled || (!PAGES[feature.key] && !feature.url)) {
    // Deliberately shown greyed out and disabled: the product's look for what access does not open.
    return (
      <Button {...common} disabled>
        {feature.label}
      </Button>
    );
  }
  const page = PAGES[feature.key];
  if (page) {
    return (
      <Button {...common} component={Link} to={page}>
        {feature.label}
      </Button>
    );
  }
  return (
    <Button {...common} component="a" href={feature.url} target="_blank" rel="noopener noreferrer">
      {feature.label}
    </Button>
  );
}

/** The six big buttons; those the user's portal access does not open are greyed out and disabled. */
export function PortalHomePage() {
  const home = usePortalHome();
  if (home.error) return <LoadError error={home.error} />;
  if (!home.data) return <Center mih={200}><Loader aria-label="Loading the portal" /></Center>;
  return (
    <Stack>
      <Title order={2}>Client portal</Title>
      <Text c="dimmed" data-testid="portal-access">
        Your access: {home.data.access.profile}. {home.data.access.description}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg" data-testid="portal-buttons">
        {home.data.features.map((feature) => (
          <FeatureButton key={feature.key} feature={feature} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
