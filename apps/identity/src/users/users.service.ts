import { Inject, Injectable } from '@nestjs/common';
import type { Subject } from '@app/acl';
import { CreateUserDto, EventTypes, UserCreatedData, UserView } from '@app/contracts';
import { Outbox, PublishInTransaction } from '@app/bus';
import { ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { idempotentCreate, KeyedRequest } from '@app/service-kit/database';
import { EntityManager } from 'typeorm';
import { PasswordHasher } from '../passwords/password-hasher';
import { InvitationMailService } from '../mail/invitation-mail.service';
import { checkPassword } from '../passwords/password-policy';
import { userCreatedData } from './user-events';
import { userReferenceProblems } from './user-references';
import { loadExtras, saveAvatar, saveGroups } from './user-groups-and-avatar';
import { UserRole } from './user-role.entity';
import { assertCreateAllowed } from './user-write-rules';
import { toUserView } from './user-view';
import { User } from './user.entity';

/** A user to insert: the create form without the password (checked and hashed before, or none at all). */
export type NewUser = Omit<CreateUserDto, 'password' | 'passwordConfirm' | 'sendInvitation'> & Partial<Pick<CreateUserDto, 'password' | 'passwordConfirm' | 'sendInvitation'>>;

/** The directory entry a user is imported from (LDAP): its DN, kept on the user, and the directory. */
export interface DirectoryOrigin {
  ldapDn: string;
  ldapDirectoryId: string;
}

/** Unique indexes and the field each one protects, for the race two creates can still run into. */
const uniqueFields: Record<string, string> = { users_username_ci: 'username', users_primary_email_ci: 'primaryEmail' };

@Injectable()
export class UsersService {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly outbox: Outbox,
    private readonly hasher: PasswordHasher,
    private readonly invitations: InvitationMailService,
  ) {}

  /** A user created by `actor`, inside its CREATE scope and with roles it holds itself (DESIGN.md section 3). */
  async create(dto: CreateUserDto, actor: Subject, request: KeyedRequest): Promise<UserView> {
    const passwordProblems = checkPassword(this.settings.passwordPolicy, dto.password, dto.passwordConfirm);
    if (passwordProblems.length) throw ServiceError.badInput(passwordProblems);
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      // A keyed retry gets the first answer, before the username could be "already taken".
      const { value: user, replayed } = await this.outbox.transaction(request.requestId, (manager, publish) =>
        idempotentCreate(manager, request, () => this.insert(manager, publish, dto, passwordHash, actor)),
      );
      // After the commit, so the invitation never names a user that was rolled back; once per user.
      if (dto.sendInvitation && !replayed) this.invitations.invite(user);
      return user;
    } catch (error) {
      const field = uniqueFields[(error as { constraint?: string }).constraint ?? ''];
      if (field) throw ServiceError.badInput([{ field, messages: [`${field} is already taken`] }]);
      throw error;
    }
  }

  /**
   * Inserts a user whose references all check out, with its roles and its created event. `actor`
   * null is first start, which seeds the first administrator before anyone can act. A user imported
   * from a directory (`origin`) has no password hash: it logs in by binding to the directory.
   */
  async insert(
    manager: EntityManager,
    publish: PublishInTransaction,
    dto: NewUser,
    passwordHash: string | null,
    actor: Subject | null,
    origin?: DirectoryOrigin,
  ): Promise<UserView> {
    const roleIds = dto.roles.map((r) => r.roleId);
    const { problems, roles } = await userReferenceProblems(manager, null, {
      username: dto.username,
      primaryEmail: dto.primaryEmail,
      memberships: { ownerBusinessUnitId: dto.ownerBusinessUnitId, organizationIds: dto.organizationIds, businessUnitIds: dto.businessUnitIds, roleIds },
      heldRoleIds: roleIds,
      contacts: dto,
    });
    if (problems.length) throw ServiceError.badInput(problems);
    if (actor) await assertCreateAllowed(manager, actor, dto, roleIds);
    const user = await manager.save(
      manager.create(User, {
        username: dto.username,
        passwordHash,
        ldapDn: origin?.ldapDn ?? null,
        ldapDirectoryId: origin?.ldapDirectoryId ?? null,
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
    await publish(EventTypes.UserCreated, userCreatedData(user));
    const roleNames = new Map(roles.map((r) => [r.id, r.name]));
    return toUserView(
      user,
      dto.roles.map((r) => ({ roleId: r.roleId, name: roleNames.get(r.roleId)!, fixed: r.fixed ?? false, default: r.default ?? false })),
      (await loadExtras(manager, [user.id])).get(user.id),
    );
  }
}
