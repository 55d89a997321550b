import { EntityManager } from 'typeorm';

/** The client account of an organization, created on first use with the default currency; its currency. */
export async function accountCurrency(manager: EntityManager, organizationId: string, defaultCurrency: string): Promise<string> {
  await manager.query('INSERT INTO portal_accounts (organization_id, currency) VALUES ($1, $2) ON CONFLICT (organization_id) DO NOTHING', [organizationId, defaultCurrency]);
  const [row] = await manager.query('SELECT currency FROM portal_accounts WHERE organization_id = $1', [organizationId]);
  return row.currency;
}
