import { AccessLevel } from './levels';
import { OwnerTree } from './owner-tree';
import { OwnershipType } from './ownership';
import { AclRecord } from './record';

/**
 * A record as explain and whoCanSee take it: an AclRecord, or for a record in several organizations
 * (identity's users) `organizationIds` instead of `organizationId`, read as recordMatchesScope reads
 * it: the record lies in the subject's organization when that is among them.
 */
export interface ExplainedRecord extends AclRecord {
  readonly organizationIds?: readonly string[] | null;
}

/** Why a record is or is not within a level; `code` is stable, `message` is for a person. */
export type ScopeReasonCode =
  | 'NO_LEVEL'
  | 'GLOBAL'
  | 'NO_ORGANIZATION'
  | 'OTHER_ORGANIZATION'
  | 'SAME_ORGANIZATION'
  | 'OWNER_IS_YOU'
  | 'OWNER_IS_NOT_YOU'
  | 'UNIT_IS_YOURS'
  | 'UNIT_BELOW_YOURS'
  | 'UNIT_NOT_REACHED'
  | 'NO_UNIT';

export interface ScopeReason {
  readonly code: ScopeReasonCode;
  /** Whether this fact lets the record in (true), keeps it out (false), or is a precondition met (null). */
  readonly admits: boolean | null;
  readonly message: string;
  /** The ids the sentence names (record's and subject's), so a page can show names instead. */
  readonly ids: Readonly<Record<string, string | readonly string[] | null>>;
}

export interface RecordScopeExplanation {
  /** The level the record was judged at (the subject's effective level). */
  readonly level: AccessLevel;
  readonly inScope: boolean;
  /** The facts that decided, in the order they were checked; at least one. */
  readonly reasons: readonly ScopeReason[];
}

/** Who is judged: the subject's user, current organization and units that count (see Subject). */
export interface ScopeViewpoint {
  readonly userId: string;
  readonly organizationId: string;
  readonly businessUnitIds: readonly string[];
  readonly tree: OwnerTree;
}

/** The organization a record counts in for this viewpoint (recordMatchesScope's rule for several). */
export function recordOrganization(record: ExplainedRecord, organizationId: string): string | null {
  if (record.organizationIds != null) return record.organizationIds.includes(organizationId) ? organizationId : null;
  return record.organizationId ?? null;
}

/** The record's units: `ownerBusinessUnitIds` when given, else `[ownerBusinessUnitId]`, else none. */
export function recordUnits(record: AclRecord): readonly string[] {
  if (record.ownerBusinessUnitIds != null) return record.ownerBusinessUnitIds;
  return record.ownerBusinessUnitId != null ? [record.ownerBusinessUnitId] : [];
}

/**
 * Why the record is or is not within `level`, written out step by step from the README's table
 * (organization first, then owner, then units, walking up the tree for DIVISION). It does not call
 * the engine's check, so the property tests can hold the two against each other.
 */
