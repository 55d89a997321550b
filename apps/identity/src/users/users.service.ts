import { Injectable } from '@nestjs/common';
import type { Subject } from '@app/acl';
import { CreateUserDto, EventTypes, FieldProblem, UserCreatedData } from '@app/contracts';
import { Outbox, PublishInTransaction } from '@app/bus';
import { ServiceError } from '@app/service-kit';
import { EntityManager, In } from 'typeorm';
import { PasswordHasher } from '../passwords/password-hasher';
import { InvitationMailService } from '../mail/invitation-mail.service';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { Organization } from '../organizations/organization.entity';
import { Role } from '../roles/role.entity';
import { checkPassword, readPasswordPolicy } from '../passwords/password-policy';
import { checkDirectoryReferences } from './user-references';
import { loadExtras, saveAvatar, saveGroups } from './user-groups-and-avatar';
import { UserRole } from './user-role.entity';
import { assertCreateAllowed, roleOrganizationProblems } from './user-write-rules';
import { toUserView, UserView } from './user-view';
import { User } from './user.entity';

/** Unique indexes and the field each one protects, for the race two creates can still run into. */
const uniqueFields: Record<string, string> = { users_username_ci: 'username', users_primary_email_ci: 'primaryEmail' };

@Injectable()
export class UsersService {
  private readonly passwordPolicy = readPasswordPolicy();

  constructor(
    private readonly outbox: Outbox,
    private readonly hasher: PasswordHasher,
    private readonly invitations: InvitationMailService,
  ) {}

