/**
 * Entity actions and field actions. The index of an action in ACL_ACTIONS is its slot in the
 * compiled level table, so the order here is part of the compiled form (not of the public contract).
 */
export const ACL_ACTIONS = ['VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN', 'SHARE', 'CONFIGURE'] as const;

export type AclAction = (typeof ACL_ACTIONS)[number];

/** Every action except VIEW changes data; read-only roles and READ_ONLY states hinge on this. */
export const WRITE_ACTIONS: readonly AclAction[] = ACL_ACTIONS.filter((action) => action !== 'VIEW');

/** CONFIGURE (per-user configuration) exists only for the entity with this name. */
export const CONFIGURABLE_ENTITY = 'User';

export const FIELD_ACTIONS = ['VIEW', 'CREATE', 'EDIT'] as const;

export type FieldAction = (typeof FIELD_ACTIONS)[number];

/** Slot of each action in a compiled row; 8 slots per entity so the row start is `entity << 3`. */
export const ActionIndex = {
  VIEW: 0,
  CREATE: 1,
  EDIT: 2,
  DELETE: 3,
  ASSIGN: 4,
  SHARE: 5,
  CONFIGURE: 6,
} as const satisfies Record<AclAction, number>;

export const ACTION_SLOTS = 8;
export const ACTION_SHIFT = 3;

export const FieldActionIndex = {
  VIEW: 0,
  CREATE: 1,
  EDIT: 2,
} as const satisfies Record<FieldAction, number>;

export const FIELD_ACTION_SLOTS = 3;

const hasOwn = Object.prototype.hasOwnProperty;

export function isAclAction(value: unknown): value is AclAction {
  return typeof value === 'string' && hasOwn.call(ActionIndex, value);
}

export function isFieldAction(value: unknown): value is FieldAction {
  return typeof value === 'string' && hasOwn.call(FieldActionIndex, value);
}

// The second letters of the seven actions differ (vIew, cReate, eDit, dElete, aSsign, sHare,
// cOnfigure), so one char code finds the slot with no hashing and no branch per action: checks run
// millions of times a second and this lookup is most of their cost.
const ACTION_BY_SECOND_CHAR = new Int8Array(128).fill(-1);
ACL_ACTIONS.forEach((action, index) => {
  ACTION_BY_SECOND_CHAR[action.charCodeAt(1)] = index;
});

/** Slot of an action in a compiled row, or -1 for anything that is not an action name. */
export function actionIndexOf(action: string): number {
  if (typeof action !== 'string') return -1;
  // `& 127` keeps the read in bounds (NaN for short strings becomes 0), which keeps V8 on its fast path.
  const index = ACTION_BY_SECOND_CHAR[action.charCodeAt(1) & 127];
  return index >= 0 && ACL_ACTIONS[index] === action ? index : -1;
}

export function isWriteAction(action: AclAction): boolean {
  return action !== 'VIEW';
}

/** Whether an action can ever be granted on the named entity (CONFIGURE only on User). */
export function isActionApplicable(entityName: string, action: AclAction): boolean {
  return action !== 'CONFIGURE' || entityName === CONFIGURABLE_ENTITY;
}
