import { Injectable } from '@nestjs/common';
import { EventOf, EventTypes } from '@app/contracts';
import { Outbox } from '@app/bus';
import { EntityManager } from 'typeorm';
import { aclChanged } from '../access/access-versions';

/** Mirrors identity's business-unit tree; a change makes every cached subject recompile. */
@Injectable()
export class BusinessUnitMirrorService {
  constructor(private readonly outbox: Outbox) {}

  async onUnitChanged(event: EventOf<typeof EventTypes.BusinessUnitChanged>, manager: EntityManager): Promise<void> {
    const { id, organizationId, parentId } = event.data;
    // An older event (a redelivery after a later move) never overwrites a newer position.
    const applied: unknown[] = await manager.query(
      `INSERT INTO ticket_business_units (id, organization_id, parent_id, changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET organization_id = EXCLUDED.organization_id, parent_id = EXCLUDED.parent_id, changed_at = EXCLUDED.changed_at
        WHERE ticket_business_units.changed_at <= EXCLUDED.changed_at RETURNING id`,
      [id, organizationId, parentId, event.occurredAt],
    );
    if (applied.length) await aclChanged(manager, this.outbox.publisherIn(manager, event.correlationId ?? event.id), { kind: 'business-unit', id });
  }
}
