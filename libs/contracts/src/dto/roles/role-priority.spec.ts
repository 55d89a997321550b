import { validateDto } from '../common/validate-dto';
import { IdentityRoleBodyDto, RoleBodyDto } from './role.dto';

const body = (extra: Record<string, unknown>) => ({ name: 'Sales', permissions: [], capabilities: [], ...extra });

describe('identity role priority', () => {
  it('takes whole numbers from -1000 to 1000, or none', async () => {
    for (const priority of [-1000, 0, 7, 1000, undefined]) {
      expect((await validateDto(IdentityRoleBodyDto, body({ priority }))).problems).toEqual([]);
    }
  });

  it('refuses anything else, naming priority', async () => {
    for (const priority of [1001, -1001, 1.5, '7', true, [1]]) {
      const { problems } = await validateDto(IdentityRoleBodyDto, body({ priority }));
      expect({ priority, fields: problems.map((p) => p.field) }).toEqual({ priority, fields: ['priority'] });
    }
  });

  it('is not part of the shared role body (tickets roles have no configuration)', async () => {
    expect((await validateDto(RoleBodyDto, body({ priority: 1 }))).problems.map((p) => p.field)).toEqual(['priority']);
  });
});
