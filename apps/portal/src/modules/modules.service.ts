import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventTypes, ModuleView, Page } from '@app/contracts';
import { Outbox } from '@app/bus';
import { ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { idempotentValue, KeyedRequest } from '@app/service-kit/database';
import { DataSource, EntityManager } from 'typeorm';
import { accountCurrency } from '../account/accounts';

const VIEW = `SELECT m.key, m.name, m.description, m.monthly_price::float8 AS "monthlyPrice", m.currency, (a.module_key IS NOT NULL) AS added
  FROM portal_modules m LEFT JOIN portal_account_modules a ON a.module_key = m.key AND a.organization_id = $1`;

type AccountActor = { userId: string; organizationId: string };

/**
 * The modules catalogue (seeded by migration) and a client account's modules. Adding one charges
 * its monthly price to the ledger; every add and remove is recorded with who and when.
 */
@Injectable()
export class ModulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async list(organizationId: string): Promise<Page<ModuleView>> {
    const items = await this.dataSource.query(`${VIEW} ORDER BY m.position`, [organizationId]);
    return { items, total: items.length };
  }

  /** With an `Idempotency-Key`, a retry answers the first add instead of 409 MODULE_ALREADY_ADDED. */
  async add(request: KeyedRequest, actor: AccountActor, key: string): Promise<ModuleView> {
    return this.outbox.transaction(request.requestId, (manager, publish) => idempotentValue(manager, request, async () => {
      const module = await this.known(manager, actor.organizationId, key);
      const currency = await accountCurrency(manager, actor.organizationId, this.settings.portal.defaultCurrency);
      if (module.currency !== currency) throw new ServiceError(409, `Module ${key} is priced in ${module.currency}, the account pays in ${currency}.`, 'CURRENCY_MISMATCH');
      const [added] = await manager.query(
        'INSERT INTO portal_account_modules (organization_id, module_key, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING module_key',
        [actor.organizationId, key, actor.userId],
      );
      if (!added) throw new ServiceError(409, `Module ${key} is already added to this account.`, 'MODULE_ALREADY_ADDED', { module: key });
      await manager.query('INSERT INTO portal_charges (organization_id, amount, currency, description, module_key, charged_by) VALUES ($1, $2, $3, $4, $5, $6)', [
        actor.organizationId,
        module.monthlyPrice,
        module.currency,
        `Module ${module.name}: monthly price`,
        key,
        actor.userId,
      ]);
      await this.record(manager, actor, key, 'ADDED');
      await publish(EventTypes.PortalModuleAdded, { organizationId: actor.organizationId, moduleKey: key, actorId: actor.userId });
      return { ...module, added: true };
    }));
  }

  async remove(requestId: string, actor: AccountActor, key: string): Promise<ModuleView> {
    return this.outbox.transaction(requestId, async (manager, publish) => {
      const module = await this.known(manager, actor.organizationId, key);
      // UPDATE and DELETE answer [rows, count] in TypeORM's PostgreSQL driver.
      const [, removed] = await manager.query('DELETE FROM portal_account_modules WHERE organization_id = $1 AND module_key = $2', [actor.organizationId, key]);
      if (!removed) throw new ServiceError(409, `Module ${key} is not added to this account.`, 'MODULE_NOT_ADDED', { module: key });
      await this.record(manager, actor, key, 'REMOVED');
      await publish(EventTypes.PortalModuleRemoved, { organizationId: actor.organizationId, moduleKey: key, actorId: actor.userId });
      return { ...module, added: false };
    });
  }

  private async known(manager: EntityManager, organizationId: string, key: string): Promise<ModuleView> {
    const [module] = await manager.query(`${VIEW} WHERE m.key = $2`, [organizationId, key]);
    if (!module) throw new ServiceError(404, `There is no module ${key} in the catalogue.`, 'MODULE_NOT_FOUND', { module: key });
    return module;
  }

  private record(manager: EntityManager, actor: AccountActor, key: string, change: 'ADDED' | 'REMOVED'): Promise<unknown> {
    return manager.query('INSERT INTO portal_module_changes (organization_id, module_key, change, actor_id) VALUES ($1, $2, $3, $4)', [actor.organizationId, key, change, actor.userId]);
  }
}
