import { HttpException, Injectable } from '@nestjs/common';
import { AclAction, AclScope, buildOwnerTree, compileSubject, Subject } from '@app/acl';
import { errorBody, SUITE_ACL } from '@app/contracts';
import { Principal } from '../auth/principal';
import { AccessRequirement } from './access-requirement';

/**
 * Decides a route's requirement with libs/acl on the session's compiled subject. A subject is
 * compiled once per session snapshot (the session cache hands out the same object until it expires).
 */
@Injectable()
export class AccessPolicy {
  private readonly subjects = new WeakMap<Principal, Subject>();

  subjectOf(principal: Principal): Subject {
    let subject = this.subjects.get(principal);
    if (!subject) {
      const { roles, businessUnitIds, organizationUnits } = principal.access;
      if (!principal.organizationId) throw denied('an organization to act in', { organization: true });
      subject = compileSubject(
        SUITE_ACL,
        roles,
        { userId: principal.userId, organizationId: principal.organizationId, businessUnitIds },
        buildOwnerTree(organizationUnits),
      );
      this.subjects.set(principal, subject);
    }
    return subject;
  }

  /**
   * Throws 403 naming the missing permission; otherwise returns the scope of an entity requirement
   * (what the service filters by), or undefined for the other kinds.
   */
  enforce(principal: Principal, requirement: AccessRequirement): AclScope | undefined {
    if (requirement.kind === 'authenticated') return undefined;
    const subject = this.subjectOf(principal);
    if (requirement.kind === 'capability') {
      if (subject.hasCapability(requirement.capability)) return undefined;
      throw denied(`the capability ${requirement.capability}`, { capability: requirement.capability });
    }
    const scope = subject.scope(requirement.entity, requirement.action as AclAction);
    if (scope.level !== 'NONE') return scope;
    throw denied(`${requirement.action} on ${requirement.entity}`, { entity: requirement.entity, action: requirement.action });
  }
}

const denied = (what: string, missing: object): HttpException =>
  new HttpException(errorBody(403, `Access denied: this needs ${what}.`, 'ACCESS_DENIED', { missing }), 403);
