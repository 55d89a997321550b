/**
 * The catalogue tickets' own security roles (OrangeTask) are validated and compiled against: the
 * ticket entities of the suite catalogue plus tickets' capabilities. Field ACL on tickets is the
 * gateway's (identity roles), so tickets roles carry entity grants and capabilities only.
 */
import { AclCatalogue, defineAclCatalogue } from '@app/acl';
import { SUITE_ENTITIES } from './suite-catalogue';

export const TICKET_ENTITY_NAMES = ['Ticket', 'TicketComment', 'TicketRole', 'TicketSecurityProfile'] as const;

export const TICKETS_CAPABILITIES: string[] = [
  'ticket_user_security',
  /** Read and write comments marked internal; without it a user sees public comments only. */
  'ticket_internal_comments',
];

/** The tickets role tickets' first start creates, with every grant, and the profile holding it. */
export const TICKETS_ADMINISTRATOR_ROLE = 'TICKETS_ADMINISTRATOR';

export const TICKETS_ACL: AclCatalogue = defineAclCatalogue({
  entities: SUITE_ENTITIES.filter((e) => (TICKET_ENTITY_NAMES as readonly string[]).includes(e.name)).map((e) => ({ ...e, fieldAcl: false })),
  capabilities: TICKETS_CAPABILITIES,
});
