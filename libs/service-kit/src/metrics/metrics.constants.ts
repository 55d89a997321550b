/** The settings of `/metrics` and `/health/ready` (readOperationsSettings). */
export const OPERATIONS_SETTINGS = Symbol('OPERATIONS_SETTINGS');
