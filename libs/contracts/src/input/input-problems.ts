import { FieldProblem } from '../errors/error-body';
import { MAX_BODY_DEPTH, nestsDeeperThan } from './nesting-depth';
import { unstorableStringPaths } from './unstorable-strings';

export const UNSTORABLE_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';
export const TOO_DEEP_MESSAGE = `the body must not nest objects and arrays deeper than ${MAX_BODY_DEPTH} levels`;

/** The one problem of a body nested too deep. */
export const tooDeepProblem = (): FieldProblem => ({ field: '(body)', messages: [TOO_DEEP_MESSAGE] });

/**
 * What every client input must satisfy before any DTO rule looks at it: a sane nesting depth and only
 * strings PostgreSQL can store. `root` prefixes the paths (empty for a body). Empty when it is fine.
 */
export function inputProblems(value: unknown, root = ''): FieldProblem[] {
  if (nestsDeeperThan(value)) return [tooDeepProblem()];
  return unstorableStringPaths(value, root).map((field) => ({ field: field || '(body)', messages: [`${field || 'the body'} ${UNSTORABLE_MESSAGE}`] }));
}
