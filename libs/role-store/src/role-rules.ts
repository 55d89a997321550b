import type { FieldProblem } from '@app/contracts';
import { ServiceError } from '@app/service-kit/errors/service-error';

/** A table whose rows hold a role, counted (and locked) before the role is deleted. */
export interface RoleHolders {
  table: string;
  column: string;
  /** How the message counts them: `user(s)`, `security profile(s)`. */
  label: string;
}

/** 400 with every problem the catalogue finds in the body. */
export function assertNoProblems(problems: FieldProblem[]): void {
  if (problems.length) throw ServiceError.badInput(problems);
}

/** The built-in role keeps every grant: changing it could lock everybody out. */
export function assertNotBuiltIn(noun: string, builtIn: string, name: string): void {
  if (name === builtIn) throw new ServiceError(409, `The ${noun} ${builtIn} is built in and cannot be changed or deleted.`, 'ROLE_PROTECTED');
}

/** 409 when anything holds the role: take it away from them first. */
export function assertNotHeld(noun: string, name: string, held: { label: string; count: number }[]): void {
  if (!held.some((h) => h.count > 0)) return;
  const by = held.map((h) => `${h.count} ${h.label}`).join(' and ');
  throw new ServiceError(409, `The ${noun} ${name} is held by ${by}; remove it from them first.`, 'ROLE_IN_USE');
}

/** The 400 for a name another row of the table already has (ignoring case). */
export const nameTaken = (message: string): ServiceError => ServiceError.badInput([{ field: 'name', messages: [message] }]);
