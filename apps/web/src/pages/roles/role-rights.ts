import { Access, hasCapability } from '../../auth/access';
import { RoleKind } from './roles-api';

export interface RoleRights {
  view: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
}

const granted = (access: Access, action: string): boolean => {
  const level = access.permissions.entities.find((e) => e.entity === 'Role' && e.source === 'identity')?.levels[action];
  return level !== undefined && level !== 'NONE';
};

/**
 * What the session may do with roles of this kind: identity's roles by the Role entity's levels,
 * tickets' roles by the `ticket_user_security` capability (which opens all of it).
 */
export function roleRights(access: Access, kind: RoleKind): RoleRights {
  if (kind.kind === 'tickets') {
    const admin = hasCapability(access, 'ticket_user_security');
    return { view: admin, create: admin, edit: admin, delete: admin };
  }
  const state = access.permissions.entities.find((e) => e.entity === 'Role' && e.source === 'identity')?.state ?? 'DISABLED';
  const writes = state === 'ENABLED';
  return { view: state !== 'DISABLED', create: writes && granted(access, 'CREATE'), edit: writes && granted(access, 'EDIT'), delete: writes && granted(access, 'DELETE') };
}
