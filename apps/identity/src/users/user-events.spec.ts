import { MirroredUser, userCreatedData, userUpdatedData } from './user-events';

const user: MirroredUser = {
  id: 'u1',
  username: 'ada',
  primaryEmail: 'ada@example.com',
  namePrefix: null,
  firstName: 'Ada',
  middleName: null,
  lastName: 'Lovelace',
  nameSuffix: null,
  enabled: true,
  organizationIds: ['o1'],
  businessUnitIds: ['b1'],
  ownerBusinessUnitId: 'b1',
  securityProfiles: [],
};

describe('user events', () => {
  it('carries the primary email as email on create', () => {
    expect(userCreatedData(user)).toMatchObject({ id: 'u1', username: 'ada', email: 'ada@example.com', enabled: true });
    expect(userCreatedData(user)).not.toHaveProperty('primaryEmail');
  });

  it('updates only the fields that changed, under the created event names', () => {
    expect(userUpdatedData(user, { ...user, primaryEmail: 'ada@lovelace.org', organizationIds: ['o1', 'o2'] })).toEqual({
      id: 'u1',
      email: 'ada@lovelace.org',
      organizationIds: ['o1', 'o2'],
    });
  });

  it('has nothing to say when no mirrored field changed, enabled included', () => {
    expect(userUpdatedData(user, { ...user, enabled: false, organizationIds: ['o1'] })).toBeNull();
  });
});
