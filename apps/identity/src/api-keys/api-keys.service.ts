import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subject } from '@app/acl';
import { ApiKeyIssued, SessionView, UserApiKeyGenerateDto } from '@app/contracts';
import { ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { DataSource } from 'typeorm';
import { assignedRolesIn, loadSessionAccess } from '../access/session-access';
import { assertPlacementsInScope } from '../access/write-checks';
import { activeLoginRoles } from '../auth/login-roles';
import { lockTargetUsers } from '../users/target-users';
import { apiKeyMatches, issueApiKey, keyIdOf } from './api-key-format';

const NOT_ACCEPTED = 'The API key is not valid.';

interface KeyOwner {
  id: string;
  userId: string;
  organizationId: string;
  keyHash: string;
  username: string;
  enabled: boolean;
  authStatus: string;
  organizationIds: string[];
  businessUnitIds: string[];
}

/** OroCRM API keys: one per user per organization, shown once, stored hashed, replaced on regenerate. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async generate(dto: UserApiKeyGenerateDto, actor: Subject): Promise<ApiKeyIssued> {
    const issued = issueApiKey();
    const row = await this.dataSource.transaction(async (manager) => {
      const user = (await lockTargetUsers(manager, [dto.userId], actor)).get(dto.userId);
      if (!user) throw ServiceError.notFound(`user ${dto.userId}`);
      const organizationId = dto.organizationId ?? actor.organizationId;
      if (!organizationId) throw ServiceError.badInput([{ field: 'organizationId', messages: ['organizationId is required: the session has no current organization'] }]);
      if (!user.organizationIds.includes(organizationId)) {
        throw ServiceError.badInput([{ field: 'organizationId', messages: [`the user is not a member of organization ${organizationId}`] }]);
      }
      // A key acts in its organization: the actor must reach that organization, or it would open one to itself.
      assertPlacementsInScope(actor, 'User', 'EDIT', [{ field: 'organizationId', placement: { organizationId } }]);
      // The unique (user, organization) pair makes a regenerate replace the old key, id and all.
      const [saved] = await manager.query(
        `INSERT INTO api_keys (id, user_id, organization_id, key_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, organization_id) DO UPDATE SET id = excluded.id, key_hash = excluded.key_hash, created_at = now()
         RETURNING created_at`,
        [issued.keyId, user.id, organizationId, issued.keyHash],
      );
      return { userId: user.id, organizationId, createdAt: saved.created_at as Date };
    });
    return { keyId: issued.keyId, userId: row.userId, organizationId: row.organizationId, apiKey: issued.apiKey, createdAt: row.createdAt.toISOString() };
  }

  /**
   * A session for a request signed with a key: the user's fixed and default roles in the key's
   * organization. Anything wrong (unknown key, disabled, locked or reset user, organization left)
   * is the same 401, so a caller learns nothing about why.
   */
  async verify(apiKey: string): Promise<SessionView> {
    const keyId = keyIdOf(apiKey);
    if (!keyId) throw new ServiceError(401, NOT_ACCEPTED, 'INVALID_API_KEY');
    const [owner]: KeyOwner[] = await this.dataSource.query(
      `SELECT k.id, k.user_id AS "userId", k.organization_id AS "organizationId", k.key_hash AS "keyHash",
              u.username, u.enabled, u.auth_status AS "authStatus", u.organization_ids AS "organizationIds", u.business_unit_ids AS "businessUnitIds"
         FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = $1`,
      [keyId],
    );
    const usable = owner && apiKeyMatches(apiKey, owner.keyHash) && owner.enabled && owner.authStatus === 'ACTIVE' && owner.organizationIds.includes(owner.organizationId);
    if (!usable) throw new ServiceError(401, NOT_ACCEPTED, 'INVALID_API_KEY');
    return this.describe(owner);
  }

  /** The same shape `identity.sessions.get` answers with, so the gateway compiles it the same way. */
  private async describe(owner: KeyOwner): Promise<SessionView> {
    const login = activeLoginRoles(await assignedRolesIn(this.dataSource.manager, owner.userId, owner.organizationId), undefined);
    const active = login.ok ? login.active : [];
    return {
      sessionId: `apikey:${owner.id}`,
      userId: owner.userId,
      username: owner.username,
      organizationId: owner.organizationId,
      activeRoles: active.map((r) => r.name),
      rolesSelected: false,
      // A key does not expire; this is how long the gateway may trust this answer before asking again.
      expiresAt: new Date(Date.now() + this.settings.tokenTtlSeconds * 1000).toISOString(),
      access: await loadSessionAccess(this.dataSource.manager, owner, owner.organizationId, active.map((r) => r.id)),
    };
  }
}
