import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FieldProblem } from '../../errors/error-body';
import { inputProblems } from '../../input/input-problems';

/** The options every input of the suite is checked with: unknown fields are errors, not dropped. */
export const validatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true } as const;

/** Flattens class-validator's nested errors into one problem per field path. */
export const fieldProblems = (errors: ValidationError[], parent = ''): FieldProblem[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });

export const describeProblems = (problems: FieldProblem[]): string =>
  problems.map((p) => `${p.field}: ${p.messages.join('; ')}`).join(' | ');

/**
 * Validates a plain object against a DTO class; returns the instance or the problems. The input rules
 * (depth, storable strings) come first, so that a payload which bypassed the gateway is refused alike.
 */
export async function validateDto<T extends object>(
  cls: new () => T,
  plain: unknown,
): Promise<{ value: T; problems: [] } | { value: null; problems: FieldProblem[] }> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { value: null, problems: [{ field: '(body)', messages: ['the body must be a JSON object'] }] };
  }
  const refused = inputProblems(plain);
  if (refused.length) return { value: null, problems: refused };
  const value = plainToInstance(cls, plain);
  const problems = fieldProblems(await validate(value, validatorOptions));
  return problems.length ? { value: null, problems } : { value, problems: [] };
}
