// npm run bench:create-users: 1,000 users created one after another through the gateway; prints
// users per second. Each create hashes a password with argon2id, which dominates. Prints, does not assert.
import { adminQuery, createTestEnvironment, GatewayClient, startSuite } from '@app/testing';

const USERS = Number(process.env.BENCH_USERS ?? 1000);

async function main(): Promise<void> {
  const environment = await createTestEnvironment({ LOGIN_RATE_PER_ADDRESS: '1000' });
  const suite = await startSuite(environment);
  try {
    const [ids] = await adminQuery<{ organizationId: string; businessUnitId: string; roleId: string }>(
      environment.databases.identity,
      `SELECT o.id AS "organizationId", b.id AS "businessUnitId", r.id AS "roleId"
         FROM organizations o JOIN business_units b ON b.organization_id = o.id AND b.parent_id IS NULL, roles r
        WHERE o.name = 'Main' AND r.name = 'ADMINISTRATOR'`,
    );
    const admin = await new GatewayClient(environment.gatewayUrl).login('admin', environment.env.ADMIN_PASSWORD);
    const latencies: number[] = [];
    const started = Date.now();
    for (let i = 0; i < USERS; i++) {
      const sent = Date.now();
      const response = await admin.post('/api/users', {
        username: `bench.${i}`,
        password: 'Str0ng-Password',
        passwordConfirm: 'Str0ng-Password',
        primaryEmail: `bench.${i}@example.com`,
        firstName: 'Bench',
        lastName: `User ${i}`,
        enabled: true,
        ownerBusinessUnitId: ids.businessUnitId,
        organizationIds: [ids.organizationId],
        businessUnitIds: [ids.businessUnitId],
        roles: [{ roleId: ids.roleId, default: true }],
      });
      if (response.status !== 201) throw new Error(`user ${i}: ${response.status} ${JSON.stringify(response.body)}`);
      latencies.push(Date.now() - sent);
    }
    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    console.log(`created ${USERS} users one after another in ${seconds.toFixed(1)} s: ${(USERS / seconds).toFixed(1)} users/s`);
    console.log(`latency per create: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${latencies.at(-1)} ms`);
  } finally {
    await suite.stop();
    await environment.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
