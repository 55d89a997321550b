import { AclAction } from './actions';
import { AccessLevel } from './levels';
import { OwnershipType } from './ownership';

/**
 * What a person sees per entity and capability (Aurea's process overview).
 * Entity: ENABLED = some write action allowed at any level, READ_ONLY = only VIEW, DISABLED = nothing.
 * Capability: ENABLED = granted by a role that is not read-only, READ_ONLY = granted only by
 * read-only roles, DISABLED = not granted.
 */
export const ACL_STATES = ['ENABLED', 'READ_ONLY', 'DISABLED'] as const;

export type AclState = (typeof ACL_STATES)[number];

export interface EntityStateEntry {
  readonly entity: string;
  readonly ownership: OwnershipType;
  readonly state: AclState;
  /** Level per action that applies to the entity (CONFIGURE only for User). */
  readonly levels: Readonly<Partial<Record<AclAction, AccessLevel>>>;
}

export interface CapabilityStateEntry {
  readonly capability: string;
  readonly state: AclState;
}

/** Every entity and capability of the catalogue, in catalogue order. */
export interface AclStates {
  readonly entities: readonly EntityStateEntry[];
  readonly capabilities: readonly CapabilityStateEntry[];
}

/** Capability grant strengths as compiled: the state is a max over roles. */
export const CapabilityGrant = { NONE: 0, READ_ONLY: 1, FULL: 2 } as const;

export function capabilityGrantState(grant: number): AclState {
  return grant === CapabilityGrant.FULL ? 'ENABLED' : grant === CapabilityGrant.READ_ONLY ? 'READ_ONLY' : 'DISABLED';
}