export function explainRecordScope(ownership: OwnershipType, level: AccessLevel, record: ExplainedRecord, viewpoint: ScopeViewpoint): RecordScopeExplanation {
  const reasons: ScopeReason[] = [];
  const done = (inScope: boolean): RecordScopeExplanation => Object.freeze({ level, inScope, reasons: Object.freeze(reasons) });
  if (level === 'NONE') {
    reasons.push(reason('NO_LEVEL', false, 'No role gives this action on this entity, so no record is in reach.', {}));
    return done(false);
  }
  if (level === 'GLOBAL') {
    reasons.push(reason('GLOBAL', true, 'GLOBAL level reaches records of every organization.', {}));
    return done(true);
  }

  const yourOrganization = viewpoint.organizationId;
  const organization = recordOrganization(record, yourOrganization);
  const recordOrganizations = record.organizationIds != null ? [...record.organizationIds] : record.organizationId ?? null;
  if (organization === null) {
    const noOrganization = recordOrganizations === null || (Array.isArray(recordOrganizations) && recordOrganizations.length === 0);
    reasons.push(
      noOrganization
        ? reason('NO_ORGANIZATION', false, `The record belongs to no organization; only GLOBAL level reaches it, and yours is ${level}.`, { yourOrganizationId: yourOrganization })
        : reason(
            'OTHER_ORGANIZATION',
            false,
            `The record's organization ${[recordOrganizations].flat().join(', ')} is not your current organization ${yourOrganization}; ${level} level stays inside it.`,
            { recordOrganizationIds: [recordOrganizations].flat() as string[], yourOrganizationId: yourOrganization },
          ),
    );
    return done(false);
  }
  if (organization !== yourOrganization) {
    reasons.push(
      reason('OTHER_ORGANIZATION', false, `The record's organization ${organization} is not your current organization ${yourOrganization}; ${level} level stays inside it.`, {
        recordOrganizationIds: [organization],
        yourOrganizationId: yourOrganization,
      }),
    );
    return done(false);
  }
  const decisive = level === 'ORGANIZATION';
  reasons.push(
    reason('SAME_ORGANIZATION', decisive ? true : null, `The record's organization ${organization} is your current organization.`, {
      recordOrganizationIds: [organization],
      yourOrganizationId: yourOrganization,
    }),
  );
  if (decisive) return done(true);

  const owner = record.ownerUserId ?? null;
  if (ownership === 'USER') {
    if (owner === viewpoint.userId) {
      const more = level === 'USER' ? '' : '; your own records count at every level from USER up';
      reasons.push(reason('OWNER_IS_YOU', true, `The owner user ${owner} is you${more}.`, { ownerUserId: owner }));
      return done(true);
    }
    if (level === 'USER') {
      reasons.push(
        reason('OWNER_IS_NOT_YOU', false, `The owner ${owner === null ? 'is not set' : `user ${owner} is not you`}; USER level reaches only your own records.`, {
          ownerUserId: owner,
          yourUserId: viewpoint.userId,
        }),
      );
      return done(false);
    }
  }

  const units = recordUnits(record);
  const yours = viewpoint.businessUnitIds;
  if (units.length === 0) {
    reasons.push(reason('NO_UNIT', false, `The record has no business unit, so ${level} level does not reach it.`, { yourBusinessUnitIds: [...yours] }));
    return done(false);
  }
  const direct = units.find((unit) => yours.includes(unit));
  if (direct !== undefined) {
    reasons.push(reason('UNIT_IS_YOURS', true, `The record's business unit ${direct} is one of your units.`, { recordBusinessUnitId: direct }));
    return done(true);
  }
  if (level === 'DIVISION') {
    for (const unit of units) {
      const above = ancestorIn(viewpoint.tree, unit, yours);
      if (above !== undefined) {
        reasons.push(reason('UNIT_BELOW_YOURS', true, `The record's business unit ${unit} is below your unit ${above}.`, { recordBusinessUnitId: unit, yourBusinessUnitId: above }));
        return done(true);
      }
    }
  }
  const reach = level === 'DIVISION' ? 'neither one of your units nor below them' : 'not one of your units';
  const unitList = units.join(', ');
  const yourList = yours.length > 0 ? yours.join(', ') : 'none in this organization';
  reasons.push(
    reason('UNIT_NOT_REACHED', false, `The record's business unit${units.length > 1 ? 's' : ''} ${unitList} ${units.length > 1 ? 'are' : 'is'} ${reach} (yours: ${yourList}).`, {
      recordBusinessUnitIds: [...units],
      yourBusinessUnitIds: [...yours],
    }),
  );
  return done(false);
}

/** The nearest unit strictly above `unit` that is one of `units`, walking the tree's parent links. */
function ancestorIn(tree: OwnerTree, unit: string, units: readonly string[]): string | undefined {
  const seen = new Set<string>([unit]);
  for (let at = tree.parentOf(unit); at !== undefined && !seen.has(at); at = tree.parentOf(at)) {
    if (units.includes(at)) return at;
    seen.add(at);
  }
  return undefined;
}

function reason(code: ScopeReasonCode, admits: boolean | null, message: string, ids: ScopeReason['ids']): ScopeReason {
  return Object.freeze({ code, admits, message, ids: Object.freeze(ids) });
}
