import { Column, Entity } from 'typeorm';
import { RoleColumns } from '@app/role-store/stored-columns';

/** A tickets security role (OrangeTask), a libs/acl role over the TICKETS_ACL catalogue. */
@Entity('ticket_roles')
export class TicketRole extends RoleColumns {
  /** Unique ignoring case (index ticket_roles_name_ci). */
  @Column({ type: 'text' })
  declare name: string;
}
