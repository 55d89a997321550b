import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/auth-context';

/** Pages behind the login: without a session, to /login, keeping where the user was going. */
export function RequireSession() {
  const { token } = useAuth();
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}
