import { activeLoginRoles, AssignedRole } from './login-roles';

const role = (name: string, fixed = false, isDefault = false): AssignedRole => ({ id: name.toLowerCase(), name, fixed, isDefault });
const assigned = [role('Admin', true), role('Sales', false, true), role('Support'), role('Call Center')];
const names = (result: ReturnType<typeof activeLoginRoles>) => (result.ok ? result.active.map((r) => r.name) : result.unknown);

describe('activeLoginRoles', () => {
  it('without a selection activates fixed and default roles', () => {
    expect(names(activeLoginRoles(assigned, undefined))).toEqual(['Admin', 'Sales']);
  });

  it('with a selection activates fixed and selected roles, not the defaults', () => {
    const result = activeLoginRoles(assigned, ['Support']);
    expect(names(result)).toEqual(['Admin', 'Support']);
    expect(result.ok && result.selected).toBe(true);
  });

  it('keeps a fixed role even when the selection leaves it out', () => {
    expect(names(activeLoginRoles(assigned, []))).toEqual(['Admin']);
  });

  it('refuses names the user does not hold, and says which', () => {
    expect(activeLoginRoles(assigned, ['Sales', 'Marketing', 'admin'])).toEqual({ ok: false, unknown: ['Marketing', 'admin'] });
  });
});
