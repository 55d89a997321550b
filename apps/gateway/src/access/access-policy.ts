import { HttpException, Injectable } from '@nestjs/common';
import { AclAction, AclScope, buildOwnerTree, compileSubject, Subject } from '@app/acl';
import { errorBody, PORTAL_FEATURE_DISABLED, SUITE_ACL, TICKETS_ACCESS_NOT_ACTIVE } from '@app/contracts';
import { Principal } from '../auth/principal';
import { AccessRequirement } from './requirement-metadata';
import { PortalFeatures } from './portal-features';
import { TicketsAccess, TicketsSubjects } from './tickets-subjects';

/**
 * Decides a route's requirement with libs/acl on the session's compiled subject. A subject is
 * compiled once per session snapshot (the session cache hands out the same object until it expires).
 * Ticket entities are decided on the caller's tickets subject instead (TicketsSubjects).
 */
@Injectable()
export class AccessPolicy {
  private readonly subjects = new WeakMap<Principal, Subject>();

  constructor(
    private readonly tickets: TicketsSubjects,
    private readonly portal: PortalFeatures,
  ) {}

  subjectOf(principal: Principal): Subject {
    let subject = this.subjects.get(principal);
    if (!subject) {
      const { roles, businessUnitIds, organizationUnits } = principal.access;
      subject = compileSubject(
        SUITE_ACL,
        roles,
        { userId: principal.userId, organizationId: organizationOf(principal), businessUnitIds },
        buildOwnerTree(organizationUnits),
      );
      this.subjects.set(principal, subject);
    }
    return subject;
  }

  /** The caller's standing in tickets in the session's organization. */
  ticketsAccessOf(principal: Principal, requestId: string): Promise<TicketsAccess> {
    return this.tickets.of(principal, organizationOf(principal), requestId);
  }

  /**
   * Throws 403 naming the missing permission (or TICKETS_ACCESS_NOT_ACTIVE); otherwise returns the
   * scope of an entity requirement (what the service filters by), or undefined for the other kinds.
   */
  async enforce(principal: Principal, requirement: AccessRequirement, requestId: string): Promise<AclScope | undefined> {
    if (requirement.kind === 'authenticated') return undefined;
    if (requirement.kind === 'portal') return this.enforceFeature(principal, requirement.feature, requestId);
    if (requirement.kind === 'tickets') return scopeOf(await this.ticketsSubjectOf(principal, requestId), requirement, ' (tickets roles)');
    const subject = this.subjectOf(principal);
    if (requirement.kind === 'capability') {
      if (subject.hasCapability(requirement.capability)) return undefined;
      throw denied(`the capability ${requirement.capability}`, { capability: requirement.capability });
    }
    return scopeOf(subject, requirement, '');
  }

  /**
   * The organization whose users an administrator may reach: any (null) with User VIEW at GLOBAL,
   * otherwise only its session's organization.
   */
  reachableOrganizationOf(principal: Principal): string | null {
    return this.subjectOf(principal).scope('User', 'VIEW').level === 'GLOBAL' ? null : organizationOf(principal);
  }

  /** Portal features are evaluated here, before the portal is called. */
  private async enforceFeature(principal: Principal, feature: string, requestId: string): Promise<undefined> {
    const open = await this.portal.of(principal.userId, requestId);
    if (open.has(feature)) return undefined;
    throw new HttpException(
      errorBody(403, `The portal feature ${feature} is not open to your portal access; an administrator can grant it.`, PORTAL_FEATURE_DISABLED, { feature }),
      403,
    );
  }

  private async ticketsSubjectOf(principal: Principal, requestId: string): Promise<Subject> {
    const access = await this.ticketsAccessOf(principal, requestId);
    if (access.subject) return access.subject;
    const why =
      access.status === 'NONE' ? 'your user has not reached the ticketing system yet'
      : !access.enabled ? 'your user is disabled'
      : !access.member ? 'your session is in no organization of yours in tickets'
      : 'your user has no tickets security role yet (status NEW)';
    throw new HttpException(
      errorBody(403, `Access to tickets denied: ${why}; only ACTIVE, enabled tickets users may use tickets.`, TICKETS_ACCESS_NOT_ACTIVE, { status: access.status, enabled: access.enabled }),
      403,
    );
  }
}

function organizationOf(principal: Principal): string {
  if (!principal.organizationId) throw denied('an organization to act in', { organization: true });
  return principal.organizationId;
}

function scopeOf(subject: Subject, requirement: { entity: string; action: string }, source: string): AclScope {
  const scope = subject.scope(requirement.entity, requirement.action as AclAction);
  if (scope.level !== 'NONE') return scope;
  throw denied(`${requirement.action} on ${requirement.entity}${source}`, { entity: requirement.entity, action: requirement.action });
}

const denied = (what: string, missing: object): HttpException =>
  new HttpException(errorBody(403, `Access denied: this needs ${what}.`, 'ACCESS_DENIED', { missing }), 403);
