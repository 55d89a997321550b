import { AclAction, AclRecord, AclScope, recordInScope } from '@app/acl';
import { applyScope } from '@app/acl/typeorm';
import { RpcRequest } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { TicketsActor } from '../access/ticket-access.service';

/** Tickets and comments are USER-owned, filed under a denormalised business unit. */
export const OWNED_COLUMNS = { ownerUserId: 'ownerId', ownerBusinessUnitId: 'businessUnitId', organizationId: 'organizationId' } as const;
export const COMMENT_COLUMNS = { ownerUserId: 'authorId', ownerBusinessUnitId: 'businessUnitId', organizationId: 'organizationId' } as const;

/**
 * The scopes a record must lie in: tickets' own (from its security roles) and, when the gateway sent
 * one, identity's for the same route. 403 when the tickets roles grant the action nowhere.
 */
export function scopesFor(actor: TicketsActor, request: RpcRequest | null, entity: string, action: AclAction): AclScope[] {
  const own = actor.subject.scope(entity, action);
  if (own.level === 'NONE') throw new ServiceError(403, `Access denied: your tickets roles grant no ${action} on ${entity}.`, 'ACCESS_DENIED', { missing: { entity, action } });
  return request?.scope ? [request.scope, own] : [own];
}

export const inScopes = (scopes: AclScope[], record: AclRecord): boolean => scopes.every((scope) => recordInScope(scope, record));

export function applyScopes<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scopes: AclScope[], columns: typeof OWNED_COLUMNS | typeof COMMENT_COLUMNS): SelectQueryBuilder<T> {
  return scopes.reduce((query, scope) => applyScope(query, scope, columns), qb);
}

export const ticketRecord = (ticket: { ownerId: string; businessUnitId: string; organizationId: string }): AclRecord => ({
  ownerUserId: ticket.ownerId,
  ownerBusinessUnitId: ticket.businessUnitId,
  organizationId: ticket.organizationId,
});
