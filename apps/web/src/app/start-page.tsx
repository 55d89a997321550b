import { Alert } from '@mantine/core';
import { Navigate } from 'react-router';
import { useAccess } from '../auth/access-context';
import { AREAS } from '../pages/areas';

/** `/`: the first area the session may use. */
export function StartPage() {
  const access = useAccess();
  const first = AREAS.find((area) => area.allowed(access));
  if (!first) return <Alert title="Nothing to show">Your roles open no page of this app.</Alert>;
  return <Navigate to={`/${first.path}`} replace />;
}
