import { Entity } from 'typeorm';
import { ProfileColumns } from '@app/role-store/stored-columns';

/** A named set of tickets roles (ticket_security_profile_roles); a CRM user whose profile has exactly this name gets its roles. */
@Entity('ticket_security_profiles')
export class TicketSecurityProfile extends ProfileColumns {}
