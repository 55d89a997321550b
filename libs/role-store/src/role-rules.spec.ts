import { ServiceError } from '@app/service-kit/errors/service-error';
import { assertNoProblems, assertNotBuiltIn, assertNotHeld, nameTaken } from './role-rules';

const bodyOf = (work: () => void) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ServiceError) return error.body;
    throw error;
  }
  return undefined;
};

describe('role rules', () => {
  it('answers the catalogue problems as one 400, and nothing when there are none', () => {
    expect(bodyOf(() => assertNoProblems([]))).toBeUndefined();
    const body = bodyOf(() => assertNoProblems([{ field: 'permissions[0].entity', messages: ['unknown entity Nope'] }]));
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'permissions[0].entity', messages: ['unknown entity Nope'] }] });
  });

  it('protects the built-in role by its exact name', () => {
    expect(bodyOf(() => assertNotBuiltIn('tickets role', 'TICKETS_ADMINISTRATOR', 'tickets_administrator'))).toBeUndefined();
    expect(bodyOf(() => assertNotBuiltIn('tickets role', 'TICKETS_ADMINISTRATOR', 'TICKETS_ADMINISTRATOR'))).toMatchObject({
      statusCode: 409,
      code: 'ROLE_PROTECTED',
      message: 'The tickets role TICKETS_ADMINISTRATOR is built in and cannot be changed or deleted.',
    });
  });

  it('refuses a held role, counting every kind of holder', () => {
    expect(bodyOf(() => assertNotHeld('role', 'Sales', [{ label: 'user(s)', count: 0 }]))).toBeUndefined();
    expect(bodyOf(() => assertNotHeld('role', 'Sales', [{ label: 'user(s)', count: 2 }]))).toMatchObject({
      statusCode: 409,
      code: 'ROLE_IN_USE',
      message: 'The role Sales is held by 2 user(s); remove it from them first.',
    });
    const held = [
      { label: 'user(s)', count: 0 },
      { label: 'security profile(s)', count: 1 },
    ];
    expect(bodyOf(() => assertNotHeld('tickets role', 'Agents', held))?.message).toBe('The tickets role Agents is held by 0 user(s) and 1 security profile(s); remove it from them first.');
  });

  it('names the field of a taken name', () => {
    expect(nameTaken('a role named X exists already').body).toMatchObject({ statusCode: 400, details: [{ field: 'name', messages: ['a role named X exists already'] }] });
  });
});
