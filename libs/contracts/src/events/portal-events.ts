/**
 * Payload of `portal.access.changed`: one user's portal access changed (`userId`), or every holder of
 * a profile whose features changed (`userId: null`, `profile` named).
 */
export interface PortalAccessChangedData {
  userId: string | null;
  profile: string;
}

/** Payload of `portal.payment.recorded`. */
export interface PortalPaymentRecordedData {
  paymentId: string;
  organizationId: string;
  amount: number;
  currency: string;
  recordedBy: string;
}

/** Payload of `portal.module.added` and `.removed`. */
export interface PortalModuleChangedData {
  organizationId: string;
  moduleKey: string;
  actorId: string;
}
