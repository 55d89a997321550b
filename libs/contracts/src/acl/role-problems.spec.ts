import { identityRoleProblems } from './role-problems';
import { SUITE_ACL } from './suite-catalogue';
import { TICKETS_ACL } from './tickets-catalogue';

describe('ticket entities belong to tickets roles alone', () => {
  it('identity catalogue carries no ticket entity; the tickets catalogue carries them all', () => {
    for (const name of ['Ticket', 'TicketComment', 'TicketRole', 'TicketSecurityProfile']) {
      expect(SUITE_ACL.entity(name)).toBeUndefined();
      expect(TICKETS_ACL.entity(name)).toBeDefined();
    }
  });

  it('an identity role with a ticket grant is refused saying where such grants belong; other problems keep their message', () => {
    const problems = identityRoleProblems({
      name: 'x',
      permissions: [
        { entity: 'User', action: 'VIEW', level: 'GLOBAL' },
        { entity: 'TicketComment', action: 'VIEW', level: 'USER' },
        { entity: 'Nope', action: 'VIEW', level: 'GLOBAL' },
      ],
      capabilities: [],
      fieldPermissions: [{ entity: 'Ticket', field: 'subject', action: 'VIEW', level: 'USER' }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'permissions.1.entity', messages: ['TicketComment is governed by tickets security roles (/api/tickets/roles), not by identity roles'] },
        { field: 'fieldPermissions.0.entity', messages: ['Ticket is governed by tickets security roles (/api/tickets/roles), not by identity roles'] },
        { field: 'permissions.2.entity', messages: [expect.stringContaining('unknown entity')] },
      ]),
    );
  });
});
