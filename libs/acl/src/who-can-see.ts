import { AclAction } from './actions';
import { explainAccess, ExplainSubject } from './explain';
import { ExplainedRecord, ScopeReason } from './explain-record';
import { AccessLevel, AccessLevelRank } from './levels';

/** One way a user could act: its roles in one organization (a user in several gives several). */
export type AudienceCandidate = ExplainSubject;

export interface AudienceMember {
  readonly userId: string;
  /** The organization of the candidate that reaches the record (its current organization then). */
  readonly organizationId: string;
  readonly level: AccessLevel;
  readonly winningRoles: readonly string[];
  /** Why the record is in its scope (the facts that admitted it). */
  readonly reasons: readonly ScopeReason[];
}

/**
 * "Who can see this": the users among the candidates whose roles reach the record for the action
 * (VIEW unless told), one entry per user with the highest level among its candidates that reach it,
 * in the order users first appear. Each candidate is judged with explainAccess, so the answer says
 * why, and the property tests hold it against the engine's scope.
 */
export function whoCanSee(candidates: readonly AudienceCandidate[], entity: string, record: ExplainedRecord, action: AclAction = 'VIEW'): AudienceMember[] {
  const best = new Map<string, AudienceMember>();
  for (const candidate of candidates) {
    const explanation = explainAccess(candidate, entity, action, record);
    if (!explanation.allowed) continue;
    const userId = candidate.context.userId;
    const known = best.get(userId);
    if (known !== undefined && AccessLevelRank[known.level] >= AccessLevelRank[explanation.level]) continue;
    best.set(
      userId,
      Object.freeze({
        userId,
        organizationId: candidate.context.organizationId,
        level: explanation.level,
        winningRoles: explanation.winningRoles,
        reasons: explanation.record!.reasons,
      }),
    );
  }
  return [...best.values()];
}
