import { createContext, useContext } from 'react';
import type { Access } from './access';

/** Filled by the layout once /api/me and /api/me/permissions have answered. */
export const AccessContext = createContext<Access | null>(null);

export function useAccess(): Access {
  const access = useContext(AccessContext);
  if (!access) throw new Error('useAccess outside the layout');
  return access;
}