  /** A user created by `actor`, inside its CREATE scope and with roles it holds itself (DESIGN.md section 3). */
  async create(dto: CreateUserDto, actor: Subject, correlationId: string | null): Promise<UserView> {
    const passwordProblems = checkPassword(this.passwordPolicy, dto.password, dto.passwordConfirm);
    if (passwordProblems.length) throw ServiceError.badInput(passwordProblems);
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      const user = await this.outbox.transaction(correlationId, (manager, publish) => this.insert(manager, publish, dto, passwordHash, actor));
      // After the commit, so the invitation never names a user that was rolled back.
      if (dto.sendInvitation) this.invitations.invite(user);
      return user;
    } catch (error) {
      const field = uniqueFields[(error as { constraint?: string }).constraint ?? ''];
      if (field) throw ServiceError.badInput([{ field, messages: [`${field} is already taken`] }]);
      throw error;
    }
  }

  /**
   * Inserts a user whose references all check out, with its roles and its created event. `actor`
   * null is first start, which seeds the first administrator before anyone can act.
   */
  async insert(manager: EntityManager, publish: PublishInTransaction, dto: CreateUserDto, passwordHash: string, actor: Subject | null): Promise<UserView> {
    const { problems, roles } = await this.checkReferences(manager, dto);
    if (problems.length) throw ServiceError.badInput(problems);
    if (actor) await assertCreateAllowed(manager, actor, dto, dto.roles.map((r) => r.roleId));
    const user = await manager.save(
      manager.create(User, {
        username: dto.username,
        passwordHash,
        enabled: dto.enabled,
        namePrefix: dto.namePrefix ?? null,
        firstName: dto.firstName,
        middleName: dto.middleName ?? null,
        lastName: dto.lastName,
        nameSuffix: dto.nameSuffix ?? null,
        birthday: dto.birthday ?? null,
        primaryEmail: dto.primaryEmail,
        emails: dto.emails ?? [],
        phone: dto.phone ?? null,
        customFields: dto.customFields ?? {},
        ownerBusinessUnitId: dto.ownerBusinessUnitId,
        organizationIds: dto.organizationIds,
        businessUnitIds: dto.businessUnitIds,
        securityProfiles: dto.securityProfiles ?? [],
      }),
    );
    await manager.insert(
      UserRole,
      dto.roles.map((r) => ({ userId: user.id, roleId: r.roleId, fixed: r.fixed ?? false, isDefault: r.default ?? false })),
    );
    await saveGroups(manager, user.id, dto.groups ?? []);
    if (dto.avatar) await saveAvatar(manager, user.id, dto.avatar);
    await publish<UserCreatedData>(EventTypes.UserCreated, {
      id: user.id,
      username: user.username,
      email: user.primaryEmail,
      namePrefix: user.namePrefix,
      firstName: user.firstName,
      middleName: user.middleName,
      lastName: user.lastName,
      nameSuffix: user.nameSuffix,
      enabled: user.enabled,
      organizationIds: user.organizationIds,
      businessUnitIds: user.businessUnitIds,
      ownerBusinessUnitId: user.ownerBusinessUnitId,
      securityProfiles: user.securityProfiles,
    });
    const roleNames = new Map(roles.map((r) => [r.id, r.name]));
    return toUserView(
      user,
      dto.roles.map((r) => ({ roleId: r.roleId, name: roleNames.get(r.roleId)!, fixed: r.fixed ?? false, default: r.default ?? false })),
      (await loadExtras(manager, [user.id])).get(user.id),
    );
  }

  private async checkReferences(manager: EntityManager, dto: CreateUserDto): Promise<{ problems: FieldProblem[]; roles: Role[] }> {
    const problems: FieldProblem[] = [];
    // One connection serves the transaction, so these run one after another.
    const organizations = dto.organizationIds.length ? await manager.findBy(Organization, { id: In(dto.organizationIds) }) : [];
    const units = await manager.findBy(BusinessUnit, { id: In([dto.ownerBusinessUnitId, ...dto.businessUnitIds]) });
    const roles = await manager.findBy(Role, { id: In(dto.roles.map((r) => r.roleId)) });
    const sameName = await manager.createQueryBuilder(User, 'u').where('lower(u.username) = lower(:name)', { name: dto.username }).getCount();
    const sameEmail = await manager.createQueryBuilder(User, 'u').where('lower(u.primary_email) = lower(:email)', { email: dto.primaryEmail }).getCount();
    if (sameName) problems.push({ field: 'username', messages: ['username is already taken (usernames ignore case)'] });
    if (sameEmail) problems.push({ field: 'primaryEmail', messages: ['primaryEmail is already used by another user'] });

    const knownOrganizations = new Set(organizations.map((o) => o.id));
    const missingOrganizations = dto.organizationIds.filter((id) => !knownOrganizations.has(id));
    if (missingOrganizations.length) problems.push({ field: 'organizationIds', messages: [`unknown organization ${missingOrganizations.join(', ')}`] });

    const unitsById = new Map(units.map((u) => [u.id, u]));
    const outside = (id: string) => dto.organizationIds.length > 0 && !knownOrganizations.has(unitsById.get(id)!.organizationId);
    const owner = unitsById.get(dto.ownerBusinessUnitId);
    if (!owner) problems.push({ field: 'ownerBusinessUnitId', messages: [`unknown business unit ${dto.ownerBusinessUnitId}`] });
    else if (outside(owner.id)) problems.push({ field: 'ownerBusinessUnitId', messages: ['ownerBusinessUnitId belongs to an organization the user is not a member of'] });
    const missingUnits = dto.businessUnitIds.filter((id) => !unitsById.has(id));
    const foreignUnits = dto.businessUnitIds.filter((id) => unitsById.has(id) && outside(id));
    if (missingUnits.length) problems.push({ field: 'businessUnitIds', messages: [`unknown business unit ${missingUnits.join(', ')}`] });
    if (foreignUnits.length) problems.push({ field: 'businessUnitIds', messages: [`business unit ${foreignUnits.join(', ')} belongs to an organization the user is not a member of`] });

    const knownRoles = new Set(roles.map((r) => r.id));
    dto.roles.forEach((assignment, index) => {
      if (!knownRoles.has(assignment.roleId)) problems.push({ field: `roles.${index}.roleId`, messages: [`unknown role ${assignment.roleId}`] });
    });
    if (new Set(dto.roles.map((r) => r.roleId)).size !== dto.roles.length) problems.push({ field: 'roles', messages: ['a role is listed twice'] });
    problems.push(...(await roleOrganizationProblems(manager, dto.roles.map((r) => r.roleId), dto.organizationIds)));
    problems.push(...(await checkDirectoryReferences(manager, dto, null)));
    return { problems, roles };
  }
}
