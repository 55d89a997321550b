import { adminQuery, eventually } from '@app/testing';
import type { BenchSuite } from '../common/bench-suite';

/**
 * `count` business units under Main's root, created through the gateway as an administrator would,
 * each under a parent drawn (with a fixed seed) among the root and the units made before it; waits
 * until tickets has mirrored them all. Returns the ids in creation order.
 */
export async function createUnitTree(bench: BenchSuite, count: number): Promise<string[]> {
  let seed = 20_251_130;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const units: string[] = [];
  for (let i = 0; i < count; i++) {
    const parentId = i === 0 ? bench.ids.businessUnitId : [bench.ids.businessUnitId, ...units][Math.floor(random() * (units.length + 1))];
    const response = await bench.admin.post('/api/business-units', { name: `Unit ${i}`, organizationId: bench.ids.organizationId, parentId });
    if (response.status !== 201) throw new Error(`unit ${i}: ${response.status} ${JSON.stringify(response.body)}`);
    units.push(response.body.id);
  }
  await eventually(async () => {
    const [row] = await adminQuery<{ count: number }>(bench.environment.databases.tickets, 'SELECT count(*)::int AS count FROM ticket_business_units');
    return row.count >= count + 1 ? true : undefined;
  }, 60_000);
  return units;
}

/** `count` tickets straight into tickets' database in one statement, spread over the units and owners, a second apart. */
export async function seedTickets(bench: BenchSuite, count: number, unitIds: string[], ownerIds: string[]): Promise<void> {
  await adminQuery(
    bench.environment.databases.tickets,
    `INSERT INTO tickets (type, subject, description, status, priority, owner_id, requester_id, business_unit_id, organization_id, created_at, updated_at)
     SELECT (ARRAY['TASK','CUSTOMER_ISSUE','PROJECT','SERVICE_REQUEST'])[1 + g % 4], 'Seeded ticket ' || g, 'Description of ticket ' || g,
            (ARRAY['NEW','OPEN','IN_PROGRESS','WAITING','RESOLVED','CLOSED'])[1 + g % 6], (ARRAY['LOW','NORMAL','HIGH','URGENT'])[1 + g % 4],
            ($3::uuid[])[1 + g % cardinality($3::uuid[])], ($3::uuid[])[1 + (g / 7) % cardinality($3::uuid[])],
            ($2::uuid[])[1 + (hashint4(g) & 2147483647) % cardinality($2::uuid[])], $4::uuid,
            now() - make_interval(secs => g), now() - make_interval(secs => g)
       FROM generate_series(1, $1::int) g`,
    [count, unitIds, ownerIds, bench.ids.organizationId],
  );
  await adminQuery(bench.environment.databases.tickets, 'ANALYZE');
}
