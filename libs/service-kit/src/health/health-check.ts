/** One dependency the service needs to be healthy: its database, its broker connection. */
export interface HealthCheck {
  name: string;
  isUp(): Promise<boolean>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** Resolves false instead of hanging when a dependency stops answering. */
export const withDeadline = (check: Promise<boolean>, ms: number): Promise<boolean> =>
  Promise.race([check.catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
