import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountView, CreatePaymentPayloadDto, EventTypes, IdempotencyCodes, PageQueryDto, Page, PaymentView } from '@app/contracts';
import { Outbox } from '@app/bus';
import { pageOf, ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { DataSource } from 'typeorm';
import { accountCurrency } from './accounts';

const COLUMNS = `id, organization_id AS "organizationId", amount::float8 AS amount, currency, method, idempotency_key AS "idempotencyKey",
  recorded_by AS "recordedBy", created_at AS "createdAt"`;

/**
 * Payments against a client account's ledger (no card processing). One payment per account and
 * `Idempotency-Key`: the insert does nothing on a used key (the unique constraint decides, also for
 * requests at the same moment), and the payment read back answers a repeat with the same body;
 * another body is 409 IDEMPOTENCY_KEY_REUSED.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async record(requestId: string, actor: { userId: string; organizationId: string }, body: CreatePaymentPayloadDto): Promise<PaymentView> {
    if (!Intl.supportedValuesOf('currency').includes(body.currency)) {
      throw new ServiceError(400, `currency ${body.currency} is not an ISO 4217 currency.`, 'UNKNOWN_CURRENCY', [{ field: 'currency', messages: ['currency must be an ISO 4217 code'] }]);
    }
    const { organizationId } = actor;
    return this.outbox.transaction(requestId, async (manager, publish) => {
      const currency = await accountCurrency(manager, organizationId, this.settings.portal.defaultCurrency);
      if (body.currency !== currency) {
        throw new ServiceError(400, `currency must be the account's currency ${currency}, not ${body.currency}.`, 'CURRENCY_MISMATCH', [{ field: 'currency', messages: [`currency must be ${currency}`] }]);
      }
      const [inserted] = await manager.query(
        `INSERT INTO portal_payments (organization_id, idempotency_key, amount, currency, method, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (organization_id, idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
        [organizationId, body.idempotencyKey, body.amount, body.currency, body.method, actor.userId],
      );
      if (inserted) {
        await publish(EventTypes.PortalPaymentRecorded, { paymentId: inserted.id, organizationId, amount: body.amount, currency: body.currency, recordedBy: actor.userId });
        return inserted;
      }
      // The key was used (perhaps by a request committed a moment ago): the first payment answers.
      const [first] = await manager.query(`SELECT ${COLUMNS} FROM portal_payments WHERE organization_id = $1 AND idempotency_key = $2`, [organizationId, body.idempotencyKey]);
      if (first.amount !== body.amount || first.currency !== body.currency || first.method !== body.method) {
        throw new ServiceError(409, 'This Idempotency-Key was used for another payment; use a new key for a new payment.', IdempotencyCodes.reused);
      }
      return first;
    });
  }

  async list(organizationId: string, query: PageQueryDto): Promise<Page<PaymentView>> {
    const { limit, offset } = pageOf(query);
    const items = await this.dataSource.query(`SELECT ${COLUMNS} FROM portal_payments WHERE organization_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`, [organizationId, limit, offset]);
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM portal_payments WHERE organization_id = $1', [organizationId]);
    return { items, total };
  }

  /** The ledger's sums; the balance is what the account owes (charges minus payments). */
  async account(organizationId: string): Promise<AccountView> {
    const currency = await accountCurrency(this.dataSource.manager, organizationId, this.settings.portal.defaultCurrency);
    const [sums] = await this.dataSource.query(
      `SELECT (SELECT coalesce(sum(amount), 0) FROM portal_charges WHERE organization_id = $1)::float8 AS charges,
              (SELECT coalesce(sum(amount), 0) FROM portal_payments WHERE organization_id = $1)::float8 AS payments`,
      [organizationId],
    );
    return { organizationId, currency, charges: sums.charges, payments: sums.payments, balance: sums.charges - sums.payments };
  }
}
