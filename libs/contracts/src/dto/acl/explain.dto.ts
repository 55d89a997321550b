import { ACL_ACTIONS, type AclAction } from '@app/acl';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SUITE_CAPABILITIES, SUITE_ENTITIES } from '../../acl/suite-catalogue';
import { TICKET_ENTITY_NAMES } from '../../acl/tickets-catalogue';

/** Every entity explain knows: identity's catalogue and tickets' own (Ticket, TicketComment, ...). */
export const EXPLAINABLE_ENTITIES: readonly string[] = [...SUITE_ENTITIES.map((entity) => entity.name), ...TICKET_ENTITY_NAMES];

/** The entities whose single records explain and who-can-see look up (the others: explain without a record). */
export const RECORD_ENTITIES = ['User', 'BusinessUnit', 'Organization', 'Role', 'Ticket'] as const;

export type RecordEntity = (typeof RECORD_ENTITIES)[number];

/**
 * `GET /api/acl/explain`: the caller's own access to an entity action, and to one record (of
 * RECORD_ENTITIES) when `recordId` is given. Ticket entities are explained with tickets roles.
 */
export class ExplainQueryDto {
  @IsIn(EXPLAINABLE_ENTITIES)
  entity: string;

  @IsIn(ACL_ACTIONS)
  action: AclAction;

  @IsOptional()
  @IsUUID()
  recordId?: string;
}

/** `GET /api/acl/explain-capability`: which of the caller's roles give an identity capability. */
export class ExplainCapabilityQueryDto {
  @IsIn(SUITE_CAPABILITIES)
  capability: string;
}

/** `GET /api/acl/who-can-see`: the users whose roles reach a record for VIEW. */
export class WhoCanSeeQueryDto {
  @IsIn(RECORD_ENTITIES)
  entity: RecordEntity;

  @IsUUID()
  recordId: string;
}
