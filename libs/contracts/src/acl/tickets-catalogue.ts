/**
 * The catalogue tickets' own security roles (OrangeTask) are validated and compiled against, by the
 * tickets service and by the gateway, which enforces them on every ticket route (DESIGN.md section
 * 6). Identity's catalogue (SUITE_ACL) carries none of these entities: no identity role opens tickets.
 * Tickets roles carry entity grants and capabilities only (no field ACL).
 */
import { AclCatalogue, AclEntityDefinition, defineAclCatalogue } from '@app/acl';

export const TICKETS_ENTITIES: AclEntityDefinition[] = [
  { name: 'Ticket', ownership: 'USER', fields: ['type', 'subject', 'description', 'status', 'priority', 'ownerId', 'assigneeId', 'requesterId', 'dueDate'] },
  { name: 'TicketComment', ownership: 'USER', fields: ['body', 'internal'] },
  // Kept so that tickets roles can mirror OrangeTask's; administering tickets is identity's `ticket_user_security`.
  { name: 'TicketRole', ownership: 'NONE', fields: ['name', 'label', 'readOnly', 'permissions', 'capabilities'] },
  { name: 'TicketSecurityProfile', ownership: 'NONE', fields: ['name', 'description', 'roleIds'] },
];

export const TICKET_ENTITY_NAMES = TICKETS_ENTITIES.map((e) => e.name);

export const TICKETS_CAPABILITIES: string[] = [
  'ticket_user_security',
  /** Read and write comments marked internal; without it a user sees public comments only. */
  'ticket_internal_comments',
];

/** The tickets role tickets' first start creates, with every grant, and the profile holding it. */
export const TICKETS_ADMINISTRATOR_ROLE = 'TICKETS_ADMINISTRATOR';

export const TICKETS_ACL: AclCatalogue = defineAclCatalogue({ entities: TICKETS_ENTITIES, capabilities: TICKETS_CAPABILITIES });
