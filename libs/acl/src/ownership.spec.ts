import { ACL_ACTIONS, actionIndexOf, ActionIndex, isActionApplicable, isAclAction, isFieldAction, WRITE_ACTIONS } from './actions';
import { ACCESS_LEVELS } from './levels';
import { allowedLevels, isLevelAllowed, isOwnershipType, OWNERSHIP_TYPES } from './ownership';

describe('ownership types', () => {
  it('allow the levels DESIGN.md lists', () => {
    expect(allowedLevels('USER')).toEqual(['NONE', 'USER', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL']);
    expect(allowedLevels('BUSINESS_UNIT')).toEqual(['NONE', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL']);
    expect(allowedLevels('ORGANIZATION')).toEqual(['NONE', 'ORGANIZATION', 'GLOBAL']);
    expect(allowedLevels('NONE')).toEqual(['NONE', 'GLOBAL']);
  });

  it('answers isLevelAllowed exactly as the lists say', () => {
    for (const ownership of OWNERSHIP_TYPES) {
      for (const level of ACCESS_LEVELS) {
        expect(isLevelAllowed(ownership, level)).toBe(allowedLevels(ownership).includes(level));
      }
    }
  });

  it('recognises ownership type names only', () => {
    expect(OWNERSHIP_TYPES.every(isOwnershipType)).toBe(true);
    expect(isOwnershipType('DIVISION')).toBe(false);
    expect(isOwnershipType('constructor')).toBe(false);
  });
});

describe('actions', () => {
  it('has VIEW as the only non-write action', () => {
    expect(WRITE_ACTIONS).toEqual(['CREATE', 'EDIT', 'DELETE', 'ASSIGN', 'SHARE', 'CONFIGURE']);
  });

  it('allows CONFIGURE only on the User entity', () => {
    expect(isActionApplicable('User', 'CONFIGURE')).toBe(true);
    expect(isActionApplicable('Ticket', 'CONFIGURE')).toBe(false);
    expect(isActionApplicable('Ticket', 'EDIT')).toBe(true);
  });

  it('recognises action and field action names', () => {
    expect(isAclAction('ASSIGN')).toBe(true);
    expect(isAclAction('view')).toBe(false);
    expect(isFieldAction('EDIT')).toBe(true);
    expect(isFieldAction('DELETE')).toBe(false);
    expect(isFieldAction('valueOf')).toBe(false);
  });

  it('finds an action slot by its second letter, and -1 for anything else', () => {
    for (const action of ACL_ACTIONS) expect(actionIndexOf(action)).toBe(ActionIndex[action]);
    for (const notAnAction of ['', 'V', 'view', 'xIEW', 'CONFIGURED', 'toString', '\u0100IEW', null, 1]) {
      expect(actionIndexOf(notAnAction as string)).toBe(-1);
    }
  });
});
