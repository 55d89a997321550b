import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { administratorRole } from '@app/acl';
import { ADMINISTRATOR_ROLE, SUITE_ACL, TICKETS_ADMINISTRATOR_ROLE } from '@app/contracts';
import { Outbox } from '@app/bus';
import { SETTINGS, Settings } from '@app/service-kit';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PasswordHasher } from '../passwords/password-hasher';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { publishUnitChanged } from '../business-units/business-unit-changed.event';
import { Organization } from '../organizations/organization.entity';
import { Role } from '../roles/role.entity';
import { SecurityProfile } from '../security-profiles/security-profile.entity';
import { UsersService } from '../users/users.service';

/** Any fixed number: the advisory lock that keeps two first starts from seeding twice. */
const FIRST_START_LOCK = 7_310_001;

/**
 * First start (DESIGN.md section 9): organization `Main`, its root business unit `Main`, role
 * ADMINISTRATOR and the first administrator, who holds it as a fixed role. The administrator also gets
 * the security profile TICKETS_ADMINISTRATOR, which tickets' own first start creates under the same
 * name: the profile match (DESIGN.md section 6) makes them ACTIVE in tickets. Runs once per database.
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstStart');

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly outbox: Outbox,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.settings.adminPassword ?? randomPassword();
    const passwordHash = await this.hasher.hash(password);
    const seeded = await this.outbox.transaction('first-start', async (manager, publish) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_START_LOCK]);
      if (await manager.existsBy(Organization, { name: 'Main' })) return false;
      const organization = await manager.save(manager.create(Organization, { name: 'Main' }));
      const unit = await manager.save(manager.create(BusinessUnit, { organizationId: organization.id, parentId: null, name: 'Main' }));
      await publishUnitChanged(publish, unit);
      const administrator = administratorRole(SUITE_ACL, ADMINISTRATOR_ROLE);
      const role = await manager.save(
        manager.create(Role, {
          name: administrator.name,
          label: 'Administrator',
          readOnly: false,
          permissions: [...administrator.permissions],
          capabilities: [...administrator.capabilities],
          fieldPermissions: [],
        }),
      );
      await manager.save(manager.create(SecurityProfile, { name: TICKETS_ADMINISTRATOR_ROLE, description: 'Matches the tickets profile of that name: everything in tickets' }));
      await this.users.insert(
        manager,
        publish,
        {
          username: this.settings.adminUsername,
          password,
          passwordConfirm: password,
          primaryEmail: `${this.settings.adminUsername}@example.invalid`,
          firstName: 'Suite',
          lastName: 'Administrator',
          enabled: true,
          ownerBusinessUnitId: unit.id,
          organizationIds: [organization.id],
          businessUnitIds: [unit.id],
          roles: [{ roleId: role.id, fixed: true, default: true }],
          securityProfiles: [TICKETS_ADMINISTRATOR_ROLE],
        },
        passwordHash,
        null,
      );
      return true;
    });
    if (!seeded) return;
    if (this.settings.adminPassword) {
      this.logger.log(`first start: created organization Main and administrator "${this.settings.adminUsername}" with ADMIN_PASSWORD`);
      return;
    }
    const file = resolve(this.settings.adminPasswordFile);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    this.logger.log(`first start: administrator "${this.settings.adminUsername}" created; password (shown once): ${password} (also in ${file})`);
  }
}

/** 20 random characters that always meet the default policy. */
const randomPassword = (): string => `Aa1${randomBytes(15).toString('base64url')}`.slice(0, 20);
