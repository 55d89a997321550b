import { within } from '../async/within';

/** One dependency the service needs to be healthy: its database, its broker connection. */
export interface HealthCheck {
  name: string;
  isUp(): Promise<boolean>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** Resolves false instead of hanging when a dependency stops answering. */
export const withDeadline = async (check: Promise<boolean>, ms: number): Promise<boolean> => (await within(check.catch(() => false), ms)) ?? false;
