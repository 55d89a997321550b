import { Alert, Center, Loader } from '@mantine/core';
import { ReactNode } from 'react';
import { LoadError } from '../../forms/field-errors';
import { PortalFeatureKey, usePortalHome } from './portal-api';

/** A portal page for users whose access opens its feature; the home page greys it out for the others. */
export function FeatureGate({ feature, children }: { feature: PortalFeatureKey; children: ReactNode }) {
  const home = usePortalHome();
  if (home.error) return <LoadError error={home.error} />;
  if (!home.data) return <Center mih={120}><Loader aria-label="Loading" /></Center>;
  if (!home.data.features.some((f) => f.key === feature && f.enabled)) {
    return (
      <Alert color="gray" title="Not available">
        Your portal access ({home.data.access.profile}) does not open this page.
      </Alert>
    );
  }
  return <>{children}</>;
}
