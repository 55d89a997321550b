import type { AccessExplanation, AccessLevel, CapabilityExplanation, ScopeReason } from '@app/acl';

/**
 * `GET /api/acl/explain` (DESIGN.md section 3, "Explain"): libs/acl's AccessExplanation for the
 * caller's active roles, plus which roles were looked at and the record asked about.
 */
export type ExplainView = AccessExplanation & {
  /** `identity`: the session's active identity roles; `tickets`: the caller's tickets security roles. */
  roleSource: 'identity' | 'tickets';
  /** The record explained, when `recordId` was given. */
  recordId: string | null;
  /** For ticket entities: the caller's tickets status (only ACTIVE users hold tickets roles). */
  ticketsStatus?: string;
};

/** `GET /api/acl/explain-capability`: libs/acl's CapabilityExplanation for the session's active roles. */
export type CapabilityExplainView = CapabilityExplanation & { roleSource: 'identity' };

/** One user whose roles reach the record. */
export interface AudienceMemberView {
  userId: string;
  username: string;
  /** The organization in which the user's roles reach the record. */
  organizationId: string;
  level: AccessLevel;
  winningRoles: readonly string[];
  reasons: readonly ScopeReason[];
}

/** `GET /api/acl/who-can-see`: every enabled user the caller may view whose roles reach the record for VIEW. */
export interface WhoCanSeeView {
  entity: string;
  recordId: string;
  action: 'VIEW';
  roleSource: 'identity' | 'tickets';
  items: AudienceMemberView[];
  total: number;
}
