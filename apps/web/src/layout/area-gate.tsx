import { Alert } from '@mantine/core';
import { Outlet } from 'react-router';
import { useAccess } from '../auth/access-context';
import type { Area } from '../pages/area';

/** An area's routes for sessions it allows; a link or an old bookmark into it says so otherwise. */
export function AreaGate({ area }: { area: Area }) {
  const access = useAccess();
  if (!area.allowed(access)) {
    return (
      <Alert color="gray" title="Not available">
        Your roles do not open {area.label}.
      </Alert>
    );
  }
  return <Outlet />;
}
