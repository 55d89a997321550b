import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Identity's business-unit tree as tickets needs it for DIVISION scopes (from identity.business-unit.changed). */
@Entity('ticket_business_units')
export class TicketBusinessUnit {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** When identity made the change: an older event never overwrites a newer move. */
  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
