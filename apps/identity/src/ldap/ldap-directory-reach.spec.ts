import { buildOwnerTree, compileSubject } from '@app/acl';
import { SUITE_ACL } from '@app/contracts';
import { directoryReachGap } from './ldap-directory-reach';

const ORG = 'org-1';
const OTHER = 'org-2';
const tree = buildOwnerTree([
  { id: 'root-1', organizationId: ORG, parentId: null },
  { id: 'root-2', organizationId: OTHER, parentId: null },
]);

/** A user administrator at `level` in `organizationId`, with `capabilities`. */
const subjectWith = (level: string, capabilities: string[], organizationId = ORG) =>
  compileSubject(
    SUITE_ACL,
    [{ name: 'R', permissions: ['CREATE', 'EDIT'].map((action) => ({ entity: 'User', action, level })) as never, capabilities }],
    { userId: 'u-1', organizationId, businessUnitIds: [organizationId === ORG ? 'root-1' : 'root-2'] },
    tree,
  );

describe('who may administer an organization’s directory', () => {
  it('an organization-level or global user administrator holding ldap_directories', () => {
    expect(directoryReachGap(subjectWith('ORGANIZATION', ['ldap_directories']), ORG)).toBeNull();
    expect(directoryReachGap(subjectWith('GLOBAL', ['ldap_directories']), OTHER)).toBeNull();
  });

  it('not without the capability, not one level too low, not for another organization', () => {
    expect(directoryReachGap(subjectWith('GLOBAL', []), ORG)).toEqual({ capability: 'ldap_directories' });
    expect(directoryReachGap(subjectWith('DIVISION', ['ldap_directories']), ORG)).toEqual({ entity: 'User', action: 'CREATE', level: 'DIVISION' });
    expect(directoryReachGap(subjectWith('ORGANIZATION', ['ldap_directories']), OTHER)).toEqual({ entity: 'User', action: 'CREATE', level: 'ORGANIZATION' });
    expect(directoryReachGap(subjectWith('ORGANIZATION', ['ldap_directories'], OTHER), ORG)).toEqual({ entity: 'User', action: 'CREATE', level: 'ORGANIZATION' });
  });
});
