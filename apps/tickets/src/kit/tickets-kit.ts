import { FieldProblem } from '@app/contracts';

export { containsPattern, DEFAULT_LIMIT, pageOf, rethrowUnique } from '@app/service-kit';
export type { Page } from '@app/service-kit';

export const problem = (field: string, message: string): FieldProblem => ({ field, messages: [message] });
