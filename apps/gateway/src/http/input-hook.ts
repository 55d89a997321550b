import { inputProblems } from '@app/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badInput } from '../errors/bad-input';

/**
 * Every string a client sends must be one PostgreSQL can store (libs/contracts `inputProblems`):
 * body, query values (named by their parameter, e.g. `q`) and path parameters. A Fastify hook, so it
 * runs before Nest's guards: the login route's passport guard reads the body before any pipe would.
 * A callback hook, not an async one: no promise per request for a check that never waits.
 */
export function refuseUnstorableInput(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request: FastifyRequest, _reply, done) => {
    const problems = [...inputProblems(request.params ?? {}), ...inputProblems(request.query ?? {}), ...inputProblems(request.body)];
    done(problems.length ? badInput(problems) : undefined);
  });
}
