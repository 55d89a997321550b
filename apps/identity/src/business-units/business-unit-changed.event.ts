import { BusinessUnitChangedData, EventTypes } from '@app/contracts';
import type { PublishInTransaction } from '@app/bus';

/**
 * identity.business-unit.changed for a unit created or moved, in the transaction of the change, so
 * that services scoping by DIVISION (tickets) keep the same tree as identity.
 */
export const publishUnitChanged = (publish: PublishInTransaction, unit: { id: string; organizationId: string; parentId: string | null }) =>
  publish<BusinessUnitChangedData>(EventTypes.BusinessUnitChanged, { id: unit.id, organizationId: unit.organizationId, parentId: unit.parentId });
